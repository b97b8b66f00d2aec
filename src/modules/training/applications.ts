/**
 * Applications: the public form (consent required; a second application from the same phone to
 * the same cohort is answered alike and stores nothing), the trainee's status page by the token in
 * their link, the staff list (contacts masked), and staff decisions with reasons. Selection stops
 * at the cohort's capacity (the cohort row is locked first); a place freed by a selected trainee
 * goes to the first on the waiting list in the same transaction. Every change is told to the
 * trainee through the outbox.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { isUniqueViolation } from '../../server/db-errors.ts';
import { invalidField, notFound } from '../../server/errors.ts';
import { maskName } from '../../server/mask.ts';
import { hashToken, randomToken } from '../../server/tokens.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import { LINK_TOKEN, queuedSince } from '../notifications/service.ts';
import { CONSENT_NOTICES } from '../registration/consent.ts';
import { normalizePhone } from '../registration/phone.ts';
import type { ApplicationBody, ApplicationStatusSchema, DecisionBody } from './api-schema.ts';
import { type ApplicationRow, type CohortRow, type CourseRow, cohortWithCourse, conflict, requireApplication, siteUrl, tellTrainee, type TrainingContext } from './common.ts';
import { cohortView, staffApplicationView } from './presenters.ts';
import { trainingApplications, trainingAttendance, trainingCertificates, trainingEvaluations, trainingSessions } from './schema.ts';
import { statusCounts } from './courses.ts';

const ANONYMOUS: Actor = { userId: null, email: null, ip: null };
const statusPath = (token: string) => `/training/status/${token === LINK_TOKEN ? token : encodeURIComponent(token)}`;
/** A stored message's status link: a template the outbox worker renders the token into. */
export const statusLink = (ctx: TrainingContext) => siteUrl(ctx, statusPath(LINK_TOKEN));

const courseLabel = (course: CourseRow, cohort: CohortRow) => `${course.titleKo} ${cohort.name}`;

export async function apply(db: Executor, ctx: TrainingContext, actor: Actor, cohortId: number, input: z.infer<typeof ApplicationBody>, now = new Date()) {
  const phone = normalizePhone(input.phone);
  if (!phone) throw invalidField('phone', '전화번호 형식이 아닙니다(예: 010-1234-5678).', 'Not a phone number (e.g. 010-1234-5678).');
  const token = randomToken();
  try {
    return await inTransaction(db, async (tx) => {
      const { cohort, course } = await cohortWithCourse(tx, cohortId);
      if (!(cohort.applyOpensAt <= now && now < cohort.applyClosesAt)) {
        throw conflict('TRAINING_APPLICATIONS_CLOSED', `${cohort.name} 지원 기간이 아닙니다.`, `${cohort.name} is not taking applications now.`);
      }
      const [a] = await tx
        .insert(trainingApplications)
        .values({
          cohortId,
          name: input.name,
          phone,
          email: input.email ?? null,
          statement: input.statement,
          documents: input.documents ?? [],
          referralConsentAt: input.referralConsent ? now : null,
          consentAt: now,
          consentVersion: CONSENT_NOTICES.training.version,
          tokenHash: hashToken(token),
          createdAt: now,
        })
        .returning();
      await recordAudit(tx, actor, { action: 'training.application.submit', entity: 'training_application', entityId: a!.id, after: { cohortId, status: a!.status } });
      const link = statusLink(ctx);
      await tellTrainee(
        tx,
        a!,
        'training.received',
        `[금융전문인력 양성] ${courseLabel(course, cohort)} 지원서 접수`,
        `${input.name} 님, ${courseLabel(course, cohort)} 지원서를 접수했습니다. 선발 결과는 이 연락처로 알려 드립니다.\n진행 상황: ${link}\n\n` +
          `Your application to ${course.titleEn} (${cohort.name}) has been received. Status: ${link}`,
        token,
      );
      return { id: a!.id, token };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'training_applications_phone_uq')) {
      await duplicateApplication(db, cohortId, phone, now);
      return { id: null, token: null };
    }
    throw e;
  }
}

/** At most one message an hour about another application from a phone that has one. */
const DUPLICATE_NOTICE_MS = 60 * 60 * 1000;

async function duplicateApplication(db: Executor, cohortId: number, phone: string, now: Date) {
  await inTransaction(db, async (tx) => {
    const [a] = await tx
      .select()
      .from(trainingApplications)
      .where(and(eq(trainingApplications.cohortId, cohortId), eq(trainingApplications.phone, phone)));
    if (!a) return;
    if (await queuedSince(tx, 'training.duplicate_attempt', 'trainingApplicationId', a.id, new Date(now.getTime() - DUPLICATE_NOTICE_MS))) return;
    await tellTrainee(
      tx,
      a,
      'training.duplicate_attempt',
      '[금융전문인력 양성] 지원서가 한 번 더 들어왔습니다',
      `${a.name} 님, 이 연락처로 같은 기수에 지원서가 한 번 더 들어왔습니다. 이미 접수된 지원서가 있어 새로 접수하지 않았습니다.\n\n` +
        'Another application came in for this cohort from your phone. Yours is already in, so nothing new was recorded.',
    );
    await recordAudit(tx, ANONYMOUS, { action: 'training.application.duplicate_attempt', entity: 'training_application', entityId: a.id });
  });
}

