/** Staff approval of a registration in a category that needs it. */
import { and, eq } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { notFound } from '../../../server/errors.ts';
import type { Actor } from '../../audit/service.ts';
import { decidePending } from '../../registration/engine/approval.ts';
import type { EngineContext } from '../../registration/engine/state.ts';
import { eventRegistrations } from '../schema.ts';

/**
 * Staff approval of a registration in a category that needs it: approval confirms within capacity
 * (else waiting list); the confirmation e-mail carries the event's calendar (.ics, built from
 * `ctx.publicUrl` as at registration).
 */
export async function decideApproval(db: Executor, ctx: EngineContext, actor: Actor, eventId: number, registrationId: number, approve: boolean) {
  return inTransaction(db, async (tx) => {
    const [er] = await tx
      .select()
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.registrationId, registrationId), eq(eventRegistrations.eventId, eventId)));
    if (!er) throw notFound({ ko: `이 행사의 신청 ${registrationId}`, en: `Registration ${registrationId} of this event` });
    const r = await decidePending(tx, ctx, actor, registrationId, approve);
    await tx
      .update(eventRegistrations)
      .set({ approval: approve ? 'approved' : 'rejected' })
      .where(eq(eventRegistrations.registrationId, registrationId));
    return { id: r.id, status: r.status };
  });
}
