/**
 * Waiting for durability after an asynchronous commit.
 *
 * A hot transaction that holds a lock (the registration engine's pool lock) commits with
 * synchronous_commit off, so the lock is not held through the WAL flush. Before telling anyone
 * it happened, the caller runs durable(): a transaction that gets a transaction id commits
 * synchronously, and its flush covers every WAL record before it — the asynchronous commit
 * included. Concurrent callers share flushes (group commit).
 */
import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

export async function durable(db: Db): Promise<void> {
  await db.execute(sql`select txid_current()`);
}
