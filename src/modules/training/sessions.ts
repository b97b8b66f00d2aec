/**
 * Sessions of a cohort and their attendance: self check-in with the room's rotating code (by the
 * trainee's status-link token), or marked by staff (present, or absent with a reason).
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { invalidField, invalidFields, notFound } from '../../server/errors.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import type { AttendanceBody, SessionBody } from './api-schema.ts';
import { applicationByTokenRow } from './applications.ts';
import { checkInCode, judgeCode, STEP_SECONDS, stepOf } from './check-in-code.ts';
import { conflict, requireCohort, requireSession, siteUrl, type SessionRow, type TrainingContext } from './common.ts';
import { sessionView } from './presenters.ts';
import { trainingApplications, trainingAttendance, trainingSessions } from './schema.ts';

/** Self check-in opens this long before a session starts. */
const EARLY_MS = 30 * 60 * 1000;

async function counts(db: Executor, sessionId: number) {
  const rows = await db
    .select({ status: trainingAttendance.status, n: sql<number>`count(*)::int` })
    .from(trainingAttendance)
    .where(eq(trainingAttendance.sessionId, sessionId))
    .groupBy(trainingAttendance.status);
  return { present: Number(rows.find((r) => r.status === 'present')?.n ?? 0), absent: Number(rows.find((r) => r.status === 'absent')?.n ?? 0) };
}

export async function createSession(db: Executor, actor: Actor, cohortId: number, body: z.infer<typeof SessionBody>) {
  if (Date.parse(body.endsAt) <= Date.parse(body.startsAt)) throw invalidField('endsAt', '끝나는 시각이 시작 시각보다 빠릅니다.', 'The session ends before it starts.');
  return inTransaction(db, async (tx) => {
    await requireCohort(tx, cohortId);
    const [s] = await tx
      .insert(trainingSessions)
      .values({
        cohortId,
        titleKo: body.title.ko,
        titleEn: body.title.en,
        startsAt: new Date(body.startsAt),
        endsAt: new Date(body.endsAt),
        room: body.room,
        checkInSecret: randomBytes(32).toString('base64url'),
      })
      .returning();
    const { checkInSecret: _secret, ...audited } = s!;
    await recordAudit(tx, actor, { action: 'training.session.create', entity: 'training_session', entityId: s!.id, after: audited });
    return sessionView(s!, { present: 0, absent: 0 });
  });
}

export async function listSessions(db: Executor, cohortId: number) {
  await requireCohort(db, cohortId);
  const rows = await db.select().from(trainingSessions).where(eq(trainingSessions.cohortId, cohortId)).orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id));
  return Promise.all(rows.map(async (s) => sessionView(s, await counts(db, s.id))));
}

/** What the room display shows now: the code, the link the QR code opens, and the QR code itself. */
export async function currentCode(db: Executor, ctx: TrainingContext, sessionId: number, now = new Date()) {
  const s = await requireSession(db, sessionId);
  const step = stepOf(now);
  const code = checkInCode(s.checkInSecret, s.id, step);
  const url = siteUrl(ctx, `/training/check-in?session=${s.id}&code=${code}`);
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { code, url, svg, validUntil: new Date((step + 1) * STEP_SECONDS * 1000).toISOString(), stepSeconds: STEP_SECONDS };
}

const closedError = (s: SessionRow) =>
  conflict(
    'CHECK_IN_CLOSED',
    '출석 확인은 교육 시작 30분 전부터 끝날 때까지 할 수 있습니다.',
    `Self check-in is open from 30 minutes before the session until its end (${s.endsAt.toISOString()}).`,
  );

