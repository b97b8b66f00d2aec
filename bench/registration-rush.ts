/**
 * Benchmark: the registration rush. BENCH_CLIENTS (100) concurrent clients register for ONE
 * academy session (so every request competes for the same pool lock) through the HTTP API of a
 * real `finhub serve` child process on 127.0.0.1 — BENCH_REQUESTS registrations in all, distinct
 * phones, waiting list on, capacity half of them — next to a same-run baseline: the same work as
 * raw SQL on the driver, with no HTTP, validation or ORM: every statement a registration sends
 * (recorded from the service with Drizzle's logger: the reads, the seat statement of
 * src/modules/registration/engine/seat.ts with fresh parameters prepared before the clock starts).
 * PostgreSQL: a pg pool of the app's size
 * (10); PGlite: its one connection.
 *
 * Also the server's memory: resident set at rest (after start-up and a warm-up) and the peak
 * sampled every 20 ms during the rush (/proc/PID/status), and its lifetime peak (VmHWM).
 * Checks the outcome: exactly `capacity` confirmed, the rest waitlisted, one message and one audit
 * row per registration. Prints a table and one JSON line per database.
 *
 *   npm run bench:registration     (BENCH_DB=postgres|pglite for one; BENCH_REQUESTS, BENCH_CLIENTS;
 *                                   BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.ts';
import { rows } from '../src/db/executor.ts';
import { SYSTEM_ACTOR, type Actor } from '../src/modules/audit/service.ts';
import { createSession } from '../src/modules/education/academy/edit-session.ts';
import { registerForSession } from '../src/modules/education/academy/registrations.ts';
import { poolTarget } from '../src/modules/registration/engine/pools.ts';
import { seatRequest } from '../src/modules/registration/engine/register.ts';
import { seatStatement } from '../src/modules/registration/engine/seat.ts';
import { randomToken } from '../src/server/tokens.ts';
import { createPostgresDatabase, type DbKind } from '../tests/support/db.ts';
import { postJson } from '../tests/support/http.ts';
import { startServerProcess, type ServerProcess } from '../tests/support/server.ts';

const REQUESTS = Math.min(Number(process.env.BENCH_REQUESTS ?? 2000), 20_000);
const CLIENTS = Math.min(Number(process.env.BENCH_CLIENTS ?? 100), 1000);
const HOUR = 3_600_000;
const PUBLIC_URL = 'http://127.0.0.1';

type Stats = { n: number; p50Ms: number; p90Ms: number; p99Ms: number; maxMs: number; perSecond: number };

function stats(ms: number[], wallMs: number): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return {
    n: s.length,
    p50Ms: +at(0.5).toFixed(2),
    p90Ms: +at(0.9).toFixed(2),
    p99Ms: +at(0.99).toFixed(2),
    maxMs: +s[s.length - 1]!.toFixed(2),
    perSecond: Math.round((s.length / wallMs) * 1000),
  };
}

/** Runs task(i) for i < n with CLIENTS in flight (closed loop); latencies and throughput. */
async function load(n: number, task: (i: number) => Promise<void>): Promise<Stats> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let i = next++; i < n; i = next++) {
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return stats(latencies, performance.now() - start);
}

const phone = (run: number, i: number) => `010${run}${String(i).padStart(7, '0')}`;
const rssKiB = (pid: number, field: 'VmRSS' | 'VmHWM') => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
const mib = (kib: number) => Math.round(kib / 1024);
/** CPU time (user + system) a process has used, in ms (/proc/PID/stat counts 1/100 s ticks). */
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

interface Target {
  env: Record<string, string>;
  open(logger?: { logQuery(q: string, p: unknown[]): void }): Promise<Database>;
  /** Runs one raw statement; PostgreSQL: on a pool of the app's size. */
  rawClient(database: Database): { query(text: string, params: unknown[]): Promise<unknown>; end(): Promise<void> };
  cleanup(): Promise<void>;
}

