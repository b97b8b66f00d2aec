/**
 * Several app servers, one database: three real `finhub serve` processes on one PostgreSQL test
 * database, through PgBouncer (transaction pooling), behind nginx (round robin by least
 * connections), all Debian's packages started unprivileged with generated configs on free ports.
 * - a public rate limit holds across the three: N a minute per address in all, not per server;
 * - a file uploaded through one server is downloaded through another;
 * - a registration rush spread over the three never overbooks, and one server killed (SIGKILL)
 *   in the middle of it loses nothing it acknowledged: every 201 has its registration.
 * Twice: with the defaults (the counts and the files in PostgreSQL), then with REDIS_URL (the
 * counts in the test Redis, under a prefix of the run's own) and the S3 file store (one s3rver,
 * in this process, shared by the three: tests/support/s3.ts).
 * Prints one JSON line with the figures per variant (docs/deploy.md quotes them).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { rows } from '../../src/db/executor.ts';
import { createStaff, TEST_PASSWORD } from '../support/auth.ts';
import { createMigratedPostgresDatabase } from '../support/db.ts';
import { samples } from '../support/files.ts';
import { startNginx, type Nginx } from '../support/nginx.ts';
import { startPgBouncer, type PgBouncer } from '../support/pgbouncer.ts';
import { dropRedisPrefix, TEST_REDIS_URL, testRedis, testRedisPrefix } from '../support/redis.ts';
import { freshS3Bucket, s3Env } from '../support/s3.ts';
import { startServerProcess, type ServerProcess } from '../support/server.ts';
import { ApiSession } from '../support/staff.ts';
import { createS3FileStore } from '../../src/server/file-store-s3.ts';
import { sha256Of } from '../../src/server/file-store.ts';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const LIMIT = 8;
const RUSH = 360;
const SEATS = 40;
const CLIENTS = 40;
const KILL_AFTER = 90;

/** The defaults, then the optional shared services every server would use in a larger deployment. */
const VARIANTS = [
  { name: 'defaults: counts and files in PostgreSQL', key: 'defaults', redisAndS3: false },
  { name: 'REDIS_URL and the S3 file store', key: 'redis+s3', redisAndS3: true },
] as const;

/** A JSON POST that answers the status only (nginx's own error pages are HTML); 0 when the connection broke. */
function post(agent: http.Agent, base: string, path: string, body: object, headers: Record<string, string>): Promise<number> {
  const url = new URL(path, base);
  const data = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), origin: base, ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
        res.on('error', () => resolve(0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(data);
  });
}

