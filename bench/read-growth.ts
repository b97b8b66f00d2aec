/**
 * Benchmark: read paths as data grows. One database grows 10k → 100k → 1M registrations (400
 * academy sessions over ten years of 40 a year, sizes skewed, statuses mixed, one large upcoming
 * session taking 2% of them, and an outbox message and an audit row per registration), beside
 * ten yearly plans (the seed plan and nine of its shape). At each size, over HTTP on 127.0.0.1:
 *
 *   plan          GET /api/plans/:id                          the public plan page (current plan)
 *   dashboard     GET /api/plans/figures                      the staff dashboard's figures
 *   regs-first    GET /api/academy/sessions/:big/registrations            staff registrant list, first page
 *   regs-deep     GET /api/academy/sessions/:big/registrations?after=…    …a page 90% of the way down
 *   sessions      GET /api/academy/sessions                   the public academy list (upcoming)
 *   session       GET /api/academy/sessions/:big              the public session page
 *
 * each first sequentially (BENCH_SEQ requests, one at a time) then concurrently (BENCH_REQUESTS
 * with BENCH_CONCURRENCY in flight), next to a same-run baseline: the statements one request
 * sends (recorded from Drizzle's logger, auth included), replayed as raw SQL on the same driver.
 * Prints one JSON line per database × size × path, then a table with the ratio to the 10k
 * figure. At the largest size, EXPLAIN (ANALYZE, BUFFERS) of every SELECT of every path is
 * written to BENCH_OUT (default .tmp/read-growth/, git-ignored) and the plans of the paths whose
 * figure grew more than 1.5× are printed.
 *
 *   npm run bench:growth   (BENCH_DB=postgres|pglite|postgres,pglite, BENCH_SIZES=10000,100000,1000000,
 *                           BENCH_SEQ=200, BENCH_REQUESTS=1000, BENCH_CONCURRENCY=10)
 *
 * PGlite runs 10k and 100k only: it is one in-memory, single-connection process, and 1M
 * registrations with their outbox and audit rows (≈3M rows) take it minutes to generate and
 * gigabytes of memory — the embedded database is for small installations.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/db/client.ts';
import { createUser } from '../src/modules/accounts/service.ts';
import { SYSTEM_ACTOR } from '../src/modules/audit/service.ts';
import { parsePlanFile } from '../src/modules/plan/importer/parse.ts';
import { SEED_PLAN_FILE } from '../src/modules/plan/seed.ts';
import { importPlan } from '../src/modules/plan/service.ts';
import { buildApp } from '../src/server/app.ts';
import { mintSession } from '../tests/support/auth.ts';
import { createPostgresDatabase, type DbKind } from '../tests/support/db.ts';

const SEQ = Number(process.env.BENCH_SEQ ?? 200);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const PGLITE_MAX = 100_000;
const OUT = path.resolve(process.env.BENCH_OUT ?? '.tmp/read-growth');
const SESSIONS = 400; // 40 a year × 10 years
const YEARS = 10;

type Stats = { n: number; p50Ms: number; p99Ms: number; perSecond: number };
function stats(ms: number[], wallMs: number): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { n: s.length, p50Ms: +at(0.5).toFixed(3), p99Ms: +at(0.99).toFixed(3), perSecond: Math.round((s.length / wallMs) * 1000) };
}

/** `count` calls of task with `inFlight` at once; per-call latencies. */
async function load(task: () => Promise<void>, count: number, inFlight: number): Promise<Stats> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next++ < count) {
        const t0 = performance.now();
        await task();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return stats(latencies, performance.now() - start);
}

/** Sequential then concurrent, after a short warm-up. */
async function measure(task: () => Promise<void>) {
  for (let i = 0; i < 20; i++) await task();
  return { seq: await load(task, SEQ, 1), conc: await load(task, REQUESTS, CONCURRENCY) };
}

const recorded: { text: string; params: unknown[] }[] = [];
let recording = false;
const logger = { logQuery: (text: string, params: unknown[]) => void (recording && recorded.push({ text, params })) };

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

async function openBenchDatabase(kind: DbKind): Promise<{ database: Database; close: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ databaseUrl: undefined, dataDir: '', command: 'bench', memory: true, logger });
    await database.migrate();
    return { database, close: () => database.close() };
  }
  const { url, drop } = await createPostgresDatabase();
  const database = await openDatabase({ databaseUrl: url, dataDir: '', command: 'bench', logger });
  await database.migrate();
  return {
    database,
    close: async () => {
      await database.close();
      await drop();
    },
  };
}

