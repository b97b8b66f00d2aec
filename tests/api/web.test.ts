/** The built front end as the server serves it: app routes get the page, missing files a 404. */
import assert from 'node:assert/strict';
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
    for (const url of ['/', '/?lang=en', '/plans/1', '/staff/login']) {
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
});
