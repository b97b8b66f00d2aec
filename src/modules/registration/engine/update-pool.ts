/** Changing a pool: capacity, registration window, start, cancellation. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/executor.ts';
import { AppError } from '../../../server/errors.ts';
import { notifyRegistrant } from '../messages.ts';
import { capacityPools, registrations } from '../schema.ts';
import { countLive, lockPool, subjectOf, type PoolInput } from './pools.ts';
import { ACTIVE, type EngineContext, type Pool } from './state.ts';
import { fillFreeSeats } from './waitlist.ts';

/**
 * Changes a pool (capacity, window, start, cancellation) in the caller's transaction. Capacity
 * may not drop below the seats already taken; more capacity offers seats to the waiting list;
 * cancelling tells every active registrant.
 */
export async function updatePool(tx: Executor, ctx: EngineContext, poolId: number, patch: Partial<PoolInput> & { cancelled?: boolean }): Promise<Pool> {
  const pool = await lockPool(tx, poolId);
  const { cancelled, ...fields } = patch;
  if (fields.capacity !== undefined && fields.capacity < pool.capacity) {
    const live = await countLive(tx, poolId);
    if (fields.capacity < live) {
      throw new AppError(
        'CAPACITY_BELOW_TAKEN',
        { ko: `이미 ${live}명이 확정되어 정원을 ${fields.capacity}명으로 줄일 수 없습니다.`, en: `${live} places are already taken; capacity cannot drop to ${fields.capacity}.` },
        [{ field: 'capacity', message: { ko: `${live} 이상이어야 합니다.`, en: `Must be at least ${live}.` } }],
      );
    }
  }
  const set: Partial<Pool> = { ...fields };
  if (cancelled && !pool.cancelledAt) set.cancelledAt = new Date();
  const [updated] = Object.keys(set).length ? await tx.update(capacityPools).set(set).where(eq(capacityPools.id, poolId)).returning() : [pool];
  if (set.cancelledAt) {
    const subject = await subjectOf(tx, updated!);
    const active = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.poolId, poolId), inArray(registrations.status, ACTIVE)));
    for (const r of active) await notifyRegistrant(tx, 'pool_cancelled', { registrationId: r.id, ...r }, subject, { ownerKind: pool.ownerKind });
  } else {
    await fillFreeSeats(tx, ctx, updated!, new Date());
  }
  return updated!;
}
