/**
 * What the sign-in throttle tests look at and move, in whichever store counts (src/modules/accounts/throttle.ts):
 * the login_throttle table, or Redis's hash per key when the app has REDIS_URL. Both time on the
 * store's own clock, so "time passes" means moving the stored times, not the test's clock.
 */
import assert from 'node:assert/strict';
import { mock } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { loginThrottle } from '../../src/modules/accounts/schema.ts';
import { deleteStaleAttempts, redisThrottleKey } from '../../src/modules/accounts/throttle.ts';
import type { TestApp } from './app.ts';
import { testRedis } from './redis.ts';

export interface ThrottleProbe {
  /** The attempts counted under the key and its current delay (ms from the last attempt; 0: none), or null for no count. */
  peek(key: string): Promise<{ failures: number; waitMs: number } | null>;
  /** The key's delay ends `ms` from now on the store's clock (negative: it has ended). */
  waitUntil(key: string, ms: number): Promise<void>;
  /** The key goes idle past the time after which counts are forgotten (and the hourly clean-up has run). */
  forgetIdle(key: string): Promise<void>;
  /** `ms` pass for the rate limits too: the app's clock (call mock.timers.enable first) and Redis's windows. */
  passTime(ms: number): Promise<void>;
  close(): Promise<void>;
}

export function throttleProbe(t: TestApp): ThrottleProbe {
  if (t.redisPrefix) {
    const redis = testRedis(t.redisPrefix);
    const key = redisThrottleKey;
    return {
      async peek(k) {
        const h = await redis.hgetall(key(k));
        if (!h.failures) return null;
        return { failures: Number(h.failures), waitMs: h.blocked ? Number(h.blocked) - Number(h.last) : 0 };
      },
      async waitUntil(k, ms) {
        await redis.eval(`local t = redis.call('TIME'); redis.call('HSET', KEYS[1], 'blocked', t[1] * 1000 + math.floor(t[2] / 1000) + tonumber(ARGV[1]))`, 1, key(k), ms);
      },
      async forgetIdle(k) {
        const ttl = await redis.pttl(key(k));
        assert.ok(ttl > 0 && ttl <= 60 * 60 * 1000, `the key expires within the hour: ${ttl} ms`);
        await redis.pexpire(key(k), 1);
        await new Promise((r) => setTimeout(r, 20));
      },
      async passTime(ms) {
        mock.timers.tick(ms);
        // SCAN's pattern is not prefixed by the client: strip the prefix from what it finds.
        const [, keys] = await redis.scan('0', 'MATCH', `${t.redisPrefix}rate-limit:*`, 'COUNT', 10_000);
        for (const full of keys) {
          const k = full.slice(t.redisPrefix!.length);
          const left = await redis.pttl(k);
          if (left - ms <= 0) await redis.del(k);
          else await redis.pexpire(k, left - ms);
        }
      },
      close: async () => {
        redis.disconnect();
      },
    };
  }
  const db = t.database.db;
  const row = async (k: string) => (await db.select().from(loginThrottle).where(eq(loginThrottle.key, k)))[0];
  return {
    async peek(k) {
      const r = await row(k);
      return r ? { failures: r.failures, waitMs: r.blockedUntil ? r.blockedUntil.getTime() - r.lastFailedAt.getTime() : 0 } : null;
    },
    async waitUntil(k, ms) {
      await db
        .update(loginThrottle)
        .set({ blockedUntil: sql`now() + ${Math.round(ms)} * interval '1 millisecond'` })
        .where(eq(loginThrottle.key, k));
    },
    async forgetIdle(k) {
      await db.update(loginThrottle).set({ lastFailedAt: sql`now() - interval '2 hours'`, blockedUntil: null }).where(eq(loginThrottle.key, k));
      await deleteStaleAttempts(db);
    },
    async passTime(ms) {
      // The in-process and PostgreSQL stores time windows by the app's clock.
      mock.timers.tick(ms);
    },
    close: async () => {},
  };
}
