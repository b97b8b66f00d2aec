/**
 * What several servers on one database share: two apps on the same database stand for two
 * `finhub serve` processes (each has its own in-process state). On PostgreSQL the rate limit
 * counts across both, a file stored through one is read through the other, and a scheduled job
 * never runs on both at once; /api/ready answers for the balancer. The embedded PGlite default
 * (one process) keeps the in-process counter and the folder.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/db/client.ts';
import { buildApp } from '../../src/server/app.ts';
import { runExclusively } from '../../src/server/jobs.ts';
import { countHit } from '../../src/server/rate-limit-store.ts';
import { openTestApp, type TestApp } from '../support/app.ts';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/db/executor.ts';
import { seedPlanIfEmpty } from '../../src/modules/plan/seed.ts';
import { createStaff, mintSession, ORIGIN } from '../support/auth.ts';
import { ANY_KIND, DB_KINDS, openSharedPostgres, openTestDatabase } from '../support/db.ts';
import { multipart } from '../support/multipart.ts';
import { s3SettingsOn, startS3Server, testS3Settings } from '../support/s3.ts';
import { dropRedisPrefix, testRedisPrefix } from '../support/redis.ts';

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

/**
 * REDIS_URL: the rate limits and the sign-in throttle count in Redis. Two apps on two separate
 * databases share only Redis here, so whatever holds across them is held by Redis.
 */
describe('shared state between two servers through Redis', () => {
  let prefix: string;
  let apps: TestApp[];

  before(async () => {
    prefix = testRedisPrefix();
    apps = [await openTestApp(ANY_KIND, { loginRateLimit: LIMIT, redisPrefix: prefix }), await openTestApp(ANY_KIND, { loginRateLimit: LIMIT, redisPrefix: prefix })];
  });
  after(async () => {
    for (const t of apps) await t.close();
    await dropRedisPrefix(prefix);
  });

  const login = (t: TestApp, remoteAddress: string, email = 'nobody@example.com') =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, headers: { origin: ORIGIN }, payload: { email, password: 'wrong password' } });

  it('counts a rate limit across both servers: N a minute in all', async () => {
    const answers: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) answers.push((await login(apps[i % 2]!, '192.0.2.1')).statusCode);
    assert.deepEqual(answers, [...Array(LIMIT).fill(401), 429, 429], 'the limit holds across servers');
    const refused = await login(apps[0]!, '192.0.2.1');
    assert.equal(refused.json().error.code, 'RATE_LIMITED');
    assert.ok(Number(refused.headers['retry-after']) > 0 && Number(refused.headers['retry-after']) <= 60, String(refused.headers['retry-after']));
    assert.equal((await login(apps[1]!, '192.0.2.2')).statusCode, 401, 'another address is not limited');
  });

  it('counts sign-in failures across both servers: the fifth, on either, makes the address wait', async () => {
    const email = 'guessed@example.com';
    // Failures from one address alternate between the servers (two addresses: the rate limit stays out of it).
    for (let i = 0; i < 5; i++) {
      const res = await login(apps[i % 2]!, i < 3 ? '192.0.2.10' : '192.0.2.11', email);
      assert.equal(res.headers['retry-after'], undefined, `attempt ${i + 1}`);
    }
    // The e-mail's count (5, from both servers) makes a further failing address wait from its first failure.
    assert.equal((await login(apps[0]!, '192.0.2.12', email)).headers['retry-after'], undefined);
    const waiting = await login(apps[1]!, '192.0.2.12', email);
    assert.equal(waiting.statusCode, 401);
    assert.ok(Number(waiting.headers['retry-after']) >= 1, 'the other server makes it wait');
  });

  it('answers readiness with Redis up; a Redis that is down makes the server unready and its limited routes 503', async () => {
    const ready = await apps[0]!.app.inject('/api/ready');
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ready', db: ANY_KIND, redis: 'up' });
    // Nothing listens on port 1: Redis is down from the start.
    const database = await openTestDatabase(ANY_KIND);
    const down = await buildApp({
      config: { logLevel: 'silent', loginRateLimit: LIMIT, publicUrl: 'http://finhub.test', redisUrl: 'redis://127.0.0.1:1', redisPrefix: prefix },
      database,
      web: false,
    });
    try {
      const unready = await down.inject('/api/ready');
      assert.equal(unready.statusCode, 503);
      assert.deepEqual(unready.json(), { status: 'unavailable', db: ANY_KIND, redis: 'down' });
      const started = Date.now();
      const res = await down.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: ORIGIN }, payload: { email: 'x@example.com', password: 'whatever' } });
      assert.equal(res.statusCode, 503, res.body);
      assert.equal(res.json().error.code, 'DB_UNAVAILABLE');
      assert.ok(Date.now() - started < 5000, `answered in ${Date.now() - started} ms, not hung`);
      assert.equal((await down.inject('/api/health')).statusCode, 200, 'alive: the database answers');
    } finally {
      await down.close();
      await database.close();
    }
  });
});

/**
 * FINHUB_S3_*: the stored files live in an S3-compatible object store (tests/support/s3.ts), whichever
 * the database. Two servers on one PostgreSQL share the bucket: a file uploaded through one is
 * downloaded through the other, and its bytes are not in PostgreSQL.
 */