/** Ten yearly plans of the seed's shape, run: statuses, progress, secured money and executions. */
async function seedPlans(database: Database): Promise<number> {
  const bytes = fs.readFileSync(SEED_PLAN_FILE);
  const seed = parsePlanFile(bytes);
  const { id: current } = await importPlan(database.db, seed, { sourceText: bytes.toString('utf8') });
  for (let k = 1; k < YEARS; k++) await importPlan(database.db, { ...seed, number: seed.number + k, title: `${seed.title} (${2016 + k}년 계획)` });
  await database.db.execute(sql`
    update actions set
      status = (array['planned','on_track','partly','done','done_continuing','on_hold','dropped','done','on_track','done'])[1 + id % 10]::action_status,
      progress = case when id % 10 in (3, 4, 7, 9) then 100 else (id * 37) % 101 end`);
  await database.db.execute(sql`update budget_lines set secured_krw = planned_krw / 2 where kind = 'year'`);
  await database.db.execute(sql`
    insert into budget_executions (plan_id, source_label, year, executed_on, amount_krw, description)
    select l.plan_id, l.source_label, l.year, make_date(l.year, 1 + q * 3, 15), greatest(1, l.planned_krw / 8), '집행 ' || q
      from budget_lines l cross join generate_series(0, 3) q
     where l.kind = 'year' and l.planned_krw > 0`);
  return current;
}

/** 400 sessions over ten years (the last year ahead) and one large upcoming session; returns the large one. */
async function seedSessions(database: Database): Promise<{ firstPool: number; bigPool: number; bigSession: number }> {
  const firstYear = new Date().getUTCFullYear() - (YEARS - 2);
  await database.db.execute(sql`
    with s as (
      select k, make_timestamptz(${firstYear}::int + (k - 1) / 40, 1, 15, 10, 0, 0, 'Asia/Seoul') + ((k - 1) % 40) * interval '8 days' as starts_at
        from generate_series(1, ${SESSIONS}::int) k
    ), p as (
      insert into capacity_pools (owner_kind, capacity, opens_at, closes_at, starts_at)
      select 'academy_session', 30 + (k * 37) % 200, starts_at - interval '30 days', starts_at - interval '1 hour', starts_at from s order by k
      returning id, starts_at
    )
    insert into academy_sessions (pool_id, title_ko, lecturer, starts_at, ends_at, venue)
    select id, '금융아카데미 ' || id || '강', '강사 ' || (id % 17), starts_at, starts_at + interval '2 hours', '전주시청 강당' from p`);
  const [first] = rowsOf<{ id: number }>(await database.db.execute(sql`select min(id)::int as id from capacity_pools`));
  const [big] = rowsOf<{ pool_id: number; id: number }>(
    await database.db.execute(sql`
      with p as (
        insert into capacity_pools (owner_kind, capacity, opens_at, closes_at, starts_at)
        values ('academy_session', 100000, now() - interval '10 days', now() + interval '19 days', now() + interval '20 days') returning id, starts_at
      )
      insert into academy_sessions (pool_id, title_ko, lecturer, starts_at, ends_at, venue)
      select id, '전북 금융중심지 시민 대강연', '초청 강사', starts_at, starts_at + interval '3 hours', '전주 월드컵경기장' from p
      returning pool_id, id`),
  );
  return { firstPool: Number(first!.id), bigPool: Number(big!.pool_id), bigSession: Number(big!.id) };
}

