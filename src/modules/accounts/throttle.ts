/**
 * Password guessing is slowed by growing delays rather than stopped by a lock, so a stranger
 * cannot lock a user (the admin) out, and the answer never depends on whether the account exists.
 *
 * Each attempt is counted before the password is checked (so concurrent guesses cannot slip past
 * the count) under a key, in a store shared by every server (the Throttle interface, two
 * implementations): the login_throttle table (databaseThrottle), or Redis when REDIS_URL is set
 * (redisThrottle; src/server/redis.ts). Both count and time on the store's own clock, so servers
 * with drifting clocks agree:
 * - `login:<e-mail>|<address>`: after FREE_FAILURES attempts without a success, that address
 *   waits FIRST_DELAY_MS, doubling per further failure up to MAX_DELAY_MS, before its next try
 *   on that e-mail is checked at all. This is the only key that refuses.
 * - `login-email:<e-mail>`: the attempts on the e-mail from every address together (those an
 *   address waiting out its delay makes are not counted). It never refuses anyone; once the other
 *   addresses have made FREE_FAILURES of them, a failing address waits from its first failure
 *   instead of its fifth. An address that has not failed is always checked, so the right
 *   password from there gets in while strangers guess from elsewhere.
 * - `password:<user id>`: wrong current passwords on a password change, the same way.
 * A success deletes the keys it passed; counts idle for FORGET_AFTER_MS start again from zero.
 * The e-mail is the normalised one as typed, whether or not a user has it: unknown e-mails are
 * counted, delayed and answered exactly like known ones.
 */
import { and, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { loginThrottle } from './schema.ts';

export const FREE_FAILURES = 5;
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 15 * 60 * 1000;
const FORGET_AFTER_MS = 60 * 60 * 1000;

export const loginKey = (email: string, address: string | null) => `login:${email}|${address ?? ''}`;
export const loginEmailKey = (email: string) => `login-email:${email}`;
export const passwordKey = (userId: number) => `password:${userId}`;

/** The wait after `attempts` unsuccessful attempts, of which `free` go unpunished. */
const delayAfter = (attempts: number, free = FREE_FAILURES): number => (attempts < free ? 0 : Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (attempts - free)));

const interval = (ms: number): SQL => sql.raw(`interval '${Math.round(ms)} milliseconds'`);

type Attempt = { attempts: number } | { waitSeconds: number };

/** Where the attempts are counted: the database (databaseThrottle) or Redis (redisThrottle), with the same answers. */
export interface Throttle {
  /**
   * Counts one attempt under the key and returns the attempts counted so far (this one included),
   * or, while the key waits out a delay, the seconds left (nothing counted). With `free`, a delay
   * starts once the attempts reach it; without, the key only counts.
   */
  countAttempt(key: string, free?: number): Promise<Attempt>;
  /** The attempts counted under each key and not yet forgotten (0 for none). */
  recentAttempts(...keys: string[]): Promise<Record<string, number>>;
  /** After a success: the keys start again from zero. */
  clearAttempts(...keys: string[]): Promise<void>;
}

/** The login_throttle table: one row per key, shared by every server on the database. */
export function databaseThrottle(db: Executor): Throttle {
  return {
    countAttempt: (key, free) => countAttempt(db, key, free),
    recentAttempts: (...keys) => recentAttempts(db, ...keys),
    clearAttempts: (...keys) => clearAttempts(db, ...keys),
  };
}