async function target(kind: DbKind, dataDir: string): Promise<Target> {
  if (kind === 'postgres') {
    const { url, drop } = await createPostgresDatabase();
    return {
      env: { DATABASE_URL: url, FINHUB_DATA_DIR: dataDir },
      open: (logger) => openDatabase({ databaseUrl: url, dataDir, command: 'bench', logger }),
      rawClient: () => {
        const pool = new pg.Pool({ connectionString: url, max: 10 });
        return { query: (text, params) => pool.query(text, params), end: () => pool.end() };
      },
      cleanup: drop,
    };
  }
  return {
    env: { FINHUB_DATA_DIR: dataDir },
    open: (logger) => openDatabase({ databaseUrl: undefined, dataDir, command: 'bench', logger }),
    rawClient: (database) => ({ query: (text, params) => database.rawQuery(text, params), end: async () => {} }),
    cleanup: async () => {},
  };
}

async function bench(kind: DbKind) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `finhub-rush-${kind}-`));
  const t = await target(kind, dataDir);
  let server: ServerProcess | undefined;
  try {
    // 1. Data: three sessions (warm-up, API, raw), each with seats for half the requests.
    let recording: { text: string; params: unknown[] }[] | null = null;
    let database = await t.open({ logQuery: (text, params) => recording?.push({ text, params }) });
    await database.migrate();
    const capacity = Math.floor(REQUESTS / 2);
    const newSession = async (title: string) => {
      const s = await createSession(database.db, SYSTEM_ACTOR, {
        title: { ko: title },
        startsAt: new Date(Date.now() + 48 * HOUR).toISOString(),
        endsAt: new Date(Date.now() + 50 * HOUR).toISOString(),
        venue: '전주시청 4층 회의실',
        capacity,
        registrationOpensAt: new Date(Date.now() - HOUR).toISOString(),
        registrationClosesAt: new Date(Date.now() + 24 * HOUR).toISOString(),
      } as Parameters<typeof createSession>[2]);
      const [row] = await rows<{ pool_id: number }>(database.db, sql`select pool_id from academy_sessions where id = ${s.id}`);
      return { id: s.id, poolId: Number(row!.pool_id) };
    };
    const warm = await newSession('워밍업');
    const apiSession = await newSession('등록 러시 벤치 (API)');
    const rawSession = await newSession('등록 러시 벤치 (원시 SQL)');

    // 2. Baseline: record the statements one registration sends, then replay them raw.
    const actor: Actor = { userId: null, email: null, ip: '127.0.0.1' };
    recording = [];
    await registerForSession(database.db, { publicUrl: PUBLIC_URL }, actor, rawSession.id, { name: '기록', phone: phone(5, 0), consent: true, waitlist: true });
    const recorded = recording;
    recording = null;
    const seatAt = recorded.findIndex((s) => s.text.includes('finhub_take_seat'));
    const [before, after] = [recorded.slice(0, seatAt), recorded.slice(seatAt + 1)];
    const { pool, subject } = await poolTarget(database.db, rawSession.poolId);
    const dialect = new PgDialect();
    const statements = Array.from({ length: REQUESTS - 1 }, (_, i) => {
      const token = randomToken();
      const input = { name: `원시${i}`, phone: phone(8, i), waitlist: true, consentVersion: 'academy-2026-1' };
      return dialect.sqlToQuery(seatStatement(seatRequest(pool, subject, actor, input, token, PUBLIC_URL)));
    });
    const raw = t.rawClient(database);
    for (let i = 0; i < 20; i++) for (const r of before) await raw.query(r.text, r.params);
    const rawStats = await load(statements.length, async (i) => {
      for (const r of before) await raw.query(r.text, r.params);
      await raw.query(statements[i]!.sql, statements[i]!.params);
      for (const r of after) await raw.query(r.text, r.params);
    });
    await raw.end();
    if (kind === 'pglite') await database.close(); // the server takes the data folder

    // 3. The API: a real server process, warmed up, then the rush.
    server = await startServerProcess(
      { ...t.env, FINHUB_PUBLIC_RATE_LIMIT: '0', FINHUB_PUBLIC_URL: PUBLIC_URL, LOG_LEVEL: 'warn' },
      process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean),
    );
    const pid = server.child.pid!;
    const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
    for (let i = 0; i < 200; i++)
      await postJson(agent, server.url, `/api/academy/sessions/${warm.id}/registrations`, { name: `w${i}`, phone: phone(6, i), consent: true, waitlist: true });
    await new Promise((r) => setTimeout(r, 1000));
    const restMiB = mib(rssKiB(pid, 'VmRSS'));
    let peakKiB = 0;
    const sampler = setInterval(() => (peakKiB = Math.max(peakKiB, rssKiB(pid, 'VmRSS'))), 20);
    const statuses = new Map<number, number>();
    const cpuBefore = cpuMs(pid);
    const apiStats = await load(REQUESTS, async (i) => {
      const { status } = await postJson(agent, server!.url, `/api/academy/sessions/${apiSession.id}/registrations`, {
        name: `신청자${i}`,
        phone: phone(7, i),
        consent: true,
        waitlist: true,
      });
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
    clearInterval(sampler);
    const serverCpuMsPerRegistration = +((cpuMs(pid) - cpuBefore) / REQUESTS).toFixed(2);
    const hwmMiB = mib(rssKiB(pid, 'VmHWM'));
    agent.destroy();
    await server.stop();
    server = undefined;

    // 4. The outcome, read back from the database.
    if (kind === 'pglite') database = await t.open();
    const one = (q: ReturnType<typeof sql>) => rows<Record<string, unknown>>(database.db, q);
    const counts = Object.fromEntries(
      (await one(sql`select status, count(*)::int as n from registrations where pool_id = ${apiSession.poolId} group by status`)).map((r) => [r.status, Number(r.n)]),
    );
    const [side] = await one(sql`
      select (select count(*)::int from outbox where (meta->>'ownerId')::int = ${apiSession.id} and meta->>'ownerKind' = 'academy_session') as messages,
             (select count(*)::int from audit_log a join registrations r on a.entity = 'registration' and a.entity_id = r.id::text and a.action = 'registration.create' where r.pool_id = ${apiSession.poolId}) as audits`);
    await database.close();
    const ok =
      counts.confirmed === capacity &&
      counts.waitlisted === REQUESTS - capacity &&
      Number(side!.messages) === REQUESTS &&
      Number(side!.audits) === REQUESTS &&
      statuses.get(201) === REQUESTS;
    if (!ok) throw new Error(`wrong outcome: ${JSON.stringify({ counts, side, statuses: Object.fromEntries(statuses) })}`);

    const result = {
      bench: 'registration-rush',
      db: kind,
      requests: REQUESTS,
      clients: CLIENTS,
      capacity,
      outcome: counts,
      api: apiStats,
      rawSqlBaseline: { ...rawStats, statementsPerRegistration: recorded.length },
      apiToRawThroughput: +(apiStats.perSecond / rawStats.perSecond).toFixed(2),
      apiToRawP50: +(apiStats.p50Ms / rawStats.p50Ms).toFixed(2),
      serverCpuMsPerRegistration,
      serverRssMiB: { atRest: restMiB, peakDuringRush: mib(peakKiB), lifetimePeak: hwmMiB },
    };
    console.log(`\nregistration rush on ${kind}: ${REQUESTS} registrations, ${CLIENTS} concurrent clients, one session of ${capacity} seats`);
    console.table({
      'API (HTTP, finhub serve)': { 'req/s': apiStats.perSecond, 'p50 ms': apiStats.p50Ms, 'p99 ms': apiStats.p99Ms, 'max ms': apiStats.maxMs },
      [`raw SQL (${recorded.length} statements)`]: { 'req/s': rawStats.perSecond, 'p50 ms': rawStats.p50Ms, 'p99 ms': rawStats.p99Ms, 'max ms': rawStats.maxMs },
    });
    console.log(
      `API/raw throughput ${result.apiToRawThroughput}; server RSS at rest ${restMiB} MiB, peak during rush ${mib(peakKiB)} MiB (lifetime peak ${hwmMiB} MiB); server CPU ${serverCpuMsPerRegistration} ms per registration`,
    );
    console.log(JSON.stringify(result));
  } finally {
    if (server) await server.stop();
    await t.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const KINDS = (process.env.BENCH_DB ?? 'postgres,pglite').split(',').filter((k): k is DbKind => k === 'pglite' || k === 'postgres');
for (const kind of KINDS) await bench(kind);
