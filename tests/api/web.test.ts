/**
 * The built front end as the server serves it: app routes get the page with 200, unknown
 * addresses the same page with 404 (the app shows its not-found page), missing files a 404;
 * compressed answers (br, gzip), hashed assets cached for a year, the page revalidated.
 */
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { openTestApp, type TestApp } from '../support/app.ts';
import { ANY_KIND } from '../support/db.ts';
import { buildApp } from '../../src/server/app.ts';
import type { FastifyInstance } from 'fastify';

describe('serving the web front end (dist/web, built by pretest)', () => {
  let t: TestApp;
  let app: FastifyInstance;
  before(async () => {
    t = await openTestApp(ANY_KIND);
    app = await buildApp({ config: { logLevel: 'silent' }, database: t.database, web: true });
  });
  after(async () => {
    await app.close();
    await t.close();
  });

  it('answers app routes with index.html and strict security headers', async () => {
    for (const url of ['/', '/?lang=en', '/plans/1', '/staff/login', '/privacy', '/Events/3/', '/plans/999999999', '/registrations/AbCdEf-_12345']) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 200, url);
      assert.match(res.headers['content-type'] as string, /text\/html/);
      assert.match(res.body, /<div id="root">/);
      assert.match(res.headers['content-security-policy'] as string, /default-src 'self'/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
    }
  });

  it('serves assets, and a 404 for a missing file or API path', async () => {
    const index = (await app.inject('/')).body;
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(index)![1]!;
    const js = await app.inject(asset);
    assert.equal(js.statusCode, 200);
    assert.match(js.headers['content-type'] as string, /javascript/);
    assert.equal((await app.inject('/assets/missing-file.js')).statusCode, 404);
    const api = await app.inject('/api/missing');
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, 'NOT_FOUND');
  });

  it('answers an unknown address with 404 and the app (which shows its not-found page)', async () => {
    for (const url of ['/nope', '/plans/abc', '/plans/0', '/plans/1/nope', '/staff/nope', '/registrations/x', '/nope?lang=en']) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(res.headers['content-type'] as string, /text\/html/, url);
      assert.match(res.body, /<div id="root">/, url);
    }
    assert.equal((await app.inject({ method: 'HEAD', url: '/nope' })).statusCode, 404);
    assert.equal((await app.inject({ method: 'HEAD', url: '/plans/1' })).statusCode, 200);
    // /api is the API's, even without a slash
    assert.equal((await app.inject('/api')).json().error.code, 'NOT_FOUND');
  });

  it('compresses pages, scripts, styles and JSON (br or gzip), and caches hashed assets for good', async () => {
    const page = await app.inject({ url: '/', headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(page.headers['content-encoding'], 'br');
    assert.equal(page.headers['cache-control'], 'no-cache');
    assert.match(String(page.headers.vary), /accept-encoding/i);
    const html = zlib.brotliDecompressSync(page.rawPayload).toString('utf8');
    assert.match(html, /<div id="root">/);
    const missing = await app.inject({ url: '/nope', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(missing.statusCode, 404);
    assert.match(zlib.gunzipSync(missing.rawPayload).toString('utf8'), /<div id="root">/);

    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    assert.ok(assets.some((a) => a.endsWith('.js')) && assets.some((a) => a.endsWith('.css')), assets.join());
    for (const asset of assets) {
      const plain = await app.inject(asset);
      for (const encoding of ['br', 'gzip'] as const) {
        const res = await app.inject({ url: asset, headers: { 'accept-encoding': encoding } });
        assert.equal(res.headers['content-encoding'], encoding, asset);
        assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', asset);
        const body = encoding === 'br' ? zlib.brotliDecompressSync(res.rawPayload) : zlib.gunzipSync(res.rawPayload);
        assert.ok(body.equals(plain.rawPayload), `${asset} (${encoding}) decodes to the file`);
        assert.ok(res.rawPayload.length < plain.rawPayload.length, `${asset} (${encoding}) is smaller`);
      }
      assert.match(plain.headers['content-type'] as string, asset.endsWith('.js') ? /javascript/ : /text\/css/);
    }
    assert.equal((await app.inject('/favicon.svg')).headers['cache-control'], 'no-cache');

    const json = await app.inject({ url: '/api/privacy-policy', headers: { 'accept-encoding': 'br' } });
    assert.equal(json.headers['content-encoding'], 'br');
    assert.ok(JSON.parse(zlib.brotliDecompressSync(json.rawPayload).toString('utf8')).processings.length > 0);
  });
});
