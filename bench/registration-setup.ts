/**
 * What the registration benchmarks share (bench/registration-rush.ts, bench/registration-open-loop.ts):
 * the database, academy sessions to register for, and the raw-SQL baseline — every statement one
 * registration sends, recorded from the service with Drizzle's logger (the reads, the seat statement
 * of src/modules/registration/engine/seat.ts with fresh parameters prepared before the clock starts).
 */
import { readFileSync } from 'node:fs';
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

const HOUR = 3_600_000;
export const PUBLIC_URL = 'http://127.0.0.1';

export type Stats = { n: number; p50Ms: number; p90Ms: number; p99Ms: number; maxMs: number; perSecond: number };

export function stats(ms: number[], wallMs: number): Stats {
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

/** Runs task(i) for i < n with `clients` in flight (closed loop); latencies and throughput. */
export async function closedLoop(n: number, clients: number, task: (i: number) => Promise<void>): Promise<Stats> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < n; i = next++) {
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return stats(latencies, performance.now() - start);
}

export const phone = (run: number, i: number) => `010${run}${String(i).padStart(7, '0')}`;
export const rssKiB = (pid: number, field: 'VmRSS' | 'VmHWM') => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
export const mib = (kib: number) => Math.round(kib / 1024);
/** CPU time (user + system) a process has used, in ms (/proc/PID/stat counts 1/100 s ticks). */
export const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

export interface Target {
  env: Record<string, string>;
  open(logger?: { logQuery(q: string, p: unknown[]): void }): Promise<Database>;
  /** Runs one raw statement; PostgreSQL: on a pool of the app's size. */
  rawClient(database: Database): { query(text: string, params: unknown[]): Promise<unknown>; end(): Promise<void> };
  cleanup(): Promise<void>;
}

export async function target(kind: DbKind, dataDir: string): Promise<Target> {
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

/** An academy session open for registration, waiting list on. */
export async function newSession(database: Database, title: string, capacity: number): Promise<{ id: number; poolId: number }> {
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
}

export interface RawRegistrations {
  /** Statements one registration sends (recorded). */
  statementsPerRegistration: number;
  /** Registration i (< count) as raw SQL: the reads, the seat statement, the rest. */
  run(i: number): Promise<void>;
  count: number;
  end(): Promise<void>;
}

/**
 * Records one registration for `session` through the service (`recording` must be the array the
 * database's logger pushes to while it is not null), then prepares `count` more as raw SQL.
 */
export async function rawRegistrations(
  t: Target,
  database: Database,
  session: { id: number; poolId: number },
  count: number,
  record: (fn: () => Promise<void>) => Promise<{ text: string; params: unknown[] }[]>,
): Promise<RawRegistrations> {
  const actor: Actor = { userId: null, email: null, ip: '127.0.0.1' };
  const recorded = await record(async () => {
    await registerForSession(database.db, { publicUrl: PUBLIC_URL }, actor, session.id, { name: '기록', phone: phone(5, 0), consent: true, waitlist: true });
  });
  const seatAt = recorded.findIndex((s) => s.text.includes('finhub_take_seat'));
  const [before, after] = [recorded.slice(0, seatAt), recorded.slice(seatAt + 1)];
  const { pool, subject } = await poolTarget(database.db, session.poolId);
  const dialect = new PgDialect();
  const statements = Array.from({ length: count }, (_, i) => {
    const input = { name: `원시${i}`, phone: phone(8, i), waitlist: true, consentVersion: 'academy-2026-1' };
    return dialect.sqlToQuery(seatStatement(seatRequest(pool, subject, actor, input, randomToken(), PUBLIC_URL)));
  });
  const raw = t.rawClient(database);
  for (let i = 0; i < 20; i++) for (const r of before) await raw.query(r.text, r.params);
  return {
    statementsPerRegistration: recorded.length,
    count,
    run: async (i) => {
      for (const r of before) await raw.query(r.text, r.params);
      await raw.query(statements[i]!.sql, statements[i]!.params);
      for (const r of after) await raw.query(r.text, r.params);
    },
    end: () => raw.end(),
  };
}