/** A trainee checks in with the code shown in the room; a second check-in changes nothing. */
export async function selfCheckIn(db: Executor, actor: Actor, token: string, body: { sessionId: number; code: string }, now = new Date()) {
  return inTransaction(db, async (tx) => {
    const a = await applicationByTokenRow(tx, token);
    const [s] = await tx
      .select()
      .from(trainingSessions)
      .where(and(eq(trainingSessions.id, body.sessionId), eq(trainingSessions.cohortId, a.cohortId)));
    if (!s) throw notFound({ ko: `교육 회차 ${body.sessionId}`, en: `Session ${body.sessionId}` });
    if (a.status !== 'selected') throw conflict('TRAINING_APPLICATION_STATE', '선발된 교육생만 출석할 수 있습니다.', 'Only selected trainees check in.');
    if (now.getTime() < s.startsAt.getTime() - EARLY_MS || now >= s.endsAt) throw closedError(s);
    const verdict = judgeCode(s.checkInSecret, s.id, body.code, now);
    if (verdict === 'expired') {
      throw conflict(
        'CHECK_IN_CODE_EXPIRED',
        '출석 코드가 바뀌었습니다. 강의실 화면의 QR 코드를 다시 찍어 주십시오.',
        'The code has changed: scan the QR code on the room’s screen again.',
      );
    }
    if (verdict === 'invalid') throw conflict('CHECK_IN_CODE_INVALID', '출석 코드가 맞지 않습니다.', 'The check-in code is not right.');
    const [existing] = await tx
      .select()
      .from(trainingAttendance)
      .where(and(eq(trainingAttendance.sessionId, s.id), eq(trainingAttendance.applicationId, a.id)))
      .for('update');
    if (existing?.status === 'present') return { sessionId: s.id, status: 'present' as const, alreadyCheckedIn: true };
    if (existing) {
      await tx.update(trainingAttendance).set({ status: 'present', method: 'qr', reason: null, recordedAt: now }).where(eq(trainingAttendance.id, existing.id));
    } else {
      await tx.insert(trainingAttendance).values({ sessionId: s.id, applicationId: a.id, status: 'present', method: 'qr', recordedAt: now });
    }
    await recordAudit(tx, actor, {
      action: 'training.attendance.self_check_in',
      entity: 'training_application',
      entityId: a.id,
      before: existing ? { status: existing.status } : null,
      after: { sessionId: s.id, status: 'present' },
    });
    return { sessionId: s.id, status: 'present' as const, alreadyCheckedIn: false };
  });
}

/** The attendance sheet of a session: every selected trainee of the cohort with their mark. */
export async function attendanceSheet(db: Executor, sessionId: number) {
  const s = await requireSession(db, sessionId);
  const rows = await db
    .select({ a: trainingApplications, att: trainingAttendance })
    .from(trainingApplications)
    .leftJoin(trainingAttendance, and(eq(trainingAttendance.applicationId, trainingApplications.id), eq(trainingAttendance.sessionId, s.id)))
    .where(and(eq(trainingApplications.cohortId, s.cohortId), eq(trainingApplications.status, 'selected')))
    .orderBy(asc(trainingApplications.id));
  return {
    session: sessionView(s, await counts(db, s.id)),
    items: rows.map(({ a, att }) => ({
      applicationId: a.id,
      name: a.name,
      status: att?.status ?? null,
      method: att?.method ?? null,
      reason: att?.reason ?? null,
      recordedAt: att?.recordedAt.toISOString() ?? null,
    })),
  };
}

/** Staff mark trainees present or absent (with a reason); only selected trainees of the session's cohort. */
export async function markAttendance(db: Executor, actor: Actor, sessionId: number, body: z.infer<typeof AttendanceBody>, now = new Date()) {
  await inTransaction(db, async (tx) => {
    const s = await requireSession(tx, sessionId);
    const trainees = await tx
      .select({ id: trainingApplications.id })
      .from(trainingApplications)
      .where(and(eq(trainingApplications.cohortId, s.cohortId), eq(trainingApplications.status, 'selected')));
    const allowed = new Set(trainees.map((t) => t.id));
    const wrong = body.items.flatMap((it, i) =>
      allowed.has(it.applicationId)
        ? []
        : [{ field: `items.${i}.applicationId`, message: { ko: '이 기수의 선발된 교육생이 아닙니다.', en: 'Not a selected trainee of this cohort.' } }],
    );
    if (wrong.length) throw invalidFields(wrong);
    for (const it of body.items) {
      const reason = it.status === 'absent' ? (it.reason ?? null) : null;
      const [before] = await tx
        .select()
        .from(trainingAttendance)
        .where(and(eq(trainingAttendance.sessionId, s.id), eq(trainingAttendance.applicationId, it.applicationId)))
        .for('update');
      if (before) {
        await tx.update(trainingAttendance).set({ status: it.status, method: 'staff', reason, recordedAt: now }).where(eq(trainingAttendance.id, before.id));
      } else {
        await tx.insert(trainingAttendance).values({ sessionId: s.id, applicationId: it.applicationId, status: it.status, method: 'staff', reason, recordedAt: now });
      }
      await recordAudit(tx, actor, {
        action: 'training.attendance.mark',
        entity: 'training_application',
        entityId: it.applicationId,
        before: before ? { sessionId: s.id, status: before.status, reason: before.reason } : null,
        after: { sessionId: s.id, status: it.status, reason },
      });
    }
  });
  return attendanceSheet(db, sessionId);
}
