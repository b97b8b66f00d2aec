/**
 * Vite config for the public web front end (src/web → dist/web), served in production by
 * the Fastify server. Vite 8 transforms TS/JSX with Oxc: `esbuild` options are deprecated
 * there, so the automatic JSX runtime is set through `oxc` (no React plugin needed).
 *
 * `FINHUB_WEB_FIXTURE=1 npm run dev:web` answers /api from src/web/dev-fixture.json, for
 * working on the pages without the backend; otherwise /api is proxied to the server.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));
const apiTarget = process.env.FINHUB_API_URL ?? 'http://localhost:3000';
// A plain '/api' key is a prefix match and would also send modules like /api-client.ts to the
// backend; the regex limits the proxy to the API's own paths.
const proxy = { '^/api(/|$)': apiTarget };

/** Dev-only stand-in for GET /api/plans and /api/plans/:id, backed by the hand-made fixture. */
function fixtureApi(): Plugin {
  const send = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(body));
  };
  return {
    name: 'finhub-fixture-api',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = req.url ?? '/';
        if (!url.startsWith('/api/')) return next();
        const plan = JSON.parse(readFileSync(`${webRoot}/dev-fixture.json`, 'utf8')) as Record<string, unknown>;
        const path = url.slice('/api'.length).split('?')[0];
        if (path === '/plans') {
          const { id, category, number, pledge, title, period, totalBudgetKrw } = plan;
          return send(res, 200, { items: [{ id, category, number, pledge, title, period, totalBudgetKrw }] });
        }
        if (path === `/plans/${String(plan.id)}`) return send(res, 200, plan);
        send(res, 404, {
          error: { code: 'NOT_FOUND', message: { ko: '요청한 항목이 없습니다.', en: 'Not found.' } },
        });
      });
    },
  };
}

/**
 * Writes file.br and file.gz beside each text file of the build, at the strongest settings, for
 * the server to send as they are (@fastify/static preCompressed: no compression per request).
 * Fonts (woff2) and images are compressed already.
 */
function precompress(): Plugin {
  const TEXT = /\.(html|js|css|svg|json|txt|xml|webmanifest)$/;
  return {
    name: 'finhub-precompress',
    apply: 'build',
    writeBundle() {
      for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !TEXT.test(entry.name)) continue;
        const file = path.join(entry.parentPath, entry.name);
        const data = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  plugins: [...(process.env.FINHUB_WEB_FIXTURE === '1' ? [fixtureApi()] : []), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // Fonts must be real files (a strict CSP may forbid data: URLs, and they are large anyway).
    assetsInlineLimit: 0,
  },
  server: { proxy },
  preview: { proxy },
});
