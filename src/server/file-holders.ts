/**
 * The content-addressed file store is shared by hash (evidence, ordinance documents …): a module
 * that keeps files there registers a check "does one of my rows still hold this hash?", and a
 * module removing a file asks `heldElsewhere` first, in the same transaction, under the same
 * advisory lock on the hash, so one module's delete never takes another's file.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/executor.ts';

type Holder = (tx: Executor, sha256: string) => Promise<boolean>;
const holders = new Map<string, Holder>();

/** Registers a holder once (module scope); a second registration under the name replaces it. */
export function registerFileHolder(name: string, holds: Holder): void {
  holders.set(name, holds);
}

/** True when a registered holder (other than `except`, when named) still holds the hash. */
export async function heldElsewhere(tx: Executor, sha256: string, except?: string): Promise<boolean> {
  for (const [name, holds] of holders) if (name !== except && (await holds(tx, sha256))) return true;
  return false;
}

/** Locks a stored file's hash (one key for every module: the evidence module's original one), so a store never interleaves with a removal. */
export const lockStoredFile = (tx: Executor, sha256: string) => tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`evidence-file:${sha256}`}))`);