describe('shared files between two servers through an S3-compatible object store', () => {
  let shared: Awaited<ReturnType<typeof openSharedPostgres>>;
  let apps: FastifyInstance[];
  let dataDirs: string[];

  before(async () => {
    shared = await openSharedPostgres();
    const s3 = await testS3Settings();
    dataDirs = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-shared-')));
    apps = await Promise.all(
      [shared.first, shared.second].map((database, i) =>
        buildApp({ config: { logLevel: 'silent', loginRateLimit: 0, publicRateLimit: 0, publicUrl: 'http://finhub.test', s3 }, database, dataDir: dataDirs[i], web: false }),
      ),
    );
  });
  after(async () => {
    for (const app of apps) await app.close();
    await shared.close();
    for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('an evidence file uploaded through one server downloads through the other; nothing in PostgreSQL or the local folder', async () => {
    const planId = (await seedPlanIfEmpty(shared.first.db))!;
    const action = (await apps[0]!.inject(`/api/plans/${planId}`)).json().schedule[0].actions[0] as { id: number };
    const manager = await mintSession(shared.first, (await createStaff(shared.first, 'manager')).id);
    const bytes = Buffer.from(`%PDF-1.4\n% 증빙 ${Date.now()}\n%%EOF\n`);
    const body = multipart([
      { name: 'title', value: '결과 보고' },
      { name: 'file', file: bytes, fileName: '결과보고.pdf' },
    ]);
    const up = await apps[0]!.inject({ method: 'POST', url: `/api/actions/${action!.id}/evidence`, headers: { ...manager, ...body.headers }, payload: body.payload });
    assert.equal(up.statusCode, 201, up.body);
    const down = await apps[1]!.inject({ url: up.json().url, headers: manager });
    assert.equal(down.statusCode, 200, down.body);
    assert.deepEqual(down.rawPayload, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    assert.deepEqual(await apps[1]!.files.list(), [sha256]);
    assert.equal((await rows<{ n: number }>(shared.second.db, sql`select count(*)::int as n from stored_files`))[0]!.n, 0, 'no bytes in PostgreSQL');
    for (const d of dataDirs) assert.deepEqual(fs.readdirSync(d), [], 'nothing in the local folder');
  });

  it('stores, reads, lists and removes through either server', async () => {
    const bytes = Buffer.from(`사진 ${Date.now()}`);
    const { sha256 } = await apps[0]!.files.put(bytes);
    assert.equal(await apps[1]!.files.exists(sha256), true);
    assert.deepEqual(await apps[1]!.files.read(sha256), bytes);
    await apps[1]!.files.remove(sha256);
    assert.equal(await apps[0]!.files.read(sha256), null);
    assert.equal(await apps[0]!.files.exists(sha256), false);
  });

  it('answers readiness with the object store up: files up', async () => {
    for (const app of apps) {
      const ready = await app.inject('/api/ready');
      assert.equal(ready.statusCode, 200, ready.body);
      assert.deepEqual(ready.json(), { status: 'ready', db: 'postgres', files: 'up' });
    }
  });
});

/**
 * /api/ready with FINHUB_S3_BUCKET: the object store is checked too (HeadBucket). A store that is
 * down (its server stopped) or hangs (accepts the connection and never answers) makes the server
 * unready within a few seconds — well before a balancer's own timeout — while the database and
 * the liveness check stay fine.
 */
describe('readiness with an S3-compatible object store that goes down or hangs', () => {
  let database: Database;
  const opened: FastifyInstance[] = [];
  before(async () => {
    database = await openTestDatabase(ANY_KIND);
  });
  after(async () => {
    for (const app of opened) await app.close();
    await database.close();
  });
  const appOn = async (s3: ReturnType<typeof s3SettingsOn>) => {
    const app = await buildApp({ config: { logLevel: 'silent', publicUrl: 'http://finhub.test', s3 }, database, web: false });
    opened.push(app);
    return app;
  };
  const timed = async (app: FastifyInstance) => {
    const started = performance.now();
    const res = await app.inject('/api/ready');
    return { res, ms: performance.now() - started };
  };

  it('200 files up while the store answers; 503 files down once its server is stopped, within seconds', async () => {
    const s3 = await startS3Server();
    try {
      const app = await appOn(s3SettingsOn(s3.endpoint, 'ready/'));
      const up = await app.inject('/api/ready');
      assert.equal(up.statusCode, 200, up.body);
      assert.deepEqual(up.json(), { status: 'ready', db: ANY_KIND, files: 'up' });
      await s3.stop();
      const { res, ms } = await timed(app);
      assert.equal(res.statusCode, 503, res.body);
      assert.deepEqual(res.json(), { status: 'unavailable', db: ANY_KIND, files: 'down' });
      assert.equal(res.headers['retry-after'], '5');
      assert.ok(ms < 3500, `answered in ${Math.round(ms)} ms`);
      assert.equal((await app.inject('/api/health')).statusCode, 200, 'alive: the database answers');
    } finally {
      await s3.stop();
    }
  });

  it('503 files down within about 3 s when the store hangs (connects, never answers)', async () => {
    const sockets = new Set<net.Socket>();
    const hung = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = hung.address() as net.AddressInfo;
      const app = await appOn(s3SettingsOn(`http://127.0.0.1:${port}`, 'ready/'));
      const { res, ms } = await timed(app);
      assert.equal(res.statusCode, 503, res.body);
      assert.deepEqual(res.json(), { status: 'unavailable', db: ANY_KIND, files: 'down' });
      assert.ok(sockets.size > 0, 'the check reached the store');
      assert.ok(ms >= 2500 && ms < 5000, `answered in ${Math.round(ms)} ms (the check gives up at 3 s)`);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => hung.close(resolve));
    }
  });
});
