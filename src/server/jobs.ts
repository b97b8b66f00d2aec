/**
 * Scheduled housekeeping that runs inside the server process. Each job runs once at start and
 * then on its interval; a failing run is logged and retried next time, never crashing the server.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import { deleteExpiredSessions } from '../modules/accounts/service.ts';

interface Job {
  name: string;
  everyMs: number;
  run: (db: Db) => Promise<void>;
}

const JOBS: Job[] = [{ name: 'delete expired sessions', everyMs: 60 * 60 * 1000, run: deleteExpiredSessions }];

export function startJobs(db: Db, log: FastifyBaseLogger): () => void {
  const timers = JOBS.map((job) => {
    const tick = () => job.run(db).catch((err) => log.error({ err }, `job failed: ${job.name}`));
    void tick();
    return setInterval(tick, job.everyMs).unref();
  });
  return () => timers.forEach(clearInterval);
}
