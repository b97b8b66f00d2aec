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
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { rows } from '../src/db/executor.ts';
import type { DbKind } from '../tests/support/db.ts';
import { postJson } from '../tests/support/http.ts';
import { startServerProcess, type ServerProcess } from '../tests/support/server.ts';
import { closedLoop, cpuMs, mib, newSession, PUBLIC_URL, phone, rawRegistrations, rssKiB, target } from './registration-setup.ts';

const REQUESTS = Math.min(Number(process.env.BENCH_REQUESTS ?? 2000), 20_000);
const CLIENTS = Math.min(Number(process.env.BENCH_CLIENTS ?? 100), 1000);
const load = (n: number, task: (i: number) => Promise<void>) => closedLoop(n, CLIENTS, task);

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
    const warm = await newSession(database, '워밍업', capacity);
    const apiSession = await newSession(database, '등록 러시 벤치 (API)', capacity);
    const rawSession = await newSession(database, '등록 러시 벤치 (원시 SQL)', capacity);

    // 2. Baseline: the statements one registration sends, replayed raw.
    const raw = await rawRegistrations(t, database, rawSession, REQUESTS - 1, async (fn) => {
      recording = [];
      await fn();
      const out = recording;
      recording = null;
      return out;
    });
    const rawStats = await load(raw.count, raw.run);
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
      rawSqlBaseline: { ...rawStats, statementsPerRegistration: raw.statementsPerRegistration },
      apiToRawThroughput: +(apiStats.perSecond / rawStats.perSecond).toFixed(2),
      apiToRawP50: +(apiStats.p50Ms / rawStats.p50Ms).toFixed(2),
      /** A stall shows as a tail far beyond the middle: target p99 within 10× p50 (issue 18). */
      apiP99ToP50: +(apiStats.p99Ms / apiStats.p50Ms).toFixed(1),
      serverCpuMsPerRegistration,
      serverRssMiB: { atRest: restMiB, peakDuringRush: mib(peakKiB), lifetimePeak: hwmMiB },
    };
    console.log(`\nregistration rush on ${kind}: ${REQUESTS} registrations, ${CLIENTS} concurrent clients, one session of ${capacity} seats`);
    console.table({
      'API (HTTP, finhub serve)': { 'req/s': apiStats.perSecond, 'p50 ms': apiStats.p50Ms, 'p99 ms': apiStats.p99Ms, 'max ms': apiStats.maxMs },
      [`raw SQL (${raw.statementsPerRegistration} statements)`]: { 'req/s': rawStats.perSecond, 'p50 ms': rawStats.p50Ms, 'p99 ms': rawStats.p99Ms, 'max ms': rawStats.maxMs },
    });
    console.log(`API p99 / p50 ${result.apiP99ToP50} (target ≤ 10: ${result.apiP99ToP50 <= 10 ? 'met' : 'NOT met'})`);
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
