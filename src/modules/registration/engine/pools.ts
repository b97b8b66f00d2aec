/**
 * Capacity pools: each kind of thing with seats (an academy session, an event category) owns one
 * and says how registrants see it. Capacity is enforced by locking the pool row
 * (`SELECT … FOR UPDATE`) and reading its counts after the lock (seat.ts); the counts
 * (capacity_pools.taken/.waiting) are kept by a trigger in the same transaction as every status
 * change, so they cannot drift from the rows (tests/api/pool-counters.test.ts); the rarer paths
 * still count rows under the lock.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/executor.ts';
import type { PoolSubject } from '../messages.ts';
import { capacityPools, registrations } from '../schema.ts';
import { LIVE, poolNotFound, type Pool } from './state.ts';

// Owners: each kind of thing with a pool says how registrants see it (for messages and status).

export interface PoolOwner {
  describe(db: Executor, poolId: number): Promise<PoolSubject | null>;
  /** Its own calendar (.ics text) for a confirmation's attachment; without it one is written from `describe`. */
  calendar?(db: Executor, poolId: number, publicUrl: string): Promise<string | null>;
}
const owners = new Map<string, PoolOwner>();

/** Registers an owner kind ("academy_session"); module scope, once. */
export function registerPoolOwner(kind: string, owner: PoolOwner): void {
  owners.set(kind, owner);
}

export async function subjectOf(db: Executor, pool: Pool): Promise<PoolSubject> {
  const owner = owners.get(pool.ownerKind);
  const s = owner ? await owner.describe(db, pool.id) : null;
  return s ?? { ownerId: pool.id, title: { ko: `행사 ${pool.id}`, en: `Event ${pool.id}` }, startsAt: pool.startsAt, venue: '' };
}

/** The calendar of what a pool sells: its owner's, else `fallback` from how registrants see it. */
export async function calendarOf(db: Executor, pool: Pool, publicUrl: string, fallback: (subject: PoolSubject, ownerKind: string, publicUrl: string) => string): Promise<string> {
  const own = await owners.get(pool.ownerKind)?.calendar?.(db, pool.id, publicUrl);
  return own ?? fallback(await subjectOf(db, pool), pool.ownerKind, publicUrl);
}

export interface PoolInput {
  capacity: number;
  opensAt: Date;
  closesAt: Date;
  startsAt: Date;
  waitlistEnabled?: boolean;
  offerTtlMinutes?: number;
  retentionDays?: number;
}

export async function createPool(tx: Executor, ownerKind: string, input: PoolInput): Promise<Pool> {
  const [pool] = await tx
    .insert(capacityPools)
    .values({ ownerKind, ...input })
    .returning();
  return pool!;
}

/** Locks the pool row: every change to a pool or its registrations takes this lock first. */
export async function lockPool(tx: Executor, poolId: number): Promise<Pool> {
  const [pool] = await tx.select().from(capacityPools).where(eq(capacityPools.id, poolId)).for('update');
  if (!pool) throw poolNotFound();
  return pool;
}

/** Seats taken (confirmed or offered), counted from the rows. */
export async function countLive(tx: Executor, poolId: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(and(eq(registrations.poolId, poolId), inArray(registrations.status, LIVE)));
  return Number(row!.n);
}

/** The pool a registration goes to, with how registrants see it (callers often have both already). */
export interface PoolTarget {
  pool: Pool;
  subject: PoolSubject;
}

export async function poolTarget(db: Executor, poolId: number): Promise<PoolTarget> {
  const [pool] = await db.select().from(capacityPools).where(eq(capacityPools.id, poolId));
  if (!pool) throw poolNotFound();
  return { pool, subject: await subjectOf(db, pool) };
}
