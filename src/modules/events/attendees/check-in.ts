/** Check-in at an event, by scanned token or by id (the engine's check-in, scoped to the event). */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/executor.ts';
import { notFound } from '../../../server/errors.ts';
import type { Actor } from '../../audit/service.ts';
import { registrationByToken } from '../../registration/engine/by-token.ts';
import { checkIn } from '../../registration/engine/check-in.ts';
import { loadEvent } from '../core/event-row.ts';
import { attendeeView } from '../presenters.ts';
import { eventCategories, eventRegistrations } from '../schema.ts';
import { attendeeRows } from './listing.ts';

/** Check-in by scanned token or by id; idempotent (a second scan reports alreadyCheckedIn). */
export async function checkInAtEvent(db: Executor, actor: Actor, eventId: number, by: { token?: string; registrationId?: number }) {
  await loadEvent(db, eventId);
  const registrationId = by.token !== undefined ? (await registrationByToken(db, by.token).catch(() => null))?.id : by.registrationId;
  const [row] = registrationId
    ? await db
        .select({ poolId: eventCategories.poolId })
        .from(eventRegistrations)
        .innerJoin(eventCategories, eq(eventCategories.id, eventRegistrations.categoryId))
        .where(and(eq(eventRegistrations.registrationId, registrationId), eq(eventRegistrations.eventId, eventId)))
    : [];
  if (!row) throw notFound({ ko: '이 행사의 신청 내역', en: 'A registration for this event' });
  const result = await checkIn(db, actor, row.poolId, { registrationId });
  const [full] = await attendeeRows(db, eventId, { ids: [result.registration.id] });
  return { registration: attendeeView(full!), alreadyCheckedIn: result.alreadyCheckedIn };
}
