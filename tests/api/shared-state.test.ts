/**
 * What several servers on one database share: two apps on the same database stand for two
 * `finhub serve` processes (each has its own in-process state). On PostgreSQL the rate limit
 * counts across both, a file stored through one is read through the other, and a scheduled job
 * never runs on both at once; /api/ready answers for the balancer. The embedded PGlite default
 * (one process) keeps the in-process counter and the folder.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/db/client.ts';
import { buildApp } from '../../src/server/app.ts';
import { runExclusively } from '../../src/server/jobs.ts';
import { countHit } from '../../src/server/rate-limit-store.ts';
import { ORIGIN } from '../support/auth.ts';
import { DB_KINDS, openTestDatabase } from '../support/db.ts';

const LIMIT = 4;

for (const kind of DB_KINDS) {
  describe(`shared state between two servers on ${kind}`, () => {
    let database: Database;
    let apps: FastifyInstance[];
    let dataDirs: string[];

    before(async () => {
      database = await openTestDatabase(kind);
      dataDirs = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-shared-')));
      apps = await Promise.all(
        dataDirs.map((dataDir) =>
          buildApp({ config: { logLevel: 'silent', loginRateLimit: LIMIT, publicRateLimit: 0, publicUrl: 'http://finhub.test' }, database, dataDir, web: false }),
        ),
      );
    });
    after(async () => {
      for (const app of apps) await app.close();
      await database.close();
      for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true });
    });

    const login = (app: FastifyInstance) =>
      app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: ORIGIN }, payload: { email: 'nobody@example.com', password: 'wrong password' } });

    it(kind === 'postgres' ? 'counts a rate limit across both servers: N a minute in all' : 'counts a rate limit per process (the embedded database has one)', async () => {
      const answers: number[] = [];
      for (let i = 0; i < LIMIT + 2; i++) answers.push((await login(apps[i % 2]!)).statusCode);
      if (kind === 'postgres') {
        assert.deepEqual(answers, [...Array(LIMIT).fill(401), 429, 429], 'the limit holds across servers');
        const refused = await login(apps[0]!);
        assert.equal(refused.json().error.code, 'RATE_LIMITED');
        assert.match(refused.json().error.message.ko, /초 뒤에 다시/);
        assert.ok(Number(refused.headers['retry-after']) > 0 && Number(refused.headers['retry-after']) <= 60, String(refused.headers['retry-after']));
      } else {
        assert.deepEqual(answers, Array(LIMIT + 2).fill(401), 'each process counts its own');
      }
    });

    if (kind === 'postgres') {
      it('starts a fresh window when the old one has run out, and counts concurrent hits exactly', async () => {
        const hits = await Promise.all(Array.from({ length: 40 }, () => countHit(database.db, 'test-key', 60_000)));
        assert.deepEqual(
          hits.map((h) => h.current).sort((a, b) => a - b),
          Array.from({ length: 40 }, (_, i) => i + 1),
          'every hit counted once',
        );
        assert.ok(hits.every((h) => h.ttl > 0 && h.ttl <= 60_000));
        const short = await countHit(database.db, 'short-key', 50);
        assert.equal(short.current, 1);
        await new Promise((r) => setTimeout(r, 120));
        assert.equal((await countHit(database.db, 'short-key', 50)).current, 1, 'a new window');
      });

      it('stores a file through one server and reads it through the other', async () => {
        const bytes = Buffer.from(`증빙 ${Date.now()}`);
        const { sha256 } = await apps[0]!.files.put(bytes);
        assert.deepEqual(await apps[1]!.files.read(sha256), bytes);
        assert.deepEqual(await apps[1]!.files.list(), [sha256]);
        assert.deepEqual(fs.readdirSync(dataDirs[0]!), [], 'nothing in the local folder');
        await apps[1]!.files.remove(sha256);
        assert.equal(await apps[0]!.files.read(sha256), null);
      });

      it('a file stored in a transaction that rolls back is not stored', async () => {
        const bytes = Buffer.from(`rolled back ${Date.now()}`);
        await assert.rejects(
          database.db.transaction(async (tx) => {
            await apps[0]!.files.put(bytes, tx);
            throw new Error('rollback');
          }),
          /rollback/,
        );
        assert.deepEqual(await apps[1]!.files.list(), []);
      });

      it('runs a job on one server at a time: the other skips while it runs', async () => {
        let release!: () => void;
        const held = new Promise<void>((r) => (release = r));
        let runs = 0;
        const first = runExclusively(database.db, 'test job', async () => {
          runs++;
          await held;
        });
        await new Promise((r) => setTimeout(r, 100));
        assert.equal(await runExclusively(database.db, 'test job', async () => runs++), false, 'skipped while the other runs');
        assert.equal(await runExclusively(database.db, 'another job', async () => {}), true, 'other jobs are not held up');
        release();
        assert.equal(await first, true);
        assert.equal(await runExclusively(database.db, 'test job', async () => runs++), true, 'runs again once the first is done');
        assert.equal(runs, 2);
      });
    }

    it('answers readiness for the balancer: 200 while serving, 503 while draining', async () => {
      const ready = await apps[0]!.inject('/api/ready');
      assert.equal(ready.statusCode, 200);
      assert.deepEqual(ready.json(), { status: 'ready', db: kind });
      apps[1]!.draining = true;
      const draining = await apps[1]!.inject('/api/ready');
      assert.equal(draining.statusCode, 503);
      assert.deepEqual(draining.json(), { status: 'draining', db: kind });
      assert.equal(draining.headers['retry-after'], '5');
      assert.equal((await apps[1]!.inject('/api/health')).statusCode, 200, 'still alive');
      apps[1]!.draining = false;
    });
  });
}