export async function applicationByTokenRow(db: Executor, token: string) {
  const [a] = await db
    .select()
    .from(trainingApplications)
    .where(eq(trainingApplications.tokenHash, hashToken(token)));
  if (!a || a.anonymizedAt) throw notFound({ ko: '지원서', en: 'The application' });
  return a;
}

/** Position on the cohort's waiting list (1 = next), or null. */
async function waitlistPosition(db: Executor, a: ApplicationRow): Promise<number | null> {
  if (a.status !== 'waitlisted') return null;
  const list = await waitingList(db, a.cohortId);
  return list.findIndex((w) => w.id === a.id) + 1 || null;
}

async function waitingList(db: Executor, cohortId: number) {
  return db
    .select()
    .from(trainingApplications)
    .where(and(eq(trainingApplications.cohortId, cohortId), eq(trainingApplications.status, 'waitlisted')))
    .orderBy(asc(trainingApplications.decidedAt), asc(trainingApplications.id));
}

export async function applicationStatus(db: Executor, token: string): Promise<z.infer<typeof ApplicationStatusSchema>> {
  const a = await applicationByTokenRow(db, token);
  const { cohort, course } = await cohortWithCourse(db, a.cohortId);
  const sessions = await db
    .select({ s: trainingSessions, status: trainingAttendance.status })
    .from(trainingSessions)
    .leftJoin(trainingAttendance, and(eq(trainingAttendance.sessionId, trainingSessions.id), eq(trainingAttendance.applicationId, a.id)))
    .where(eq(trainingSessions.cohortId, cohort.id))
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id));
  const [evaluation] = await db.select({ id: trainingEvaluations.id }).from(trainingEvaluations).where(eq(trainingEvaluations.applicationId, a.id));
  const [certificate] = await db.select().from(trainingCertificates).where(eq(trainingCertificates.applicationId, a.id));
  return {
    status: a.status,
    name: maskName(a.name),
    cohort: { id: cohort.id, name: cohort.name, course: { ko: course.titleKo, en: course.titleEn }, startsOn: cohort.startsOn, endsOn: cohort.endsOn },
    decisionReason: a.status === 'rejected' || a.status === 'selected' || a.status === 'waitlisted' ? a.decisionReason : null,
    waitlistPosition: await waitlistPosition(db, a),
    referralConsent: a.referralConsentAt !== null,
    sessions:
      a.status === 'selected'
        ? sessions.map(({ s, status }) => ({
            id: s.id,
            title: { ko: s.titleKo, en: s.titleEn },
            startsAt: s.startsAt.toISOString(),
            endsAt: s.endsAt.toISOString(),
            room: s.room,
            attendance: status ?? null,
          }))
        : [],
    scores: { pre: a.preScore, post: a.postScore },
    evaluation: evaluation ? 'answered' : cohort.evaluationSentAt && a.status === 'selected' ? 'open' : 'not_open',
    certificate: certificate ? { code: certificate.code, valid: certificate.revokedAt === null } : null,
  };
}

/** Per application of a cohort: sessions attended, the cohort's session count, the certificate. */
export async function applicationFacts(db: Executor, cohortId: number) {
  const [{ n: sessions }] = (await db.select({ n: sql<number>`count(*)::int` }).from(trainingSessions).where(eq(trainingSessions.cohortId, cohortId))) as [{ n: number }];
  const attended = await db
    .select({ applicationId: trainingAttendance.applicationId, n: sql<number>`count(*)::int` })
    .from(trainingAttendance)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
    .where(and(eq(trainingSessions.cohortId, cohortId), eq(trainingAttendance.status, 'present')))
    .groupBy(trainingAttendance.applicationId);
  const certificates = await db
    .select({ c: trainingCertificates })
    .from(trainingCertificates)
    .innerJoin(trainingApplications, eq(trainingApplications.id, trainingCertificates.applicationId))
    .where(eq(trainingApplications.cohortId, cohortId));
  const byApp = new Map(attended.map((r) => [r.applicationId, Number(r.n)]));
  const certs = new Map(certificates.map((r) => [r.c.applicationId, r.c]));
  return (applicationId: number) => ({ attended: byApp.get(applicationId) ?? 0, sessions: Number(sessions), certificate: certs.get(applicationId) ?? null });
}

export async function listApplications(db: Executor, cohortId: number, now = new Date()) {
  const { cohort, course } = await cohortWithCourse(db, cohortId);
  const apps = await db.select().from(trainingApplications).where(eq(trainingApplications.cohortId, cohortId)).orderBy(asc(trainingApplications.id));
  const facts = await applicationFacts(db, cohortId);
  const rule = { minAttendancePct: course.minAttendancePct, minScore: course.minScore };
  return {
    cohort: { ...cohortView(cohort, course, now), counts: await statusCounts(db, cohortId), evaluationSentAt: cohort.evaluationSentAt?.toISOString() ?? null },
    items: apps.map((a) => staffApplicationView(a, { ...facts(a.id), rule })),
  };
}

