/**
 * Benchmark: the public plan read (GET /api/plans/:id over HTTP on 127.0.0.1) against a
 * same-run baseline — the very statements that read sends, replayed one after another as raw
 * SQL on the same driver and database — on PGlite and on PostgreSQL. Prints one JSON line per
 * database with medians, p99 and the ratios.
 *
 *   npm run bench                 (BENCH_REQUESTS, BENCH_CONCURRENCY to change the load)
 */
import { performance } from 'node:perf_hooks';
import { seedPlanIfEmpty } from '../src/modules/plan/seed.ts';
import { buildApp } from '../src/server/app.ts';
import { openTestDatabase, type DbKind } from '../tests/support/db.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);

function stats(ms: number[], wallMs: number) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { n: s.length, p50Ms: +at(0.5).toFixed(3), p99Ms: +at(0.99).toFixed(3), perSecond: Math.round((s.length / wallMs) * 1000) };
}

/** Runs `task` REQUESTS times with CONCURRENCY in flight; returns per-call latencies. */
async function load(task: () => Promise<void>) {
  for (let i = 0; i < 50; i++) await task(); // warm-up
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS) {
        const t0 = performance.now();
        await task();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return stats(latencies, performance.now() - start);
}

/** Records the statements Drizzle sends while `recording` is on. */
const recorded: { text: string; params: unknown[] }[] = [];
let recording = false;
const logger = { logQuery: (text: string, params: unknown[]) => void (recording && recorded.push({ text, params })) };

async function bench(kind: DbKind) {
  const database = await openTestDatabase(kind, { logger });
  const id = (await seedPlanIfEmpty(database.db))!;
  const app = await buildApp({ config: { logLevel: 'silent' }, database, web: false });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    // The baseline replays, as raw SQL on the driver, exactly the statements one API read sends.
    recorded.length = 0;
    recording = true;
    await fetch(`${base}/api/plans/${id}`);
    recording = false;
    const statements = [...recorded];
    const rawRead = async () => {
      for (const s of statements) await database.rawQuery(s.text, s.params);
    };
    const api = await load(async () => {
      const res = await fetch(`${base}/api/plans/${id}`);
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      await res.arrayBuffer();
    });
    const raw = await load(rawRead);
    const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
    console.log(
      JSON.stringify({
        bench: 'plan-read',
        db: kind,
        requests: REQUESTS,
        statementsPerRead: statements.length,
        concurrency: CONCURRENCY,
        api,
        rawSqlBaseline: raw,
        apiToRawP50: +(api.p50Ms / raw.p50Ms).toFixed(2),
        apiToRawThroughput: +(api.perSecond / raw.perSecond).toFixed(2),
        rssMiB: rss,
      }),
    );
  } finally {
    await app.close();
    await database.close();
  }
}

for (const kind of ['pglite', 'postgres'] as const) await bench(kind);
