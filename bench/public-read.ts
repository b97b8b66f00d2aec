/**
 * Benchmark: the public plan read against the framework's floor, at BENCH_CONNECTIONS (100)
 * keep-alive connections, measured in one run on PostgreSQL. Three servers, each its own process:
 *   - floor: a minimal Fastify + pg server answering one indexed row (bench/floor-server.ts);
 *   - plan:  `finhub serve`, GET /api/plans/:id as a visitor — the public page's read, answered by
 *            the public cache (src/server/public-cache.ts);
 *   - plan, signed in: the same read with a staff cookie, which the cache never serves: the cost
 *            of computing the answer (about what every read cost before the cache, plus the session lookup).
 * Debian's `wrk` (one thread) loads each for BENCH_SECONDS (10) after a 2 s warm-up, BENCH_ROUNDS
 * (3) rounds in rotating order; medians, every round and the ratios are printed. Target: plan ≥ 50 % of the floor.
 *
 *   npm run bench:public     (apt-get install wrk; PostgreSQL at TEST_DATABASE_URL)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/client.ts';
import { createStaff, mintSession } from '../tests/support/auth.ts';
import { createPostgresDatabase } from '../tests/support/db.ts';
import { freePort, startServerProcess } from '../tests/support/server.ts';
import { wrk, type WrkResult } from './wrk.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const { url: databaseUrl, drop } = await createPostgresDatabase();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'finhub-public-read-'));
const app = await startServerProcess({ DATABASE_URL: databaseUrl, FINHUB_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
const floorPort = await freePort();
const floor = spawn(process.execPath, ['--import', 'tsx', 'bench/floor-server.ts'], {
  env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(floorPort) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  await new Promise<void>((resolve, reject) => {
    floor.stdout!.on('data', (d) => String(d).includes('listening') && resolve());
    floor.once('exit', (code) => reject(new Error(`floor server exited with ${code}`)));
  });
  const database = await openDatabase({ databaseUrl, dataDir, command: 'bench' });
  const staff = await createStaff(database, 'viewer');
  const cookie = (await mintSession(database, staff.id)).cookie;
  await database.close();
  const planId = ((await (await fetch(`${app.url}/api/plans`)).json()) as { items: { id: number }[] }).items[0]!.id;
  const planUrl = `${app.url}/api/plans/${planId}`;
  const floorUrl = `http://127.0.0.1:${floorPort}/row/${planId}`;
  // What is measured answers correctly: the plan from the cache, the signed-in read not, the floor its row.
  await fetch(planUrl);
  const cached = await fetch(planUrl);
  if (cached.headers.get('x-finhub-cache') !== 'hit') throw new Error(`plan read not cached: ${cached.headers.get('x-finhub-cache')}`);
  const signedIn = await fetch(planUrl, { headers: { cookie } });
  if (signedIn.status !== 200 || signedIn.headers.get('x-finhub-cache') !== 'bypass') throw new Error(`signed-in read: ${signedIn.status}`);
  if (((await (await fetch(floorUrl)).json()) as { id: number }).id !== planId) throw new Error('floor answers the wrong row');

  const targets: Record<string, { url: string; headers?: string[] }> = {
    floor: { url: floorUrl },
    plan: { url: planUrl },
    'plan, signed in (no cache)': { url: planUrl, headers: [`Cookie: ${cookie}`] },
  };
  const runs: Record<string, WrkResult[]> = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
  const names = Object.keys(targets);
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length]!;
      const t = targets[name]!;
      await wrk(t.url, { connections: CONNECTIONS, seconds: 2, headers: t.headers });
      const r = await wrk(t.url, { connections: CONNECTIONS, seconds: SECONDS, headers: t.headers });
      if (r.errors) throw new Error(`${name}: ${r.errors} failed requests`);
      runs[name]!.push(r);
      console.error(`round ${round + 1} ${name}: ${r.perSecond} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`);
    }
  }
  const summary = Object.fromEntries(
    names.map((n) => [
      n,
      {
        perSecond: median(runs[n]!.map((r) => r.perSecond)),
        p50Ms: median(runs[n]!.map((r) => r.p50Ms)),
        p99Ms: median(runs[n]!.map((r) => r.p99Ms)),
        rounds: runs[n]!.map((r) => r.perSecond),
      },
    ]),
  );
  const ratio = (n: string) => +(summary[n]!.perSecond / summary.floor!.perSecond).toFixed(2);
  const perRound = runs.plan!.map((r, i) => +(r.perSecond / runs.floor![i]!.perSecond).toFixed(2));
  console.log(`\npublic plan read vs the floor (minimal Fastify + pg, one indexed row): ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s, medians`);
  console.table(
    Object.fromEntries(
      names.map((n) => [
        n,
        { 'req/s': summary[n]!.perSecond, 'p50 ms': summary[n]!.p50Ms, 'p99 ms': summary[n]!.p99Ms, '× floor': ratio(n), rounds: summary[n]!.rounds.join(' / ') },
      ]),
    ),
  );
  console.log(`plan ÷ floor: ${ratio('plan')} (per round ${perRound.join(' / ')}); target ≥ 0.5: ${ratio('plan') >= 0.5 ? 'met' : 'NOT met'}`);
  console.log(
    JSON.stringify({
      bench: 'public-read',
      db: 'postgres',
      connections: CONNECTIONS,
      seconds: SECONDS,
      rounds: ROUNDS,
      summary,
      planToFloor: ratio('plan'),
      planToFloorPerRound: perRound,
      signedInToFloor: ratio('plan, signed in (no cache)'),
    }),
  );
} finally {
  floor.kill('SIGTERM');
  await app.stop();
  await drop();
  rmSync(dataDir, { recursive: true, force: true });
}