const DECISION_TEXT = {
  selected: { ko: '선발되었습니다', en: 'You have been selected' },
  waitlisted: { ko: '대기자 명단에 올랐습니다', en: 'You are on the waiting list' },
  rejected: { ko: '아쉽게도 선발되지 않았습니다', en: 'You were not selected' },
  withdrawn: { ko: '지원이 철회 처리되었습니다', en: 'Your application has been withdrawn' },
} as const;

/**
 * A staff decision with its reason. The cohort row is locked first, so two managers cannot pass
 * the capacity between them; a trainee with a certificate keeps their status.
 */
export async function decide(db: Executor, actor: Actor, userId: number | null, id: number, body: z.infer<typeof DecisionBody>, now = new Date()) {
  return inTransaction(db, async (tx) => {
    const peek = await requireApplication(tx, id);
    const { cohort, course } = await cohortWithCourse(tx, peek.cohortId, true);
    const a = await requireApplication(tx, id, true);
    if (a.anonymizedAt) throw conflict('APPLICATION_PURGED', '개인정보가 파기된 지원서입니다.', 'This application’s personal data has been purged.');
    const [cert] = await tx.select({ id: trainingCertificates.id }).from(trainingCertificates).where(eq(trainingCertificates.applicationId, id));
    if (cert || a.status === 'withdrawn') {
      throw conflict(
        'TRAINING_APPLICATION_STATE',
        '수료증이 발급되었거나 철회된 지원서는 결정을 바꿀 수 없습니다.',
        'The decision cannot change once a certificate is issued or the application is withdrawn.',
      );
    }
    if (body.decision === 'withdrawn' && a.status === 'rejected') {
      throw conflict('TRAINING_APPLICATION_STATE', '선발되지 않은 지원서는 철회할 수 없습니다.', 'A rejected application cannot be withdrawn.');
    }
    if (body.decision === 'selected' && a.status !== 'selected') {
      const counts = await statusCounts(tx, cohort.id);
      if (counts.selected >= cohort.capacity) {
        throw conflict(
          'COHORT_FULL',
          `${cohort.name} 정원(${cohort.capacity}명)이 찼습니다. 대기자로 지정하세요.`,
          `The cohort is full (${cohort.capacity}); put the applicant on the waiting list.`,
        );
      }
    }
    const after = await setStatus(tx, actor, a, body.decision, body.reason, userId, now, courseLabel(course, cohort), course.titleEn);
    if (a.status === 'selected' && body.decision !== 'selected') await promoteFromWaitlist(tx, actor, cohort, course, now);
    const facts = await applicationFacts(tx, cohort.id);
    return staffApplicationView(after, { ...facts(id), rule: { minAttendancePct: course.minAttendancePct, minScore: course.minScore } });
  });
}

async function setStatus(
  tx: Executor,
  actor: Actor,
  a: ApplicationRow,
  status: ApplicationRow['status'],
  reason: string,
  userId: number | null,
  now: Date,
  labelKo: string,
  labelEn: string,
) {
  const [after] = await tx
    .update(trainingApplications)
    .set({ status, decisionReason: reason, decidedBy: userId, decidedAt: now })
    .where(eq(trainingApplications.id, a.id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'training.application.decide',
    entity: 'training_application',
    entityId: a.id,
    before: { status: a.status, decisionReason: a.decisionReason },
    after: { status, decisionReason: reason },
  });
  if (status !== 'submitted') {
    const text = DECISION_TEXT[status];
    await tellTrainee(
      tx,
      after!,
      `training.${status}`,
      `[금융전문인력 양성] ${labelKo} 선발 결과`,
      `${a.name} 님, ${labelKo}에 ${text.ko}.\n사유: ${reason}\n진행 상황은 처음 받으신 안내의 링크에서 보실 수 있습니다.\n\n${text.en} (${labelEn}). Reason: ${reason}`,
    );
  }
  return after!;
}

/** Fills free places from the waiting list, first come first served (the cohort row is locked by the caller). */
async function promoteFromWaitlist(tx: Executor, actor: Actor, cohort: CohortRow, course: CourseRow, now: Date) {
  const counts = await statusCounts(tx, cohort.id);
  const free = cohort.capacity - counts.selected;
  if (free <= 0) return;
  const next = (await waitingList(tx, cohort.id)).slice(0, free);
  if (!next.length) return;
  await tx
    .select({ id: trainingApplications.id })
    .from(trainingApplications)
    .where(
      inArray(
        trainingApplications.id,
        next.map((n) => n.id),
      ),
    )
    .for('update');
  for (const w of next) {
    await setStatus(tx, actor, w, 'selected', '대기 순서에 따라 선발 / selected from the waiting list', w.decidedBy, now, courseLabel(course, cohort), course.titleEn);
  }
}
