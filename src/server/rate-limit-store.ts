/**
 * Where the public rate limits count (@fastify/rate-limit's store): in PostgreSQL when the
 * database is PostgreSQL, so a limit of N a minute per address holds across every server behind
 * the balancer, not N per server. One statement per request: an upsert of the route+address
 * counter that starts a fresh window when the old one has run out (a fixed window, as the
 * plugin's own stores count). PGlite (one process) keeps the plugin's in-process store.
 */
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rows, type Executor } from '../db/executor.ts';

type Callback = (err: Error | null, result?: { current: number; ttl: number }) => void;
/** What the plugin hands `child` at run time: the route's merged limit options, with the route. */
type RouteLimit = { routeInfo?: { method?: string | string[]; url?: string } };

/**
 * Counts one hit under `key` for a window of `windowMs`; the hits so far and the ms left (at most
 * the window: a transaction that waited on the row has an earlier now() than the one that set it).
 */
export async function countHit(db: Executor, key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
  // The app's clock, as the in-process store and the limit plugin's own window use (one clock for all
  // three, and tests can move it); servers behind one balancer keep their clocks in step (NTP).
  const now = sql`${new Date().toISOString()}::timestamptz`;
  const window = sql`(${now} + ${Math.round(windowMs)} * interval '1 millisecond')`;
  const [r] = await rows<{ hits: number; ttl: number }>(
    db,
    sql`insert into rate_limit_counters as c (key, hits, resets_at) values (${key}, 1, ${window})
        on conflict (key) do update set
          hits = case when c.resets_at <= ${now} then 1 else c.hits + 1 end,
          resets_at = case when c.resets_at <= ${now} then ${window} else c.resets_at end
        returning c.hits, least(${Math.round(windowMs)}, greatest(0, ceil(extract(epoch from c.resets_at - ${now}) * 1000)))::int as ttl`,
  );
  return { current: Number(r!.hits), ttl: Number(r!.ttl) };
}

/** The store class the plugin instantiates (`new Store(options)`), bound to the database. */
export function postgresRateLimitStore(db: Db) {
  return class PostgresRateLimitStore implements FastifyRateLimitStore {
    readonly prefix: string;
    constructor(_options?: unknown, prefix = '') {
      this.prefix = prefix;
    }
    incr(key: string, cb: Callback, timeWindow: number): void {
      countHit(db, `${this.prefix}${key}`, timeWindow).then(
        (r) => cb(null, r),
        (err: Error) => cb(err),
      );
    }
    /** One counter per route, as the plugin's own stores keep them. */
    child(options: object): PostgresRateLimitStore {
      const route = options as RouteLimit;
      const method = [route.routeInfo?.method ?? ''].flat().join(',');
      return new PostgresRateLimitStore(undefined, `${method} ${route.routeInfo?.url ?? ''} `);
    }
  };
}

/** For the hourly job: counters whose window ended long ago. */
export async function deleteOldRateLimitCounters(db: Executor): Promise<void> {
  await db.execute(sql`delete from rate_limit_counters where resets_at < now() - interval '1 hour'`);
}
