/**
 * Scheduled housekeeping that runs inside the server process. Each job runs once at start and
 * then on its interval; a failing run is logged and retried next time, never crashing the server.
 *
 * Several servers on one PostgreSQL each run every job, one job at a time per server: a run first
 * takes the job's transaction-scoped advisory lock (pg_try_advisory_xact_lock, which PgBouncer's
 * transaction pooling keeps), and a server that finds it taken skips that run, so no two servers
 * ever run the same job together. The lock's transaction stays open for the run and ends with it
 * (a killed server's lock goes with its connection). The jobs themselves work in their own
 * transactions and are idempotent, so a run on each server in turn repeats no effect.
 */
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rows } from '../db/executor.ts';
import type { Config } from '../config.ts';
import { deleteExpiredSessions } from '../modules/accounts/service.ts';
import { deleteStaleAttempts } from '../modules/accounts/throttle.ts';
import { purgePersonalDataJob } from '../modules/privacy/purge.ts';
import { expireOffers } from '../modules/registration/engine/offers.ts';
import { sendReminders } from '../modules/registration/engine/reminders.ts';
import { describeDatabaseError, isDatabaseUnavailable } from './error-handler.ts';
import type { FileStore } from './file-store.ts';
import { deleteOldRateLimitCounters } from './rate-limit-store.ts';
import { safeError } from './safe-error.ts';

/** What jobs may need from the configuration (links in messages, the outbox files to purge). */
export type JobConfig = Partial<Pick<Config, 'publicUrl' | 'dataDir'>> & { files?: FileStore };

interface Job {
  name: string;
  everyMs: number;
  run: (db: Db, config: JobConfig) => Promise<unknown>;
}

const JOBS: Job[] = [
  { name: 'delete expired sessions', everyMs: 60 * 60 * 1000, run: deleteExpiredSessions },
  // Password-guess counts idle for an hour (e-mails and addresses typed by anyone) are dropped.
  { name: 'delete stale sign-in attempts', everyMs: 60 * 60 * 1000, run: deleteStaleAttempts },
  { name: 'delete old rate-limit counters', everyMs: 60 * 60 * 1000, run: deleteOldRateLimitCounters },
  // Personal data past its retention period is anonymised (registrations, school applications, their messages).
  { name: 'purge personal data', everyMs: 60 * 60 * 1000, run: purgePersonalDataJob },
  // A seat offered to the next in line and not accepted in time passes on to the one after.
  { name: 'expire registration offers', everyMs: 60 * 1000, run: (db, c) => expireOffers(db, { publicUrl: c.publicUrl ?? 'http://localhost:3000' }) },
  // The day before a session or event, each confirmed registrant is reminded once.
  { name: 'send day-before reminders', everyMs: 5 * 60 * 1000, run: (db) => sendReminders(db) },
];

/**
 * Runs `fn` while holding the job's advisory lock in a transaction of its own; false (and `fn`
 * not run) when another server holds it. `fn` works on the database, not in that transaction.
 */
export async function runExclusively(db: Db, name: string, fn: () => Promise<unknown>): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [r] = await rows<{ got: boolean }>(tx, sql`select pg_try_advisory_xact_lock(hashtext(${`finhub-job:${name}`})) as got`);
    if (!r?.got) return false;
    await fn();
    return true;
  });
}

/**
 * `exclusive`: several servers may share the database (PostgreSQL), so each run takes the job's
 * lock. The embedded database has one process, and one connection a held transaction would block.
 */
export function startJobs(db: Db, log: FastifyBaseLogger, config: JobConfig = {}, exclusive = false): () => void {
  // One job at a time on this server: a run holds a connection for its lock.
  let queue: Promise<unknown> = Promise.resolve();
  const timers = JOBS.map((job) => {
    const once = () => (exclusive ? runExclusively(db, job.name, () => job.run(db, config)) : job.run(db, config));
    const tick = () => {
      const run = queue.then(once);
      queue = run.catch(() => {});
      return run.catch((err) =>
        // A database outage fails every run until it ends: one short line each, not a stack.
        isDatabaseUnavailable(err)
          ? log.warn({ db: describeDatabaseError(err) }, `job skipped, database unavailable: ${job.name}`)
          : log.error({ error: safeError(err) }, `job failed: ${job.name}`),
      );
    };
    void tick();
    return setInterval(tick, job.everyMs).unref();
  });
  return () => timers.forEach(clearInterval);
}
