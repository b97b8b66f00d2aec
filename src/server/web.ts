/** Serves the built React front end (dist/web); unknown non-API paths get index.html (client routing). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ASSETS, registerWithPolicy } from './auth.ts';

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** Serves dist/web if it was built; returns whether it did. */
export async function registerWeb(app: FastifyInstance): Promise<boolean> {
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) {
    app.log.warn(`front end not built (${webRoot}); run \`npm run build:web\``);
    return false;
  }
  // wildcard: files are looked up per request, so a rebuilt front end is served without a restart.
  // reply.sendFile for every scope (the page route and the not-found handler), serving no route;
  await app.register(fastifyStatic, { root: webRoot, serve: false });
  // the files themselves, in a scope that gives their routes the ASSETS policy.
  await registerWithPolicy(app, ASSETS, (files) => files.register(fastifyStatic, { root: webRoot, wildcard: true, index: false, decorateReply: false }));
  app.get('/', { config: { policy: ASSETS } }, (_req, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  return true;
}
