/** Offers of a freed seat: accepted by the registrant's link, or expired by the job and passed on. */
import { and, asc, eq, isNotNull, lt } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../../audit/service.ts';
import { notifyRegistrant } from '../messages.ts';
import { registrations } from '../schema.ts';
import { lockByToken } from './by-token.ts';
import { lockPool, subjectOf } from './pools.ts';
import { conflict, REFUSALS, type EngineContext, type Pool, type Registration } from './state.ts';
import { fillFreeSeats } from './waitlist.ts';

/** Accepts an offered seat by token → confirmed. */
export async function acceptOffer(db: Executor, ctx: EngineContext, actor: Actor, token: string): Promise<Registration> {
  return inTransaction(db, async (tx) => {
    const { pool, r } = await lockByToken(tx, token);
    if (r.status === 'confirmed') return r;
    const now = new Date();
    if (r.status !== 'offered') {
      throw r.status === 'expired'
        ? conflict('OFFER_EXPIRED', { ko: '제안 기한이 지났습니다. 자리가 다음 분께 넘어갔습니다.', en: 'The offer has expired; the place passed to the next person.' })
        : conflict('NO_OFFER', { ko: '수락할 자리 제안이 없습니다.', en: 'There is no offer to accept for this registration.' });
    }
    if (pool.cancelledAt) throw conflict('SESSION_CANCELLED', REFUSALS.cancelled);
    if (r.offerExpiresAt && r.offerExpiresAt <= now) {
      // Past its deadline but not yet swept by the job: expire it now and pass it on.
      await expireOne(tx, ctx, pool, r, now);
      return { ...r, status: 'expired' as const };
    }
    const [updated] = await tx.update(registrations).set({ status: 'confirmed', offerExpiresAt: null }).where(eq(registrations.id, r.id)).returning();
    await notifyRegistrant(tx, 'offer_accepted', { registrationId: r.id, ...r }, await subjectOf(tx, pool), { links: null, ownerKind: pool.ownerKind, publicUrl: ctx.publicUrl });
    await recordAudit(tx, actor, { action: 'registration.accept', entity: 'registration', entityId: r.id, before: { status: 'offered' }, after: { status: 'confirmed' } });
    return updated!;
  });
}

async function expireOne(tx: Executor, ctx: EngineContext, pool: Pool, r: Registration, now: Date): Promise<void> {
  await tx.update(registrations).set({ status: 'expired' }).where(eq(registrations.id, r.id));
  await notifyRegistrant(tx, 'offer_expired', { registrationId: r.id, ...r }, await subjectOf(tx, pool), { ownerKind: pool.ownerKind });
  await recordAudit(tx, SYSTEM_ACTOR, { action: 'registration.expire', entity: 'registration', entityId: r.id, before: { status: 'offered' }, after: { status: 'expired' } });
  await fillFreeSeats(tx, ctx, pool, now);
}

/** The job: offers past their deadline expire and pass on to the next in line. Returns how many expired. */
export async function expireOffers(db: Executor, ctx: EngineContext, now = new Date()): Promise<number> {
  const due = await db
    .selectDistinct({ poolId: registrations.poolId })
    .from(registrations)
    .where(and(eq(registrations.status, 'offered'), isNotNull(registrations.offerExpiresAt), lt(registrations.offerExpiresAt, now)));
  let expired = 0;
  for (const { poolId } of due) {
    expired += await inTransaction(db, async (tx) => {
      const pool = await lockPool(tx, poolId);
      const rows = await tx
        .select()
        .from(registrations)
        .where(and(eq(registrations.poolId, poolId), eq(registrations.status, 'offered'), lt(registrations.offerExpiresAt, now)))
        .orderBy(asc(registrations.id));
      for (const r of rows) await expireOne(tx, ctx, pool, r, now);
      return rows.length;
    });
  }
  return expired;
}
