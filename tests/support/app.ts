/** An API-only app (no web build needed) over a fresh test database of the given kind. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/db/client.ts';
import { buildApp } from '../../src/server/app.ts';
import { openTestDatabase, type DbKind } from './db.ts';
import { dropRedisPrefix, TEST_REDIS_URL, testRedisPrefix } from './redis.ts';
import { testS3Settings } from './s3.ts';
import type { S3Settings } from '../../src/server/file-store-s3.ts';

/** The widest check-in window (FINHUB_CHECK_IN_OPENS_MINUTES' maximum, 30 days). */
const CHECK_IN_ANY_DAY = 30 * 24 * 60;

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** A temporary FINHUB_DATA_DIR (uploaded files), removed on close. */
  dataDir: string;
  /** With `redis`: the app's Redis key prefix (its keys are deleted on close). */
  redisPrefix?: string;
  close(): Promise<void>;
}

/**
 * Tests sign in and register often from one address: the login and public-write limits are off
 * unless a test sets one. Check-in opens 30 days before the start (the most the setting allows)
 * unless a test sets the window, so that tests of other things may check in to sessions days ahead.
 */
export async function openTestApp(
  kind: DbKind,
  opts: {
    loginRateLimit?: number;
    publicRateLimit?: number;
    checkInOpensMinutes?: number;
    publicUrl?: string;
    logLevel?: 'trace' | 'info';
    logStream?: { write(line: string): void };
    /** Count the rate limits and the sign-in throttle in the test Redis, under a prefix of the app's own. */
    redis?: boolean;
    /** Redis under this prefix (apps given the same one share their counts, as servers do). */
    redisPrefix?: string;
    /** Stored files in the test S3 server: `true` for a store of the app's own, or given settings (apps given the same share their files). */
    s3?: boolean | S3Settings;
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  const redisPrefix = opts.redisPrefix ?? (opts.redis ? testRedisPrefix() : undefined);
  const s3 = opts.s3 === true ? await testS3Settings() : opts.s3 || undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-test-data-'));
  const app = await buildApp({
    logStream: opts.logStream,
    config: {
      logLevel: opts.logLevel ?? 'silent',
      loginRateLimit: opts.loginRateLimit ?? 0,
      publicRateLimit: opts.publicRateLimit ?? 0,
      checkInOpensMinutes: opts.checkInOpensMinutes ?? CHECK_IN_ANY_DAY,
      publicUrl: opts.publicUrl ?? 'http://finhub.test',
      ...(redisPrefix ? { redisUrl: TEST_REDIS_URL, redisPrefix } : {}),
      ...(s3 ? { s3 } : {}),
    },
    database,
    dataDir,
    web: false,
  });
  return {
    app,
    database,
    dataDir,
    redisPrefix,
    close: async () => {
      await app.close();
      await database.close();
      if (redisPrefix) await dropRedisPrefix(redisPrefix);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
