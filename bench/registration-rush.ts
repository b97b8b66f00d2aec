/**
 * Benchmark: the registration rush. BENCH_CLIENTS (100) concurrent clients register for one
 * academy session through the HTTP API on 127.0.0.1 (BENCH_REQUESTS registrations in all,
 * distinct phones, waiting list on, capacity half of them), next to a same-run baseline: the
 * same transaction as raw SQL on the same database — BEGIN; SELECT … FOR UPDATE on the pool;
 * the duplicate check; the count of live seats; INSERT the registration, its outbox message and
 * its audit row; COMMIT — on a dedicated connection per transaction (PostgreSQL: a pg pool of the
 * same size as the app's; PGlite: its one connection, one transaction at a time).
 * Prints one JSON line per database.
 *
 *   npm run bench:registration        (BENCH_REQUESTS, BENCH_CLIENTS to change the load; BENCH_DB=pglite|postgres for one)
 */
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.ts';
import { createUser } from '../src/modules/accounts/service.ts';
import { SYSTEM_ACTOR } from '../src/modules/audit/service.ts';
import { buildApp } from '../src/server/app.ts';
import { createPostgresDatabase, openTestDatabase, type DbKind } from '../tests/support/db.ts';
import { mintSession } from '../tests/support/auth.ts';

const REQUESTS = Math.min(Number(process.env.BENCH_REQUESTS ?? 1000), 20_000);
const CLIENTS = Math.min(Number(process.env.BENCH_CLIENTS ?? 100), 1000);
const HOUR = 3_600_000;

function stats(ms: number[], wallMs: number) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { n: s.length, p50Ms: +at(0.5).toFixed(3), p90Ms: +at(0.9).toFixed(3), p99Ms: +at(0.99).toFixed(3), maxMs: +s[s.length - 1]!.toFixed(3), perSecond: Math.round((s.length / wallMs) * 1000) };
}

/** Runs task(i) for i < REQUESTS with CLIENTS in flight; per-call latencies and the wall time. */
async function load(task: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let i = next++; i < REQUESTS; i = next++) {
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return stats(latencies, performance.now() - start);
}

function post(agent: http.Agent, base: string, path: string, body: object): Promise<{ status: number; text: string }> {
  const url = new URL(path, base);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), origin: base } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const phone = (run: number, i: number) => `010${run}${String(i).padStart(7, '0')}`.slice(0, 11);

