/**
 * Benchmark: registration latency under an open-loop load on PostgreSQL — requests arrive at a
 * fixed rate, as people do, whatever the server's speed; latency is measured from each request's
 * scheduled time (so a server that falls behind is charged for the queue it builds: no coordinated
 * omission). The rate is half of the raw-SQL limit measured in the same run just before: every
 * statement one registration sends, replayed raw by BENCH_CLIENTS (100) closed-loop clients on a
 * pg pool of the app's size (bench/registration-setup.ts). The API is a real `finhub serve` child
 * process (public rate limit off) on 127.0.0.1; everyone registers for ONE academy session (one
 * pool lock), waiting list on. BENCH_ROUNDS (3) rounds of (raw limit, then BENCH_SECONDS (10) s of
 * open-loop load at half of it); medians of the rounds. Target: p99 ≤ 100 ms.
 *
 *   npm run bench:open-loop      (BENCH_DB=pglite for the embedded database instead)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DbKind } from '../tests/support/db.ts';
import { postJson } from '../tests/support/http.ts';
import { startServerProcess } from '../tests/support/server.ts';
import { closedLoop, newSession, PUBLIC_URL, phone, rawRegistrations, type Stats, stats, target } from './registration-setup.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100);
const RAW_REQUESTS = Number(process.env.BENCH_RAW_REQUESTS ?? 2000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const KIND = (process.env.BENCH_DB ?? 'postgres') as DbKind;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Sends request i at start + i / rate (by the clock, never waiting for answers); latency from that scheduled time. */
function openLoop(rate: number, n: number, send: (i: number) => Promise<number>): Promise<{ stats: Stats; statuses: Record<number, number>; lateStartsMs: number }> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let lateStarts = 0;
  const start = performance.now() + 20;
  const due = (i: number) => start + (i * 1000) / rate;
  return new Promise((resolve, reject) => {
    let fired = 0;
    let done = 0;
    const tick = () => {
      const now = performance.now();
      while (fired < n && due(fired) <= now) {
        const i = fired++;
        lateStarts = Math.max(lateStarts, now - due(i));
        send(i).then((status) => {
          latencies.push(performance.now() - due(i));
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (++done === n) resolve({ stats: stats(latencies, performance.now() - start), statuses, lateStartsMs: +lateStarts.toFixed(1) });
        }, reject);
      }
      if (fired < n) setTimeout(tick, Math.max(0, due(fired) - performance.now()));
    };
    tick();
  });
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), `finhub-open-loop-${KIND}-`));
const t = await target(KIND, dataDir);
let recording: { text: string; params: unknown[] }[] | null = null;
const database = await t.open({ logQuery: (text, params) => recording?.push({ text, params }) });
await database.migrate();
const record = async (fn: () => Promise<void>) => {
  recording = [];
  await fn();
  const out = recording;
  recording = null;
  return out;
};
const n = Math.round(SECONDS * 2000); // sessions hold enough seats and waiting places for any rate we reach
const sessions = await Promise.all(Array.from({ length: ROUNDS * 2 + 1 }, (_, i) => newSession(database, i ? `개방 루프 벤치 ${i}` : '워밍업', Math.floor(n / 2))));
// PGlite has one process: the server cannot start while the bench holds the folder, so every
// round's raw limit is measured first.
const rawRounds: Stats[] = [];
let statementsPerRegistration = 0;
for (let r = 0; r < ROUNDS; r++) {
  const raw = await rawRegistrations(t, database, sessions[1 + 2 * r]!, RAW_REQUESTS, record);
  statementsPerRegistration = raw.statementsPerRegistration;
  rawRounds.push(await closedLoop(raw.count, CLIENTS, raw.run));
  await raw.end();
  console.error(`raw SQL limit, round ${r + 1}: ${rawRounds[r]!.perSecond} registrations/s`);
}
await database.close();

const server = await startServerProcess({ ...t.env, FINHUB_PUBLIC_RATE_LIMIT: '0', FINHUB_PUBLIC_URL: PUBLIC_URL, LOG_LEVEL: 'warn' });
const results: { rawPerSecond: number; rate: number; api: Stats; statuses: Record<number, number>; lateStartsMs: number }[] = [];
try {
  const agent = new http.Agent({ keepAlive: true });
  const register = (sessionId: number, run: number, i: number) =>
    postJson(agent, server.url, `/api/academy/sessions/${sessionId}/registrations`, { name: `신청자${i}`, phone: phone(run, i), consent: true, waitlist: true }).then(
      (r) => r.status,
    );
  // Warm-up, 10 at a time: one by one would leave the server's pool with one open connection, and the
  // first round would pay for opening the other nine (its p99 was 200–300 ms against 60–80 after).
  await closedLoop(200, 10, async (i) => void (await register(sessions[0]!.id, 6, i)));
  await new Promise((r) => setTimeout(r, 1000));
  for (let r = 0; r < ROUNDS; r++) {
    const rate = Math.max(1, Math.round(rawRounds[r]!.perSecond / 2));
    const count = Math.min(n, Math.round(rate * SECONDS));
    const session = sessions[2 + 2 * r]!;
    const out = await openLoop(rate, count, (i) => register(session.id, 7, i));
    if (out.statuses[201] !== count) throw new Error(`round ${r + 1}: answers ${JSON.stringify(out.statuses)}`);
    results.push({ rawPerSecond: rawRounds[r]!.perSecond, rate, api: out.stats, statuses: out.statuses, lateStartsMs: out.lateStartsMs });
    console.error(`round ${r + 1}: ${rate}/s for ${SECONDS} s → p50 ${out.stats.p50Ms} ms, p99 ${out.stats.p99Ms} ms, max ${out.stats.maxMs} ms`);
    await new Promise((res) => setTimeout(res, 1000));
  }
  agent.destroy();
} finally {
  await server.stop();
  await t.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
}

const p99 = median(results.map((r) => r.api.p99Ms));
console.log(`\nregistration latency, open loop on ${KIND}: ${ROUNDS} rounds of ${SECONDS} s at half the raw-SQL limit of the same round; one session, waiting list on`);
console.table(
  Object.fromEntries(
    results.map((r, i) => [
      `round ${i + 1}`,
      {
        'raw SQL limit /s': r.rawPerSecond,
        'offered /s': r.rate,
        'answered /s': r.api.perSecond,
        'p50 ms': r.api.p50Ms,
        'p90 ms': r.api.p90Ms,
        'p99 ms': r.api.p99Ms,
        'max ms': r.api.maxMs,
      },
    ]),
  ),
);
console.log(`median p50 ${median(results.map((r) => r.api.p50Ms))} ms, median p99 ${p99} ms (target ≤ 100 ms: ${p99 <= 100 ? 'met' : 'NOT met'})`);
console.log(
  JSON.stringify({
    bench: 'registration-open-loop',
    db: KIND,
    seconds: SECONDS,
    rawClients: CLIENTS,
    statementsPerRegistration,
    rounds: results,
    medianP50Ms: median(results.map((r) => r.api.p50Ms)),
    medianP99Ms: p99,
  }),
);
