/**
 * The satisfaction survey after an event: the academy's mechanism (rotated token, `survey`
 * message); answers need the academy's survey routes to know event pools, which they do not yet
 * (see docs/events-api.md).
 */
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { inTransaction, rows, type Executor } from '../../../db/executor.ts';
import { AppError } from '../../../server/errors.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { rotateToken } from '../../registration/engine/by-token.ts';
import type { EngineContext } from '../../registration/engine/state.ts';
import { notifyRegistrant, surveyUrlTemplate, type PoolSubject } from '../../registration/messages.ts';
import { registrations } from '../../registration/schema.ts';
import { loadEvent } from '../core/event-row.ts';
import { eventCategories, eventRegistrations } from '../schema.ts';
import { EVENT_POOL } from './categories.ts';

export async function sendEventSurvey(db: Executor, ctx: EngineContext, actor: Actor, eventId: number): Promise<{ queued: number }> {
  return inTransaction(db, async (tx) => {
    const e = await loadEvent(tx, eventId);
    if (e.endsAt > new Date())
      throw new AppError('SURVEY_TOO_EARLY', { ko: '행사가 끝난 뒤에 만족도 조사를 보낼 수 있습니다.', en: 'The survey can be sent once the event has ended.' });
    const [sent] = await rows(tx, sql`select 1 from audit_log where action = 'event.survey.send' and entity = 'event' and entity_id = ${String(eventId)} limit 1`);
    if (sent) throw new AppError('SURVEY_ALREADY_SENT', { ko: '만족도 조사는 이미 보냈습니다.', en: 'The survey was already sent.' });
    const attendees = await tx
      .select({ r: registrations, poolId: eventCategories.poolId })
      .from(eventRegistrations)
      .innerJoin(registrations, eq(registrations.id, eventRegistrations.registrationId))
      .innerJoin(eventCategories, eq(eventCategories.id, eventRegistrations.categoryId))
      .where(and(eq(eventRegistrations.eventId, eventId), isNotNull(registrations.checkedInAt), sql`${registrations.anonymizedAt} is null`))
      .orderBy(asc(registrations.id));
    const subject: PoolSubject = { ownerId: e.id, title: { ko: e.titleKo, en: e.titleEn }, startsAt: e.startsAt, venue: [e.venueKo, e.venueEn].filter(Boolean).join(' / ') };
    for (const { r } of attendees) {
      const token = await rotateToken(tx, r.id);
      await notifyRegistrant(tx, 'survey', { registrationId: r.id, ...r }, subject, { surveyUrl: surveyUrlTemplate(ctx.publicUrl), linkToken: token, ownerKind: EVENT_POOL });
    }
    await recordAudit(tx, actor, { action: 'event.survey.send', entity: 'event', entityId: eventId, after: { queued: attendees.length } });
    return { queued: attendees.length };
  });
}