/** The engine's registration transaction, written out as SQL; `q` runs on one dedicated connection. */
async function rawRegister(q: (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>, poolId: number, sessionId: number, i: number) {
  await q('begin');
  try {
    const pool = (await q('select * from capacity_pools where id = $1 for update', [poolId])).rows[0]!;
    const now = new Date();
    if (pool.cancelled_at || now < (pool.opens_at as Date) || now >= (pool.closes_at as Date)) throw new Error('closed');
    const p = phone(8, i);
    const dup = await q(`select id from registrations where pool_id = $1 and phone = $2 and status in ('confirmed', 'waitlisted', 'offered') limit 1`, [poolId, p]);
    if (dup.rows.length) throw new Error('duplicate');
    const live = Number((await q(`select count(*)::int as n from registrations where pool_id = $1 and status in ('confirmed', 'offered')`, [poolId])).rows[0]!.n);
    const status = live < Number(pool.capacity) ? 'confirmed' : 'waitlisted';
    const tokenHash = createHash('sha256').update(randomBytes(32).toString('base64url')).digest('hex');
    const r = (
      await q(
        `insert into registrations (pool_id, status, name, phone, email, answers, consent_at, consent_version, token_hash) values ($1, $2, $3, $4, null, null, $5, $6, $7) returning *`,
        [poolId, status, `원시${i}`, p, now, 'academy-2026-1', tokenHash],
      )
    ).rows[0]!;
    await q('select title_ko, title_en, starts_at, venue from academy_sessions where pool_id = $1', [poolId]);
    await q(`insert into outbox (channel, recipient, subject, body, kind, meta) values ('sms', $1, $2, $3, $4, $5)`, [p, '[벤치] 신청이 확정되었습니다', `원시${i}님, 신청이 확정되었습니다.`, `registration.${status}`, JSON.stringify({ registrationId: r.id, ownerId: sessionId })]);
    await q(`insert into audit_log (actor_id, actor_email, action, entity, entity_id, before, after, ip) values (null, null, 'registration.create', 'registration', $1, null, $2, '127.0.0.1')`, [String(r.id), JSON.stringify({ poolId, status })]);
    await q('commit');
  } catch (e) {
    await q('rollback');
    throw e;
  }
}

async function openBenchDatabase(kind: DbKind): Promise<{ database: Database; rawTx: (fn: (q: (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>) => Promise<void>) => Promise<void>; close: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openTestDatabase('pglite');
    // PGlite has one connection: transactions run one at a time, as its Drizzle driver does.
    let chain: Promise<unknown> = Promise.resolve();
    const q = async (text: string, params?: unknown[]) => (await database.rawQuery(text, params)) as { rows: Record<string, unknown>[] };
    const rawTx = (fn: (qq: typeof q) => Promise<void>) => {
      const run = chain.then(() => fn(q));
      chain = run.catch(() => {});
      return run;
    };
    return { database, rawTx, close: () => database.close() };
  }
  const { url, drop } = await createPostgresDatabase();
  const database = await openDatabase({ databaseUrl: url, dataDir: '', command: 'bench' });
  await database.migrate();
  const raw = new pg.Pool({ connectionString: url, max: 10 });
  const rawTx = async (fn: (q: (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>) => Promise<void>) => {
    const client = await raw.connect();
    try {
      await fn((text, params) => client.query(text, params));
    } finally {
      client.release();
    }
  };
  return {
    database,
    rawTx,
    close: async () => {
      await raw.end();
      await database.close();
      await drop();
    },
  };
}

async function bench(kind: DbKind) {
  const { database, rawTx, close } = await openBenchDatabase(kind);
  const app = await buildApp({ config: { logLevel: 'silent', publicRateLimit: 0, publicUrl: 'http://127.0.0.1' }, database, web: false });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  try {
    const manager = await createUser(database.db, SYSTEM_ACTOR, { email: 'bench@jeonju.test', name: 'bench', role: 'manager', departmentId: null, password: 'bench password 123' });
    const headers = await mintSession(database, manager.id);
    const capacity = Math.floor(REQUESTS / 2);
    const newSession = async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/academy/sessions',
        headers,
        payload: { title: { ko: '등록 러시 벤치' }, startsAt: new Date(Date.now() + 48 * HOUR).toISOString(), endsAt: new Date(Date.now() + 50 * HOUR).toISOString(), venue: '127.0.0.1', capacity, registrationOpensAt: new Date(Date.now() - HOUR).toISOString(), registrationClosesAt: new Date(Date.now() + 24 * HOUR).toISOString() },
      });
      if (res.statusCode !== 201) throw new Error(`create session: ${res.statusCode} ${res.body}`);
      const id = res.json().id as number;
      const [row] = ((await database.db.execute(sql`select pool_id from academy_sessions where id = ${id}`)) as unknown as { rows: { pool_id: number }[] }).rows;
      return { id, poolId: Number(row!.pool_id) };
    };
    // Warm-up on a session of its own.
    const warm = await newSession();
    for (let i = 0; i < 30; i++) await post(agent, base, `/api/academy/sessions/${warm.id}/registrations`, { name: `w${i}`, phone: phone(6, i), consent: true, waitlist: true });
    for (let i = 0; i < 30; i++) await rawTx((q) => rawRegister(q, warm.poolId, warm.id, 1_000_000 + i));

    const apiSession = await newSession();
    const statuses = new Map<number, number>();
    const api = await load(async (i) => {
      const res = await post(agent, base, `/api/academy/sessions/${apiSession.id}/registrations`, { name: `신청자${i}`, phone: phone(7, i), consent: true, waitlist: true });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    });
    const rawSession = await newSession();
    const raw = await load((i) => rawTx((q) => rawRegister(q, rawSession.poolId, rawSession.id, i)));

    const count = async (poolId: number) =>
      Object.fromEntries(
        ((await database.db.execute(sql`select status, count(*)::int as n from registrations where pool_id = ${poolId} group by status`)) as unknown as { rows: { status: string; n: number }[] }).rows.map((r) => [r.status, Number(r.n)]),
      );
    const apiCounts = await count(apiSession.poolId);
    const rawCounts = await count(rawSession.poolId);
    if (apiCounts.confirmed !== capacity || rawCounts.confirmed !== capacity) throw new Error(`overbooked or underbooked: api ${JSON.stringify(apiCounts)}, raw ${JSON.stringify(rawCounts)}`);
    console.log(
      JSON.stringify({
        bench: 'registration-rush',
        db: kind,
        requests: REQUESTS,
        clients: CLIENTS,
        capacity,
        httpStatuses: Object.fromEntries(statuses),
        apiOutcome: apiCounts,
        api,
        rawSqlBaseline: raw,
        apiToRawP50: +(api.p50Ms / raw.p50Ms).toFixed(2),
        apiToRawThroughput: +(api.perSecond / raw.perSecond).toFixed(2),
        rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
      }),
    );
  } finally {
    agent.destroy();
    await app.close();
    await close();
  }
}

const KINDS = (process.env.BENCH_DB ?? 'pglite,postgres').split(',').filter((k): k is DbKind => k === 'pglite' || k === 'postgres');
for (const kind of KINDS) await bench(kind);
