/** GET /sitemap.xml and /robots.txt (sitemap.ts), public, outside the API document. */
import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PUBLIC } from '../../server/auth.ts';
import { robotsTxt, sitemapXml } from './sitemap.ts';

export const sitemapRoutes: FastifyPluginAsyncZod<{ publicUrl: string; webRoot?: string }> = async (app, { publicUrl, webRoot }) => {
  app.get('/sitemap.xml', { config: { policy: PUBLIC }, schema: { hide: true } }, async (_req, reply) =>
    reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(await sitemapXml(app.db, publicUrl, webRoot && path.join(webRoot, 'index.html'))),
  );
  app.get('/robots.txt', { config: { policy: PUBLIC }, schema: { hide: true } }, (_req, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=86400').send(robotsTxt(publicUrl)),
  );
};