async function countAttempt(db: Executor, key: string, free?: number): Promise<Attempt> {
  return inTransaction(db, async (tx) => {
    // One statement, holding the row's lock to the end of the transaction: a concurrent attempt
    // waits for it and then sees the delay this one set.
    const [row] = await tx
      .insert(loginThrottle)
      .values({ key, failures: 1 })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`case when ${loginThrottle.lastFailedAt} < now() - ${interval(FORGET_AFTER_MS)} then 1 else ${loginThrottle.failures} + 1 end`,
          lastFailedAt: sql`now()`,
          blockedUntil: null,
        },
        setWhere: sql`${loginThrottle.blockedUntil} is null or ${loginThrottle.blockedUntil} <= now()`,
      })
      .returning({ failures: loginThrottle.failures });
    if (!row) {
      const [left] = await tx
        .select({ seconds: sql<string>`extract(epoch from ${loginThrottle.blockedUntil} - now())` })
        .from(loginThrottle)
        .where(eq(loginThrottle.key, key));
      return { waitSeconds: Math.max(1, Math.ceil(Number(left?.seconds ?? 1))) };
    }
    const delay = free === undefined ? 0 : delayAfter(row.failures, free);
    if (delay > 0)
      await tx
        .update(loginThrottle)
        .set({ blockedUntil: sql`now() + ${interval(delay)}` })
        .where(eq(loginThrottle.key, key));
    return { attempts: row.failures };
  });
}

async function recentAttempts(db: Executor, ...keys: string[]): Promise<Record<string, number>> {
  const rows = await db
    .select({ key: loginThrottle.key, failures: loginThrottle.failures })
    .from(loginThrottle)
    .where(and(inArray(loginThrottle.key, keys), gte(loginThrottle.lastFailedAt, sql`now() - ${interval(FORGET_AFTER_MS)}`)));
  return Object.fromEntries(keys.map((k) => [k, rows.find((r) => r.key === k)?.failures ?? 0]));
}

async function clearAttempts(db: Executor, ...keys: string[]): Promise<void> {
  for (const key of keys) await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

/** The hourly job: rows idle past FORGET_AFTER_MS (and past any delay) count for nothing. */
export async function deleteStaleAttempts(db: Executor): Promise<void> {
  await db
    .delete(loginThrottle)
    .where(and(lt(loginThrottle.lastFailedAt, sql`now() - ${interval(FORGET_AFTER_MS)}`), or(isNull(loginThrottle.blockedUntil), lt(loginThrottle.blockedUntil, sql`now()`))));
}

/**
 * Redis: a hash per key under `throttle:` (failures, last, blocked: milliseconds on the Redis
 * server's clock), counted and checked in one script, so concurrent attempts on any server are
 * counted one after another as the table's row lock makes them. Each count sets the key to expire
 * FORGET_AFTER_MS after it (longer than any delay): Redis forgets idle keys itself, so the hourly
 * job has nothing to delete here.
 */
const COUNT_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local free, forget, first, most = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local h = redis.call('HMGET', KEYS[1], 'failures', 'last', 'blocked')
local failures, last, blocked = tonumber(h[1]), tonumber(h[2]), tonumber(h[3])
if blocked and blocked > now then return {0, blocked - now} end
if not failures or not last or last < now - forget then failures = 1 else failures = failures + 1 end
local delay = 0
if free > 0 and failures >= free then delay = math.min(most, first * 2 ^ (failures - free)) end
redis.call('HSET', KEYS[1], 'failures', failures, 'last', now)
if delay > 0 then redis.call('HSET', KEYS[1], 'blocked', now + delay) else redis.call('HDEL', KEYS[1], 'blocked') end
redis.call('PEXPIRE', KEYS[1], math.max(forget, delay))
return {failures, 0}
`;

/** The Redis key of a throttle key (the client adds the deployment's prefix, FINHUB_REDIS_PREFIX). */
export const redisThrottleKey = (key: string) => `throttle:${key}`;

export function redisThrottle(redis: Redis): Throttle {
  return {
    async countAttempt(key, free) {
      const [attempts, waitMs] = (await redis.eval(COUNT_SCRIPT, 1, redisThrottleKey(key), free ?? 0, FORGET_AFTER_MS, FIRST_DELAY_MS, MAX_DELAY_MS)) as [number, number];
      return attempts > 0 ? { attempts } : { waitSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    },
    async recentAttempts(...keys) {
      const counts = await Promise.all(keys.map((k) => redis.hget(redisThrottleKey(k), 'failures')));
      return Object.fromEntries(keys.map((k, i) => [k, Number(counts[i] ?? 0)]));
    },
    async clearAttempts(...keys) {
      if (keys.length) await redis.del(...keys.map(redisThrottleKey));
    },
  };
}