/** Registrations [from, to) with their outbox messages and audit rows, set-based. */
async function grow(database: Database, from: number, to: number, pools: { firstPool: number; bigPool: number }) {
  const CHUNK = 100_000;
  for (let lo = from; lo < to; lo += CHUNK) {
    const hi = Math.min(to, lo + CHUNK);
    const [{ max } = { max: 0 }] = rowsOf<{ max: number }>(await database.db.execute(sql`select coalesce(max(id), 0)::int as max from registrations`));
    await database.db.execute(sql`
      insert into registrations (pool_id, status, name, phone, email, consent_at, consent_version, token_hash, offer_expires_at, checked_in_at, created_at, cancelled_at)
      select x.pool_id, st.status::registration_status,
             (array['김','이','박','최','정','강','조','윤','장','임'])[1 + x.g % 10] || (array['민준','서연','도윤','지우','하준','서윤','시우','지민','주원','하은'])[1 + (x.g / 10) % 10] || x.g,
             '010' || lpad(x.g::text, 8, '0'),
             case when x.g % 3 = 0 then 'p' || x.g || '@example.com' end,
             c.at, 'academy-2026-1', md5('read-growth-' || x.g),
             case when st.status = 'offered' then p.starts_at - interval '2 hours' end,
             case when st.status = 'confirmed' and p.starts_at < now() and x.g % 5 <> 0 then p.starts_at + interval '5 minutes' end,
             c.at,
             case when st.status = 'cancelled' then c.at + interval '1 day' end
        from (
          select g,
                 case when g % 50 = 0 then ${pools.bigPool}::int
                      else ${pools.firstPool}::int + least(${SESSIONS - 1}::int, floor(${SESSIONS}::int * power(((g::bigint * 2654435761) % 1000003)::float8 / 1000003, 1.6))::int) end as pool_id,
                 (g::bigint * 40503) % 100 as h
            from generate_series(${lo}::int, ${hi - 1}::int) g
        ) x
        join capacity_pools p on p.id = x.pool_id
        cross join lateral (select case when x.h < 72 then 'confirmed' when x.h < 84 then 'cancelled' when x.h < 93 then 'waitlisted' when x.h < 97 then 'expired' else 'offered' end as status) st
        cross join lateral (select least(now(), p.opens_at + ((x.g % 1000) / 1000.0) * (p.closes_at - p.opens_at)) as at) c`);
    await database.db.execute(sql`
      insert into outbox (channel, recipient, subject, body, kind, meta, status, attempts, created_at, sent_at)
      select case when r.email is null then 'sms' else 'email' end::notification_channel, coalesce(r.email, r.phone), '[전주시 금융아카데미] 신청 안내',
             r.name || '님, 신청이 접수되었습니다. 상태 확인: https://finhub.example/registrations/…', 'registration.' || r.status,
             jsonb_build_object('registrationId', r.id, 'ownerId', r.pool_id), 'sent', 1, r.created_at, r.created_at + interval '1 minute'
        from registrations r where r.id > ${max}::int`);
    await database.db.execute(sql`
      insert into audit_log (at, actor_id, actor_email, action, entity, entity_id, before, after, ip)
      select r.created_at, null, null, 'registration.create', 'registration', r.id::text, null, jsonb_build_object('poolId', r.pool_id, 'status', r.status), '127.0.0.1'
        from registrations r where r.id > ${max}::int`);
  }
  // What autovacuum does after a bulk insert (PostgreSQL 13+ vacuums on inserts too): statistics,
  // and the visibility map that lets counts be answered from an index alone.
  await database.db.execute(sql`vacuum analyze`);
}

interface PathDef {
  name: string;
  url: () => string;
  staff: boolean;
}

type Row = { db: DbKind; size: number; path: string; seq: Stats; conc: Stats; rawSeq: Stats; rawConc: Stats; statements: number };

