/**
 * Serves the built React front end (dist/web). A path the web route table knows
 * (src/web/route-paths.ts, the list routes.tsx is built from) gets index.html with 200; any
 * other path gets it with 404, so the app shows its not-found page and crawlers and monitors see
 * the truth (installNotFoundHandler in error-handler.ts).
 *
 * Caching: the hashed files under /assets never change, so a year and `immutable`; everything
 * else (index.html, favicon) `no-cache` (revalidated, so a new release is seen at once).
 * Compression: `npm run build:web` writes .br and .gz beside each text file (vite.config.ts), which
 * are sent as they are (no work per request); other answers are compressed by @fastify/compress.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ASSETS, registerWithPolicy } from './auth.ts';

export const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');
const assetsDir = path.join(webRoot, 'assets') + path.sep;

const IMMUTABLE = 'public, max-age=31536000, immutable';

function cacheHeaders(reply: FastifyReply, file: string): void {
  reply.header('cache-control', file.startsWith(assetsDir) ? IMMUTABLE : 'no-cache');
}

/** Serves dist/web if it was built; returns whether it did. */
export async function registerWeb(app: FastifyInstance): Promise<boolean> {
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) {
    app.log.warn(`front end not built (${webRoot}); run \`npm run build:web\``);
    return false;
  }
  const common = { root: webRoot, preCompressed: true, cacheControl: false, setHeaders: cacheHeaders } as const;
  // wildcard: files are looked up per request, so a rebuilt front end is served without a restart.
  // reply.sendFile for every scope (the page route and the not-found handler), serving no route;
  await app.register(fastifyStatic, { ...common, serve: false });
  // the files themselves, in a scope that gives their routes the ASSETS policy.
  await registerWithPolicy(app, ASSETS, (files) => files.register(fastifyStatic, { ...common, wildcard: true, index: false, decorateReply: false }));
  app.get('/', { config: { policy: ASSETS } }, (_req, reply) => reply.sendFile('index.html'));
  return true;
}
