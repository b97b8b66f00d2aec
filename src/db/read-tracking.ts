/**
 * Which tables a piece of code read: the public read cache (src/server/public-cache.ts) runs an
 * answer's computation inside `trackTables` and learns, from every statement Drizzle sends meanwhile,
 * the tables the answer depends on — so a write to one of them invalidates it, with no hand-kept
 * list to go stale. Statements are attributed through AsyncLocalStorage, so concurrent requests
 * never mix their tables.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { getTableName, is } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm/logger';
import { PgTable } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';

const TABLES: ReadonlySet<string> = new Set(Object.values(schema).flatMap((t) => (is(t, PgTable) ? [getTableName(t)] : [])));
const tracked = new AsyncLocalStorage<Set<string>>();
const WORD = /[a-z_][a-z0-9_]*/g;

/** Runs `fn`, collecting the names of the tables its statements mention (an over-estimate is harmless). */
export async function trackTables<T>(fn: () => Promise<T>): Promise<{ value: T; tables: Set<string> }> {
  const tables = new Set<string>();
  const value = await tracked.run(tables, fn);
  return { value, tables };
}

/** Drizzle's logger for both drivers: notes tables for `trackTables`, then passes on to `next`. */
export function trackingLogger(next?: Logger): Logger {
  return {
    logQuery(query, params) {
      const tables = tracked.getStore();
      if (tables) for (const word of query.toLowerCase().match(WORD) ?? []) if (TABLES.has(word)) tables.add(word);
      next?.logQuery(query, params);
    },
  };
}