async function bench(kind: DbKind, rows: Row[]) {
  const sizes = SIZES.filter((s) => kind !== 'pglite' || s <= PGLITE_MAX);
  const skipped = SIZES.filter((s) => !sizes.includes(s));
  if (skipped.length)
    console.log(
      JSON.stringify({
        bench: 'read-growth',
        db: kind,
        skipped,
        why: 'PGlite is one in-memory single-connection process: generating 1M registrations with their outbox and audit rows takes it minutes and gigabytes; the embedded database is for small installations',
      }),
    );
  const { database, close } = await openBenchDatabase(kind);
  const app = await buildApp({ config: { logLevel: 'silent', publicRateLimit: 0, publicUrl: 'http://127.0.0.1' }, database, web: false });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const t0 = performance.now();
    const planId = await seedPlans(database);
    const pools = await seedSessions(database);
    const viewer = await createUser(database.db, SYSTEM_ACTOR, { email: 'growth@jeonju.test', name: 'bench', role: 'viewer', departmentId: null, password: 'bench password 123' });
    const headers = await mintSession(database, viewer.id);
    console.error(`[${kind}] plans and sessions in ${Math.round(performance.now() - t0)} ms`);
    let deepAfter = 0;
    const paths: PathDef[] = [
      { name: 'plan', url: () => `/api/plans/${planId}`, staff: false },
      { name: 'dashboard', url: () => '/api/plans/figures', staff: true },
      { name: 'regs-first', url: () => `/api/academy/sessions/${pools.bigSession}/registrations`, staff: true },
      { name: 'regs-deep', url: () => `/api/academy/sessions/${pools.bigSession}/registrations?after=${deepAfter}`, staff: true },
      { name: 'sessions', url: () => '/api/academy/sessions', staff: false },
      { name: 'session', url: () => `/api/academy/sessions/${pools.bigSession}`, staff: false },
    ];
    const get = async (p: PathDef) => {
      const res = await fetch(`${base}${p.url()}`, { headers: p.staff ? headers : {} });
      if (res.status !== 200) throw new Error(`${p.name}: status ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    let have = 0;
    for (const size of sizes) {
      const g0 = performance.now();
      await grow(database, have + 1, size + 1, pools);
      have = size;
      console.error(`[${kind}] grew to ${size} registrations in ${Math.round(performance.now() - g0)} ms`);
      const [deep] = rowsOf<{ id: number }>(
        await database.db.execute(
          sql`select id from registrations where pool_id = ${pools.bigPool} order by id offset (select (count(*) * 9 / 10)::int from registrations where pool_id = ${pools.bigPool}) limit 1`,
        ),
      );
      deepAfter = Number(deep!.id);
      const statementsOf: Record<string, { text: string; params: unknown[] }[]> = {};
      for (const p of paths) {
        recorded.length = 0;
        recording = true;
        await get(p);
        recording = false;
        const statements = [...recorded];
        statementsOf[p.name] = statements;
        const raw = async () => {
          for (const s of statements) await database.rawQuery(s.text, s.params);
        };
        const api = await measure(() => get(p));
        const baseline = await measure(raw);
        const row: Row = { db: kind, size, path: p.name, seq: api.seq, conc: api.conc, rawSeq: baseline.seq, rawConc: baseline.conc, statements: statements.length };
        rows.push(row);
        const first = rows.find((r) => r.db === kind && r.path === p.name && r.size === sizes[0])!;
        console.log(
          JSON.stringify({
            bench: 'read-growth',
            ...row,
            seqP50ToFirstSize: +(row.seq.p50Ms / first.seq.p50Ms).toFixed(2),
            concThroughputToFirstSize: +(row.conc.perSecond / first.conc.perSecond).toFixed(2),
            apiToRawP50: +(row.seq.p50Ms / row.rawSeq.p50Ms).toFixed(2),
          }),
        );
      }
      if (size === sizes[sizes.length - 1]) await explainAll(kind, size, database, statementsOf, rows);
    }
  } finally {
    await app.close();
    await close();
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of every SELECT each path sends, to BENCH_OUT; the grown paths' plans also to stdout. */
async function explainAll(kind: DbKind, size: number, database: Database, statementsOf: Record<string, { text: string; params: unknown[] }[]>, rows: Row[]) {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `plans-${kind}-${size}.txt`);
  const lines: string[] = [`# EXPLAIN (ANALYZE, BUFFERS) of the read paths on ${kind} at ${size} registrations, ${new Date().toISOString()}`];
  for (const [name, statements] of Object.entries(statementsOf)) {
    const first = rows.find((r) => r.db === kind && r.path === name)!;
    const last = rows.find((r) => r.db === kind && r.path === name && r.size === size)!;
    const grown = last.seq.p50Ms / first.seq.p50Ms > 1.5;
    const block: string[] = [`\n## ${name}${grown ? ` — grew ${(last.seq.p50Ms / first.seq.p50Ms).toFixed(2)}× from ${first.size}` : ''}`];
    for (const s of statements) {
      if (!/^\s*(select|with)\b/i.test(s.text)) continue;
      const plan = rowsOf<Record<string, string>>(await database.rawQuery(`explain (analyze, buffers) ${s.text}`, s.params));
      block.push(`\n${s.text}\n-- params: ${JSON.stringify(s.params)}`, ...plan.map((r) => Object.values(r)[0]!));
    }
    lines.push(...block);
    if (grown) console.log(block.join('\n'));
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  console.error(`[${kind}] query plans at ${size}: ${file}`);
}

function table(rows: Row[]) {
  const out = [
    '| db | registrations | path | seq p50 ms | seq p99 ms | conc p50 ms | conc p99 ms | req/s | × 10k p50 | raw p50 ms | raw req/s |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const first = rows.find((x) => x.db === r.db && x.path === r.path)!;
    out.push(
      `| ${r.db} | ${r.size.toLocaleString('en')} | ${r.path} | ${r.seq.p50Ms} | ${r.seq.p99Ms} | ${r.conc.p50Ms} | ${r.conc.p99Ms} | ${r.conc.perSecond} | ${(r.seq.p50Ms / first.seq.p50Ms).toFixed(2)} | ${r.rawSeq.p50Ms} | ${r.rawConc.perSecond} |`,
    );
  }
  return out.join('\n');
}

const KINDS = (process.env.BENCH_DB ?? 'postgres,pglite').split(',').filter((k): k is DbKind => k === 'pglite' || k === 'postgres');
const all: Row[] = [];
for (const kind of KINDS) await bench(kind, all);
console.log(`\n${table(all)}`);
