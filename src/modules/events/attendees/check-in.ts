/** Check-in at an event, by scanned token, typed short code or id (the engine's check-in, scoped to the event). */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/executor.ts';
import { notFound } from '../../../server/errors.ts';
import type { Actor } from '../../audit/service.ts';
import { checkIn, registrationForCheckIn, type CheckInBy } from '../../registration/engine/check-in.ts';
import { loadEvent } from '../core/event-row.ts';
import { attendeeView } from '../presenters.ts';
import { eventCategories, eventRegistrations } from '../schema.ts';
import { attendeeRows } from './listing.ts';

/**
 * Check-in by scanned token, typed code or id; idempotent (a second scan reports alreadyCheckedIn);
 * refused before `opensMinutes` ahead of the event's start.
 */
export async function checkInAtEvent(db: Executor, actor: Actor, eventId: number, by: CheckInBy, opensMinutes?: number) {
  await loadEvent(db, eventId);
  const registrationId = 'registrationId' in by ? by.registrationId : (await registrationForCheckIn(db, by))?.id;
  const [row] = registrationId
    ? await db
        .select({ poolId: eventCategories.poolId })
        .from(eventRegistrations)
        .innerJoin(eventCategories, eq(eventCategories.id, eventRegistrations.categoryId))
        .where(and(eq(eventRegistrations.registrationId, registrationId), eq(eventRegistrations.eventId, eventId)))
    : [];
  if (!row) throw notFound({ ko: '이 행사의 신청 내역', en: 'A registration for this event' });
  const result = await checkIn(db, actor, row.poolId, { registrationId: registrationId! }, { opensMinutes });
  const [full] = await attendeeRows(db, eventId, { ids: [result.registration.id] });
  return { registration: attendeeView(full!), alreadyCheckedIn: result.alreadyCheckedIn };
}
