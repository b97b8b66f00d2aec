/** The satisfaction survey: invitations after a session, and answers by token (any programme's attendees). */
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { AppError, notFound } from '../../../server/errors.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { registrationByToken, rotateToken } from '../../registration/engine/by-token.ts';
import { subjectOf } from '../../registration/engine/pools.ts';
import type { EngineContext } from '../../registration/engine/state.ts';
import { notifyRegistrant, surveyUrlTemplate, type PoolSubject } from '../../registration/messages.ts';
import { capacityPools, registrations } from '../../registration/schema.ts';
import { academySessions, surveyResponses } from '../schema.ts';
import { ACADEMY_POOL, loadSession } from './sessions.ts';

/** Invites every attendee (checked in) of an ended session to the survey; once per session. */
export async function sendSurvey(db: Executor, ctx: EngineContext, actor: Actor, sessionId: number): Promise<{ queued: number }> {
  return inTransaction(db, async (tx) => {
    const { s, pool } = await loadSession(tx, sessionId, true);
    if (pool.cancelledAt) throw new AppError('SESSION_CANCELLED', { ko: '취소된 강좌입니다.', en: 'The session was cancelled.' });
    if (s.endsAt > new Date())
      throw new AppError('SURVEY_TOO_EARLY', { ko: '강좌가 끝난 뒤에 만족도 조사를 보낼 수 있습니다.', en: 'The survey can be sent once the session has ended.' });
    if (s.surveySentAt) {
      throw new AppError('SURVEY_ALREADY_SENT', {
        ko: `만족도 조사는 이미 ${s.surveySentAt.toISOString()}에 보냈습니다.`,
        en: `The survey was already sent at ${s.surveySentAt.toISOString()}.`,
      });
    }
    const attendees = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.poolId, pool.id), isNotNull(registrations.checkedInAt), sql`${registrations.anonymizedAt} is null`))
      .orderBy(asc(registrations.id));
    const subject: PoolSubject = { ownerId: s.id, title: { ko: s.titleKo, en: s.titleEn }, startsAt: s.startsAt, venue: s.venue };
    for (const r of attendees) {
      // The registration link's job (cancel, check-in) is done: the survey link replaces it.
      const token = await rotateToken(tx, r.id);
      await notifyRegistrant(tx, 'survey', { registrationId: r.id, ...r }, subject, { surveyUrl: surveyUrlTemplate(ctx.publicUrl), linkToken: token, ownerKind: ACADEMY_POOL });
    }
    await tx.update(academySessions).set({ surveySentAt: new Date() }).where(eq(academySessions.id, sessionId));
    await recordAudit(tx, actor, { action: 'academy.survey.send', entity: 'academy_session', entityId: sessionId, after: { queued: attendees.length } });
    return { queued: attendees.length };
  });
}

/**
 * The survey behind a token: an academy session's, or (through the engine's pool owners) any
 * other programme's that invites its attendees the same way (GENIE Forum and seminars).
 */
async function surveyTarget(db: Executor, token: string) {
  const r = await registrationByToken(db, token);
  if (!r.checkedInAt) throw notFound({ ko: '만족도 조사', en: 'The survey' });
  const [row] = await db.select().from(academySessions).where(eq(academySessions.poolId, r.poolId));
  if (row) return { r, s: { id: row.id, titleKo: row.titleKo, titleEn: row.titleEn, startsAt: row.startsAt }, entity: 'academy_session' };
  const [pool] = await db.select().from(capacityPools).where(eq(capacityPools.id, r.poolId));
  const subject = pool ? await subjectOf(db, pool) : null;
  if (!pool || !subject) throw notFound({ ko: '만족도 조사', en: 'The survey' });
  return { r, s: { id: subject.ownerId, titleKo: subject.title.ko, titleEn: subject.title.en, startsAt: subject.startsAt }, entity: pool.ownerKind };
}

export async function surveyInfo(db: Executor, token: string) {
  const { r, s } = await surveyTarget(db, token);
  const [answer] = await db.select({ id: surveyResponses.id }).from(surveyResponses).where(eq(surveyResponses.registrationId, r.id));
  return { session: { id: s.id, title: { ko: s.titleKo, en: s.titleEn }, startsAt: s.startsAt.toISOString() }, answered: !!answer };
}

export async function answerSurvey(db: Executor, actor: Actor, token: string, input: { rating: number; comment?: string }) {
  return inTransaction(db, async (tx) => {
    const { r, s, entity } = await surveyTarget(tx, token);
    const [row] = await tx
      .insert(surveyResponses)
      .values({ registrationId: r.id, rating: input.rating, comment: input.comment || null })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('SURVEY_ALREADY_ANSWERED', { ko: '이미 응답하셨습니다. 감사합니다.', en: 'You have already answered. Thank you.' });
    await recordAudit(tx, actor, {
      action: entity === 'academy_session' ? 'academy.survey.answer' : `${entity}.survey.answer`,
      entity,
      entityId: s.id,
      after: { rating: input.rating },
    });
    return { id: row.id, rating: row.rating };
  });
}