for (const variant of VARIANTS)
  describe(`three servers behind nginx on one PostgreSQL (through PgBouncer), ${variant.name}`, { timeout: 240_000 }, () => {
    const figures: Record<string, unknown> = {};
    let drop: () => Promise<void>;
    let redisPrefix: string | undefined;
    let s3: Awaited<ReturnType<typeof freshS3Bucket>> | undefined;
    let bouncer: PgBouncer;
    let direct: Database;
    const servers: ServerProcess[] = [];
    const dataDirs: string[] = [];
    let nginx: Nginx;
    let manager: ApiSession;

    const newSession = async (title: string, capacity: number): Promise<{ id: number; poolId: number }> => {
      const s = await manager.call<{ id: number }>('POST', '/api/academy/sessions', {
        title: { ko: title },
        startsAt: at(48 * HOUR),
        endsAt: at(50 * HOUR),
        venue: '시청',
        capacity,
        registrationOpensAt: at(-HOUR),
        registrationClosesAt: at(24 * HOUR),
      });
      const [r] = await rows<{ pool_id: number }>(direct.db, sql`select pool_id from academy_sessions where id = ${s.id}`);
      return { id: s.id, poolId: Number(r!.pool_id) };
    };

    before(async () => {
      const created = await createMigratedPostgresDatabase();
      drop = created.drop;
      bouncer = await startPgBouncer(created.url, { poolSize: 20 });
      direct = await openDatabase({ databaseUrl: created.url, dataDir: '', command: 'test' });
      if (variant.redisAndS3) {
        redisPrefix = testRedisPrefix();
        s3 = await freshS3Bucket();
      }
      const env = (i: number) => {
        dataDirs[i] = fs.mkdtempSync(path.join(os.tmpdir(), `finhub-multi-${i}-`));
        return {
          DATABASE_URL: bouncer.urlFor(created.url),
          // The public cache's LISTEN needs a session of its own: straight to PostgreSQL.
          FINHUB_LISTEN_URL: created.url,
          FINHUB_DATA_DIR: dataDirs[i]!,
          FINHUB_PUBLIC_RATE_LIMIT: String(LIMIT),
          // nginx on this machine is the only proxy whose X-Forwarded-For counts.
          FINHUB_TRUST_PROXY: '127.0.0.1',
          FINHUB_OUTBOX_POLL_MS: '500',
          ...(redisPrefix ? { REDIS_URL: TEST_REDIS_URL, FINHUB_REDIS_PREFIX: redisPrefix } : {}),
          ...(s3 ? s3Env(s3) : {}),
        };
      };
      // One after another: the first loads the seed plan, the others start on a database that has it.
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        servers.push(await startServerProcess(env(i)));
        figures[`server${i + 1}StartSeconds`] = +((performance.now() - t0) / 1000).toFixed(1);
      }
      nginx = await startNginx(
        servers.map((s) => new URL(s.url).host),
        '$proxy_add_x_forwarded_for',
      );
      const staff = await createStaff(direct, 'manager');
      manager = await ApiSession.signIn(nginx.url, staff.email, TEST_PASSWORD);
    });

    after(async () => {
      await nginx?.stop();
      await Promise.all(servers.map((s) => s.stop()));
      await direct?.close();
      await bouncer?.stop();
      await drop?.();
      for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true });
      if (redisPrefix) await dropRedisPrefix(redisPrefix);
      console.log(`multi-server figures (${variant.key}) ${JSON.stringify(figures)}`);
    });

    it('answers readiness through the balancer, and each server for itself', async () => {
      const ready = await fetch(`${nginx.url}/api/ready`);
      assert.equal(ready.status, 200);
      for (const s of servers)
        assert.deepEqual(await (await fetch(`${s.url}/api/ready`)).json(), {
          status: 'ready',
          db: 'postgres',
          ...(variant.redisAndS3 ? { redis: 'up', files: 'up' } : {}),
        });
    });

    it('holds a public rate limit across the three servers: N a minute per address in all', async () => {
      const session = await newSession('요청 한도 시험', 100);
      const agent = new http.Agent({ keepAlive: false });
      const statuses: number[] = [];
      for (let i = 0; i < 3 * LIMIT; i++) {
        statuses.push(
          await post(
            agent,
            nginx.url,
            `/api/academy/sessions/${session.id}/registrations`,
            { name: `한도${i}`, phone: `010-4${String(i).padStart(3, '0')}-${String(i).padStart(4, '0')}`, consent: true, waitlist: true },
            { 'x-forwarded-for': '203.0.113.7' },
          ),
        );
      }
      agent.destroy();
      const accepted = statuses.filter((s) => s === 201).length;
      const refused = statuses.filter((s) => s === 429).length;
      const upstreams = new Set(
        nginx
          .accessLog()
          .filter((l) => l.startsWith('203.0.113.7') && / POST \/api\/academy\/sessions\/\d+\/registrations /.test(l))
          .map((l) => l.split(' ').at(-1)),
      );
      figures.rateLimit = { limit: LIMIT, sent: statuses.length, accepted, refused, servers: upstreams.size };
      assert.equal(upstreams.size, 3, `spread over the three servers: ${[...upstreams].join(', ')}`);
      assert.equal(accepted, LIMIT, `exactly ${LIMIT} accepted in all: ${statuses.join(' ')}`);
      assert.equal(refused, 2 * LIMIT);
      const [n] = await rows<{ n: number }>(direct.db, sql`select count(*)::int as n from registrations where pool_id = ${session.poolId}`);
      assert.equal(Number(n!.n), LIMIT);
      // Where the 24 were counted: one counter for the route and the address, in Redis (the plugin's
      // own store names it so) or in PostgreSQL (src/server/rate-limit-store.ts).
      const [counter] = await rows<{ hits: number }>(
        direct.db,
        sql`select hits from rate_limit_counters where key = ${'POST /api/academy/sessions/:id/registrations 203.0.113.7'}`,
      );
      if (redisPrefix) {
        const redis = testRedis(redisPrefix);
        try {
          assert.equal(await redis.get('rate-limit:POST/api/academy/sessions/:id/registrations-203.0.113.7'), String(3 * LIMIT), 'counted in Redis');
        } finally {
          redis.disconnect();
        }
        assert.equal(counter, undefined, 'not in PostgreSQL');
      } else {
        assert.equal(Number(counter?.hits), 3 * LIMIT, 'counted in PostgreSQL');
      }
    });

    it('downloads through one server a file uploaded through another', async () => {
      const plans = (await (await fetch(`${servers[0]!.url}/api/plans`)).json()) as { items: { id: number }[] };
      const plan = (await (await fetch(`${servers[0]!.url}/api/plans/${plans.items[0]!.id}`)).json()) as { schedule: { actions: { id: number }[] }[] };
      const actionId = plan.schedule.flatMap((e) => e.actions)[0]!.id;
      const staff = await createStaff(direct, 'manager');
      const first = await ApiSession.signIn(servers[0]!.url, staff.email, TEST_PASSWORD);
      const bytes = samples.pdf();
      const form = new FormData();
      form.append('title', '다중 서버 증빙');
      form.append('published', 'true');
      form.append('file', new Blob([bytes], { type: 'application/pdf' }), '증빙.pdf');
      const cookie = (first as unknown as { cookie: string }).cookie;
      const up = await fetch(`${servers[0]!.url}/api/actions/${actionId}/evidence`, { method: 'POST', headers: { cookie, origin: servers[0]!.url }, body: form });
      assert.equal(up.status, 201, await up.clone().text());
      const { id } = (await up.json()) as { id: number };
      for (const s of servers.slice(1)) {
        const down = await fetch(`${s.url}/api/evidence/${id}/file`);
        assert.equal(down.status, 200);
        assert.deepEqual(Buffer.from(await down.arrayBuffer()), bytes);
      }
      for (const d of dataDirs) assert.equal(fs.existsSync(path.join(d, 'files')), false, 'no server keeps files of its own');
      // Where the bytes are: in the bucket, or in PostgreSQL's table.
      const [inDb] = await rows<{ n: number }>(direct.db, sql`select count(*)::int as n from stored_files where sha256 = ${sha256Of(bytes)}`);
      if (s3) {
        const bucket = createS3FileStore(s3, sha256Of);
        try {
          assert.deepEqual(await bucket.read(sha256Of(bytes)), bytes, 'in the bucket');
        } finally {
          bucket.close?.();
        }
        assert.equal(inDb!.n, 0, 'not in PostgreSQL');
      } else {
        assert.equal(inDb!.n, 1, 'in PostgreSQL');
      }
      figures.upload = { bytes: bytes.length, uploadedTo: 1, downloadedFrom: 2, store: s3 ? 's3' : 'postgres' };
    });

    it('a rush over the three never overbooks; a server killed mid-rush loses nothing it acknowledged', async () => {
      const session = await newSession('다중 서버 신청 러시', SEATS);
      const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
      const phone = (i: number) => `010-5${String(i).padStart(3, '0')}-${String(i).padStart(4, '0')}`;
      const answers: { i: number; status: number }[] = [];
      let killedAt: number | null = null;
      let next = 0;
      const started = performance.now();
      const client = async () => {
        while (next < RUSH) {
          const i = next++;
          const status = await post(
            agent,
            nginx.url,
            `/api/academy/sessions/${session.id}/registrations`,
            { name: `신청자${i}`, phone: phone(i), consent: true, waitlist: true },
            // Each registrant from an address of their own, as people are.
            { 'x-forwarded-for': `10.${(i >> 8) & 255}.${i & 255}.1` },
          );
          answers.push({ i, status });
          if (answers.length === KILL_AFTER && killedAt === null) {
            killedAt = answers.length;
            servers[1]!.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, client));
      const seconds = (performance.now() - started) / 1000;
      agent.destroy();

      const byStatus: Record<string, number> = {};
      for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
      const regs = await rows<{ phone: string; status: string }>(direct.db, sql`select phone, status from registrations where pool_id = ${session.poolId}`);
      const stored = new Set(regs.map((r) => r.phone));
      const acknowledged = answers.filter((a) => a.status === 201);
      const lost = acknowledged.filter((a) => !stored.has(phone(a.i).replaceAll('-', '')));
      const confirmed = regs.filter((r) => r.status === 'confirmed').length;
      const [pool] = await rows<{ taken: number; capacity: number }>(direct.db, sql`select taken, capacity from capacity_pools where id = ${session.poolId}`);
      figures.rush = {
        registrations: RUSH,
        clients: CLIENTS,
        seats: SEATS,
        seconds: +seconds.toFixed(2),
        perSecond: Math.round(RUSH / seconds),
        answers: byStatus,
        stored: regs.length,
        confirmed,
        killedAfterAnswers: killedAt,
        acknowledgedLost: lost.length,
      };
      assert.equal(servers[1]!.child.signalCode, 'SIGKILL', 'the second server was killed');
      assert.deepEqual(lost, [], 'every 201 has its registration');
      assert.ok(confirmed <= SEATS, `confirmed ${confirmed} ≤ ${SEATS} seats`);
      assert.equal(confirmed, SEATS, 'the seats are all taken (more registrants than seats)');
      assert.equal(Number(pool!.taken), confirmed, 'the pool counter agrees with the rows');
      assert.ok(acknowledged.length >= RUSH * 0.8, `most answered 201 (${JSON.stringify(byStatus)})`);
      for (const status of Object.keys(byStatus))
        assert.ok(['201', '502', '0'].includes(status), `only 201, or 502/a broken connection for requests in flight on the killed server: ${JSON.stringify(byStatus)}`);
      // The two left serve on.
      for (const s of [servers[0]!, servers[2]!]) assert.equal((await fetch(`${s.url}/api/ready`)).status, 200);
    });
  });
