/**
 * The waiting list: every change that frees a seat (a cancellation, an expired offer, more
 * capacity) offers it to the first waitlisted, in the same transaction, with an outbox message
 * carrying the offer's own accept link and its deadline (offer-deadline.ts: never at night).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/executor.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../audit/service.ts';
import { LINK_TOKEN } from '../../notifications/service.ts';
import { linksFor, notifyRegistrant } from '../messages.ts';
import { registrations } from '../schema.ts';
import { createLink } from './links.ts';
import { offerDeadline } from './offer-deadline.ts';
import { countLive, subjectOf } from './pools.ts';
import type { EngineContext, Pool } from './state.ts';

/** Offers free seats to the waiting list, first come first served (by id: inserts happen under the pool lock). */
export async function fillFreeSeats(tx: Executor, ctx: EngineContext, pool: Pool, now: Date): Promise<number> {
  if (pool.cancelledAt || now >= pool.startsAt) return 0;
  let free = pool.capacity - (await countLive(tx, pool.id));
  if (free <= 0) return 0;
  const next = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.poolId, pool.id), eq(registrations.status, 'waitlisted')))
    .orderBy(asc(registrations.id))
    .limit(free);
  if (!next.length) return 0;
  const subject = await subjectOf(tx, pool);
  const offerExpiresAt = offerDeadline(now, pool.offerTtlMinutes, pool.startsAt);
  for (const r of next) {
    await tx.update(registrations).set({ status: 'offered', offerExpiresAt }).where(eq(registrations.id, r.id));
    // The offer carries a link of its own (the first token is not kept), working until the start:
    // it opens the status page with the accept button; the message names the deadline.
    const token = await createLink(tx, r.id, 'offer', pool.startsAt);
    await notifyRegistrant(tx, 'offered', { registrationId: r.id, ...r }, subject, {
      offerExpiresAt,
      ownerKind: pool.ownerKind,
      links: linksFor(ctx.publicUrl, LINK_TOKEN),
      linkToken: token,
    });
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'registration.offered',
      entity: 'registration',
      entityId: r.id,
      before: { status: r.status },
      after: { status: 'offered', offerExpiresAt: offerExpiresAt.toISOString() },
    });
    free--;
  }
  return next.length;
}
