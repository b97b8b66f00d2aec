/**
 * Redis, when REDIS_URL is set: the public rate limits (@fastify/rate-limit's own Redis store) and
 * the sign-in throttle (src/modules/accounts/throttle.ts) count there instead of in PostgreSQL, for
 * deployments that would rather keep that write traffic off the database. Every key starts with
 * the deployment's prefix (FINHUB_REDIS_PREFIX), so several deployments (or tests) share a Redis.
 *
 * A Redis that is down fails the requests that need it (login and the public writes) quickly with
 * 503, and /api/ready says so; the client reconnects by itself once Redis is back.
 */
import { Redis } from 'ioredis';

/** How long a command or a connection attempt may take before the request gives up (503). */
const TIMEOUT_MS = 3000;

export function openRedis(url: string, prefix: string): Redis {
  return new Redis(url, {
    keyPrefix: prefix,
    // Connected by the first command (or pingRedis): a server starts while Redis is down, and says so on /api/ready.
    lazyConnect: true,
    connectTimeout: TIMEOUT_MS,
    commandTimeout: TIMEOUT_MS,
    // While disconnected, a command waits for one reconnection at most, then fails: a request
    // answers 503 instead of hanging until Redis is back.
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
}

/** `PING`, failing after 3 s: Redis down or too slow to answer is unavailable, not a hang. */
export async function pingRedis(redis: Redis): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([redis.ping(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('redis check timed out')), TIMEOUT_MS)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Messages of ioredis errors that mean "Redis is not there right now" (the request may succeed shortly). */
export const REDIS_CONNECTION_MESSAGES = [/^Reached the max retries per request limit/, /^Connection is closed\.?$/, /^Command timed out$/, /^Stream isn't writeable/];
