/**
 * What services run their queries on: the database or a transaction that is already open. A
 * request's transaction is handed down to every service it uses, so the whole request commits or
 * rolls back together; a service that needs a transaction of its own asks `inTransaction`, which
 * joins the caller's instead of opening a savepoint by accident.
 */
import type { SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './client.ts';

/** The database or an open transaction: every service takes one. */
export type Executor = Db | Tx;

/** Runs `fn` in `exec` when it already is a transaction, else in a new transaction on it. */
export function inTransaction<T>(exec: Executor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return exec instanceof PgTransaction ? fn(exec as Tx) : exec.transaction(fn);
}

/** The rows of a raw SQL statement (both drivers answer `{ rows }`). */
export async function rows<T>(exec: Executor, query: SQL): Promise<T[]> {
  const result = (await exec.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
