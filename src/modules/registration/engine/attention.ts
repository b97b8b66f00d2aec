/**
 * Pools with registrations that wait on someone (the staff to-do list): registrations awaiting
 * a staff approval, and waiting-list offers whose deadline falls within the next `withinMs`
 * (the registrant may let it pass; staff may call them). Each pool is named by its owner
 * (pools.ts subjectOf), so the list can say which session or event it is.
 */
import { and, eq, gt, inArray, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/executor.ts';
import { capacityPools, registrations } from '../schema.ts';
import { subjectOf } from './pools.ts';

export interface PoolAttention {
  poolId: number;
  ownerKind: string;
  /** The session's or event's id (its owner's, from describe). */
  ownerId: number;
  title: { ko: string; en: string | null };
  startsAt: string;
  pending: number;
  offersExpiring: number;
  /** The earliest deadline among the expiring offers, ISO. */
  firstOfferDeadline: string | null;
}

export async function poolsNeedingAttention(db: Executor, now = new Date(), withinMs = 24 * 3_600_000): Promise<PoolAttention[]> {
  const horizon = new Date(now.getTime() + withinMs);
  const expiring = and(eq(registrations.status, 'offered'), gt(registrations.offerExpiresAt, now), lte(registrations.offerExpiresAt, horizon));
  const counted = await db
    .select({
      pool: capacityPools,
      pending: sql<number>`count(*) filter (where ${registrations.status} = 'pending')::int`,
      offers: sql<number>`count(*) filter (where ${expiring})::int`,
      firstDeadline: sql<Date | string | null>`min(${registrations.offerExpiresAt}) filter (where ${expiring})`,
    })
    .from(registrations)
    .innerJoin(capacityPools, eq(capacityPools.id, registrations.poolId))
    .where(and(inArray(registrations.status, ['pending', 'offered']), or(eq(registrations.status, 'pending'), expiring)))
    .groupBy(capacityPools.id)
    .orderBy(capacityPools.startsAt, capacityPools.id);
  const out: PoolAttention[] = [];
  for (const c of counted) {
    const subject = await subjectOf(db, c.pool);
    out.push({
      poolId: c.pool.id,
      ownerKind: c.pool.ownerKind,
      ownerId: subject.ownerId,
      title: subject.title,
      startsAt: c.pool.startsAt.toISOString(),
      pending: c.pending,
      offersExpiring: c.offers,
      firstOfferDeadline: c.firstDeadline === null ? null : new Date(c.firstDeadline).toISOString(),
    });
  }
  return out;
}
