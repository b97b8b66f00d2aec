/** Staff approval of held (pending) registrations. */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/executor.ts';
import { notFound } from '../../../server/errors.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { notifyRegistrant, type MessageKind } from '../messages.ts';
import { registrations } from '../schema.ts';
import { countLive, lockPool, subjectOf } from './pools.ts';
import { conflict, REFUSALS, type EngineContext, type Registration, type RegistrationStatus } from './state.ts';

/**
 * Decides a pending registration: approval confirms it while a seat is free, else puts it on the
 * waiting list (409 when the pool has none); refusal cancels it. Pool lock first, then the row.
 * The site's address (`ctx.publicUrl`) lets a confirmation by e-mail carry the calendar file (.ics),
 * as a confirmation at registration does.
 */
export async function decidePending(tx: Executor, ctx: EngineContext, actor: Actor, registrationId: number, approve: boolean): Promise<Registration> {
  const [found] = await tx.select().from(registrations).where(eq(registrations.id, registrationId));
  if (!found) throw notFound({ ko: `신청 ${registrationId}`, en: `Registration ${registrationId}` });
  const pool = await lockPool(tx, found.poolId);
  const [r] = await tx.select().from(registrations).where(eq(registrations.id, found.id)).for('update');
  if (r!.status !== 'pending')
    throw conflict('REGISTRATION_NOT_PENDING', { ko: `승인 대기 중인 신청이 아닙니다(상태: ${r!.status}).`, en: `Not a registration awaiting approval (status: ${r!.status}).` });
  const now = new Date();
  let status: RegistrationStatus = 'cancelled';
  if (approve) {
    if (pool.cancelledAt) throw conflict('SESSION_CANCELLED', REFUSALS.cancelled);
    status = 'confirmed';
    if ((await countLive(tx, pool.id)) >= pool.capacity) {
      if (!pool.waitlistEnabled) throw conflict('REGISTRATION_FULL_NO_WAITLIST', REFUSALS.fullNoWaitlist);
      status = 'waitlisted';
    }
  }
  const [updated] = await tx
    .update(registrations)
    .set(status === 'cancelled' ? { status, cancelledAt: now } : { status })
    .where(eq(registrations.id, r!.id))
    .returning();
  await notifyRegistrant(tx, status === 'cancelled' ? 'rejected' : (status as MessageKind), { registrationId: r!.id, ...r! }, await subjectOf(tx, pool), {
    ownerKind: pool.ownerKind,
    publicUrl: ctx.publicUrl,
  });
  await recordAudit(tx, actor, {
    action: approve ? 'registration.approve' : 'registration.reject',
    entity: 'registration',
    entityId: r!.id,
    before: { status: 'pending' },
    after: { status },
  });
  return updated!;
}
