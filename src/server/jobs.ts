/**
 * Scheduled housekeeping that runs inside the server process. Each job runs once at start and
 * then on its interval; a failing run is logged and retried next time, never crashing the server.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import type { Config } from '../config.ts';
import { deleteExpiredSessions } from '../modules/accounts/service.ts';
import { deleteStaleAttempts } from '../modules/accounts/throttle.ts';
import { purgePersonalDataJob } from '../modules/privacy/purge.ts';
import { expireOffers } from '../modules/registration/engine/offers.ts';
import { sendReminders } from '../modules/registration/engine/reminders.ts';
import { describeDatabaseError, isDatabaseUnavailable } from './error-handler.ts';
import { safeError } from './safe-error.ts';

/** What jobs may need from the configuration (links in messages, the outbox files to purge). */
export type JobConfig = Partial<Pick<Config, 'publicUrl' | 'dataDir'>>;

interface Job {
  name: string;
  everyMs: number;
  run: (db: Db, config: JobConfig) => Promise<unknown>;
}

const JOBS: Job[] = [
  { name: 'delete expired sessions', everyMs: 60 * 60 * 1000, run: deleteExpiredSessions },
  // Password-guess counts idle for an hour (e-mails and addresses typed by anyone) are dropped.
  { name: 'delete stale sign-in attempts', everyMs: 60 * 60 * 1000, run: deleteStaleAttempts },
  // Personal data past its retention period is anonymised (registrations, school applications, their messages).
  { name: 'purge personal data', everyMs: 60 * 60 * 1000, run: purgePersonalDataJob },
  // A seat offered to the next in line and not accepted in time passes on to the one after.
  { name: 'expire registration offers', everyMs: 60 * 1000, run: (db, c) => expireOffers(db, { publicUrl: c.publicUrl ?? 'http://localhost:3000' }) },
  // The day before a session or event, each confirmed registrant is reminded once.
  { name: 'send day-before reminders', everyMs: 5 * 60 * 1000, run: (db) => sendReminders(db) },
];

export function startJobs(db: Db, log: FastifyBaseLogger, config: JobConfig = {}): () => void {
  const timers = JOBS.map((job) => {
    const tick = () =>
      job.run(db, config).catch((err) =>
        // A database outage fails every run until it ends: one short line each, not a stack.
        isDatabaseUnavailable(err)
          ? log.warn({ db: describeDatabaseError(err) }, `job skipped, database unavailable: ${job.name}`)
          : log.error({ error: safeError(err) }, `job failed: ${job.name}`),
      );
    void tick();
    return setInterval(tick, job.everyMs).unref();
  });
  return () => timers.forEach(clearInterval);
}
