/**
 * Waiting for durability after an asynchronous commit.
 *
 * A hot transaction that holds a lock (the registration engine's pool lock) commits with
 * synchronous_commit off, so the lock is not held through the WAL flush. Before telling anyone
 * it happened, the caller runs durable(): a transaction that commits synchronously, and whose
 * flush covers every WAL record before it — the asynchronous commit included. Concurrent callers
 * share flushes (group commit).
 *
 * PostgreSQL flushes at commit only if the transaction has an xid AND wrote WAL before its commit
 * record: `select txid_current()` alone does neither enough (it gets an xid but writes nothing, so
 * its commit is not flushed — tests/faults/db-outage.test.ts lost an answered registration to a
 * crash that way). A transactional logical message does both, writes a few bytes and touches no
 * table; no one decodes it.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

export async function durable(db: Db): Promise<void> {
  await db.execute(sql`select pg_logical_emit_message(true, 'finhub.durable', '')`);
}
