/**
 * Test Redis (REDIS_URL's tests): the server at TEST_REDIS_URL (default redis://127.0.0.1:6379,
 * started by scripts/test-services.sh in CI). Each test app gets a key prefix of its own, so test
 * processes running together never see each other's counts; its keys are deleted on close. A
 * missing Redis fails the tests that use it: it never skips them.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { ANY_KIND, DB_KINDS, type DbKind } from './db.ts';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix no other test uses. */
export const testRedisPrefix = () => `finhub-test:${process.pid}:${randomBytes(4).toString('hex')}:`;

/** A client on the test Redis whose keys all start with `prefix` (as the app's do). */
export const testRedis = (prefix: string) => new Redis(TEST_REDIS_URL, { keyPrefix: prefix, maxRetriesPerRequest: 1 });

/** Deletes every key under the prefix (SCAN's pattern is not prefixed by the client). */
export async function dropRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * Where the rate limits and the sign-in throttle count, for the tests of their behaviour: each
 * database kind on its own, and Redis (REDIS_URL) beside PostgreSQL as deployed.
 */
export const COUNTER_STORES: readonly { kind: DbKind; redis: boolean; name: string }[] = [
  ...DB_KINDS.map((kind) => ({ kind, redis: false, name: kind })),
  { kind: DB_KINDS.includes('postgres') ? 'postgres' : ANY_KIND, redis: true, name: `${DB_KINDS.includes('postgres') ? 'postgres' : ANY_KIND} with Redis` },
];
