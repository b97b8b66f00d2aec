/**
 * The visiting financial school (찾아가는 금융학교): a yearly demand survey (수요조사) with a
 * window and a target, public applications with a status link, staff decisions up to the
 * target, scheduled classes and their recorded results, and figures per quarter and year.
 * Each write is one transaction with its audit row; schools are told through the outbox in the
 * same transaction (e-mail when a teacher gave one, else SMS to the teacher's phone).
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { isUniqueViolation } from '../../server/db-errors.ts';
import { AppError, invalidFields, notFound, type ErrorCode, type FieldError } from '../../server/errors.ts';
import { maskEmail, maskPhone } from '../../server/mask.ts';
import { hashToken, randomToken } from '../../server/tokens.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import { enqueueNotification, LINK_TOKEN, queuedSince } from '../notifications/service.ts';
import { registerMeasure } from '../plan/measures.ts';
import { quarterDates, seoulDate, seoulMidnight } from '../plan/seoul-time.ts';
import { CONSENT_NOTICES } from '../registration/consent.ts';
import { normalizePhone } from '../registration/phone.ts';
import type { SchoolClass, SchoolFigures, StaffApplication, Survey } from './school-api-schema.ts';
import { schoolApplications, schoolClasses, schoolSurveys } from './schema.ts';

/** The version of the consent notice (GET /api/privacy/consent?purpose=school) applications agree to. */
export const SCHOOL_CONSENT_VERSION = CONSENT_NOTICES.school.version;
/** Statuses that count against the year's target. */
const CHOSEN = ['selected', 'scheduled', 'completed'] as const;

export interface SchoolContext {
  /** The address citizens reach the site at, for the status link. */
  publicUrl: string;
}

const invalid = invalidFields;
const conflict = (code: ErrorCode, ko: string, en: string) => new AppError(code, { ko, en });

export const statusUrlFor = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/$/, '')}/school/applications/${token === LINK_TOKEN ? token : encodeURIComponent(token)}`;

type SurveyRow = typeof schoolSurveys.$inferSelect;
type ApplicationRow = typeof schoolApplications.$inferSelect;
type ClassRow = typeof schoolClasses.$inferSelect;

const surveyView = (s: SurveyRow, now: Date): Survey => ({
  id: s.id,
  year: s.year,
  opensAt: s.opensAt.toISOString(),
  closesAt: s.closesAt.toISOString(),
  open: s.opensAt <= now && now < s.closesAt,
  targetSchools: s.targetSchools,
});

const classView = (c: ClassRow): SchoolClass => ({
  id: c.id,
  applicationId: c.applicationId,
  heldOn: c.heldOn,
  lecturer: c.lecturer,
  classes: c.classes,
  studentsReached: c.studentsReached,
  notes: c.notes,
  evidenceUrl: c.evidenceUrl,
  recordedAt: c.recordedAt?.toISOString() ?? null,
});

// ---- surveys ----

export async function createSurvey(
  db: Executor,
  actor: Actor,
  body: { year: number; opensAt: string; closesAt: string; targetSchools: number; retentionDays?: number | undefined },
  now = new Date(),
): Promise<Survey> {
  const opensAt = new Date(body.opensAt);
  const closesAt = new Date(body.closesAt);
  if (!(opensAt < closesAt)) {
    throw invalid([{ field: 'closesAt', message: { ko: '마감은 시작보다 뒤여야 합니다.', en: 'Must be after opensAt.' } }]);
  }
  try {
    return await inTransaction(db, async (tx) => {
      const [s] = await tx
        .insert(schoolSurveys)
        .values({ year: body.year, opensAt, closesAt, targetSchools: body.targetSchools, ...(body.retentionDays ? { retentionDays: body.retentionDays } : {}) })
        .returning();
      await recordAudit(tx, actor, { action: 'school.survey.create', entity: 'school_survey', entityId: s!.id, after: s });
      return surveyView(s!, now);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('SCHOOL_SURVEY_EXISTS', `${body.year}년 수요조사가 이미 있습니다.`, `There is already a demand survey for ${body.year}.`);
    throw e;
  }
}

export async function listSurveys(db: Executor, now = new Date()): Promise<Survey[]> {
  const rows = await db.select().from(schoolSurveys).orderBy(desc(schoolSurveys.year));
  return rows.map((s) => surveyView(s, now));
}

/** The survey open now; else the next to open; else the latest. */
export async function currentSurvey(db: Executor, now = new Date()): Promise<Survey> {
  const rows = await db.select().from(schoolSurveys).orderBy(asc(schoolSurveys.opensAt));
  const s = rows.find((r) => r.opensAt <= now && now < r.closesAt) ?? rows.find((r) => r.opensAt > now) ?? rows.at(-1);
  if (!s) throw notFound({ ko: '찾아가는 금융학교 수요조사', en: 'A visiting-school demand survey' });
  return surveyView(s, now);
}

// ---- applications ----

export interface ApplicationInput {
  schoolName: string;
  level: ApplicationRow['level'];
  teacherName: string;
  teacherPhone: string;
  teacherEmail?: string | undefined;
  grade: string;
  students: number;
  preferredDates: string[];
  topics: string;
  consent: true;
}

/** Queues a message to the school's contact teacher: e-mail when given, else SMS. */
async function tellSchool(tx: Executor, a: Pick<ApplicationRow, 'id' | 'teacherEmail' | 'teacherPhone' | 'anonymizedAt'>, kind: string, subject: string, body: string, linkToken: string | null = null) {
  if (a.anonymizedAt) return;
  const channel = a.teacherEmail ? 'email' : 'sms';
  const recipient = a.teacherEmail ?? a.teacherPhone;
  if (!recipient) return;
  await enqueueNotification(tx, { channel, recipient, subject, body, kind, meta: { applicationId: a.id }, linkToken });
}

const seoulDay = (d: string) => {
  const [y, m, day] = d.split('-');
  return `${Number(y)}년 ${Number(m)}월 ${Number(day)}일`;
};

export async function submitApplication(db: Executor, ctx: SchoolContext, input: ApplicationInput, now = new Date()) {
  const phone = normalizePhone(input.teacherPhone);
  const fields: FieldError[] = [];
  if (!phone) fields.push({ field: 'teacherPhone', message: { ko: '전화번호 형식이 아닙니다(예: 010-1234-5678).', en: 'Not a phone number (e.g. 010-1234-5678).' } });
  if (new Set(input.preferredDates).size !== input.preferredDates.length) {
    fields.push({ field: 'preferredDates', message: { ko: '같은 날짜가 두 번 있습니다.', en: 'The same date is given twice.' } });
  }
  if (fields.length) throw invalid(fields);
  const token = randomToken();
  const statusUrl = statusUrlFor(ctx.publicUrl, token);
  // The stored message holds the link as a template; the outbox worker renders the token in.
  const statusLink = statusUrlFor(ctx.publicUrl, LINK_TOKEN);
  try {
    return await inTransaction(db, async (tx) => {
      const open = await tx
        .select()
        .from(schoolSurveys)
        .where(and(sql`${schoolSurveys.opensAt} <= ${now}`, sql`${schoolSurveys.closesAt} > ${now}`))
        .orderBy(desc(schoolSurveys.year))
        .limit(1);
      const survey = open[0];
      if (!survey) throw conflict('APPLICATIONS_CLOSED', '지금은 찾아가는 금융학교 신청 기간이 아닙니다.', 'Applications for the visiting financial school are not open now.');
      const [a] = await tx
        .insert(schoolApplications)
        .values({
          surveyId: survey.id,
          schoolName: input.schoolName,
          level: input.level,
          teacherName: input.teacherName,
          teacherPhone: phone,
          teacherEmail: input.teacherEmail ?? null,
          grade: input.grade,
          students: input.students,
          preferredDates: input.preferredDates,
          topics: input.topics,
          consentAt: now,
          consentVersion: SCHOOL_CONSENT_VERSION,
          tokenHash: hashToken(token),
        })
        .returning();
      await tellSchool(
        tx,
        a!,
        'school.received',
        `[찾아가는 금융학교] ${input.schoolName} 신청이 접수되었습니다`,
        `${input.teacherName} 선생님, ${survey.year}년 찾아가는 금융학교 신청이 접수되었습니다.\n` +
          `선정 결과는 이 연락처로 알려 드립니다. 진행 상황: ${statusLink}\n\n` +
          `Your application to Jeonju's visiting financial school (${survey.year}) has been received. Status: ${statusLink}`,
        token,
      );
      return { application: a!, statusUrl, token };
    });
  } catch (e) {
    if (isUniqueViolation(e)) return duplicateApplication(db, input, phone!, now);
    throw e;
  }
}

/** At most one message an hour to a school's contact about a second application. */
export const DUPLICATE_NOTICE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * A school that has applied this year applies again. The answer is the same as for a new
 * application (it does not tell whether the school applied); nothing is stored; the contact of
 * the existing application is told (at most once an hour), and so is whoever applied now, through
 * the phone or e-mail they gave, so that a second teacher is not left waiting.
 */
async function duplicateApplication(db: Executor, input: ApplicationInput, phone: string, now: Date): Promise<{ application: null; statusUrl: null; token: null }> {
  await inTransaction(db, async (tx) => {
    const [existing] = await tx
      .select({ a: schoolApplications, year: schoolSurveys.year })
      .from(schoolApplications)
      .innerJoin(schoolSurveys, eq(schoolSurveys.id, schoolApplications.surveyId))
      .where(and(eq(schoolApplications.schoolName, input.schoolName), sql`${schoolSurveys.opensAt} <= ${now}`, sql`${schoolSurveys.closesAt} > ${now}`))
      .orderBy(desc(schoolSurveys.year))
      .limit(1);
    if (!existing) return;
    const { a, year } = existing;
    if (!(await queuedSince(tx, 'school.duplicate_attempt', 'applicationId', a.id, new Date(now.getTime() - DUPLICATE_NOTICE_INTERVAL_MS)))) {
      await tellSchool(
        tx,
        a,
        'school.duplicate_attempt',
        `[찾아가는 금융학교] ${a.schoolName} 신청이 한 번 더 들어왔습니다`,
        `${a.teacherName} 선생님, 누군가 ${year}년 찾아가는 금융학교에 ${a.schoolName} 이름으로 다시 신청했습니다. 이미 선생님의 신청이 있어 새로 접수하지 않았습니다.\n` +
          `신청 내역은 처음 받으신 안내의 진행 상황 링크에서 보실 수 있습니다.\n\n` +
          `Someone applied again for ${a.schoolName} to Jeonju's visiting financial school (${year}). Your application is already in, so nothing new was recorded; the status link in your first message shows it.`,
      );
    }
    const channel = input.teacherEmail ? 'email' : 'sms';
    await enqueueNotification(tx, {
      channel,
      recipient: input.teacherEmail ?? phone,
      subject: `[찾아가는 금융학교] ${input.schoolName} 신청 안내`,
      body:
        `${input.teacherName} 선생님, ${input.schoolName}의 ${year}년 찾아가는 금융학교 신청은 이미 접수되어 있어 새로 접수하지 않았습니다. ` +
        `그 신청의 담당 선생님께 선생님의 신청 사실을 알려 드렸습니다.\n\n` +
        `An application for ${input.schoolName} (${year}) was already in, so yours was not recorded; the teacher who sent it has been told that you applied.`,
      kind: 'school.duplicate_application',
      // Under the existing application's id, so the retention purge of that year's applications takes it too.
      meta: { applicationId: a.id, duplicate: true },
    });
    await recordAudit(tx, { userId: null, email: null, ip: null }, { action: 'school.duplicate_attempt', entity: 'school_application', entityId: a.id, after: { surveyYear: year } });
  });
  return { application: null, statusUrl: null, token: null };
}

export async function applicationByToken(db: Executor, token: string) {
  const [a] = await db
    .select({ a: schoolApplications, year: schoolSurveys.year })
    .from(schoolApplications)
    .innerJoin(schoolSurveys, eq(schoolSurveys.id, schoolApplications.surveyId))
    .where(eq(schoolApplications.tokenHash, hashToken(token)));
  if (!a) throw notFound({ ko: '신청', en: 'The application' });
  const classes = await db.select().from(schoolClasses).where(eq(schoolClasses.applicationId, a.a.id)).orderBy(asc(schoolClasses.heldOn), asc(schoolClasses.id));
  return {
    status: a.a.status,
    schoolName: a.a.schoolName,
    year: a.year,
    decisionReason: a.a.decisionReason,
    classes: classes.map((c) => ({ heldOn: c.heldOn, lecturer: c.lecturer, classes: c.classes })),
  };
}

async function requireSurvey(db: Executor, id: number, lock = false) {
  const q = db.select().from(schoolSurveys).where(eq(schoolSurveys.id, id));
  const [s] = lock ? await q.for('update') : await q;
  if (!s) throw notFound({ ko: `수요조사 ${id}`, en: `Survey ${id}` });
  return s;
}

async function requireApplication(db: Executor, id: number, lock = false) {
  const q = db.select().from(schoolApplications).where(eq(schoolApplications.id, id));
  const [a] = lock ? await q.for('update') : await q;
  if (!a) throw notFound({ ko: `신청 ${id}`, en: `Application ${id}` });
  return a;
}

function staffView(a: ApplicationRow, classes: ClassRow[]): StaffApplication {
  return {
    id: a.id,
    surveyId: a.surveyId,
    status: a.status,
    schoolName: a.schoolName,
    level: a.level,
    teacherName: a.teacherName,
    teacherPhoneMasked: maskPhone(a.teacherPhone),
    teacherEmailMasked: maskEmail(a.teacherEmail),
    grade: a.grade,
    students: a.students,
    preferredDates: a.preferredDates,
    topics: a.topics,
    decisionReason: a.decisionReason,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    classes: classes.filter((c) => c.applicationId === a.id).map(classView),
    createdAt: a.createdAt.toISOString(),
    anonymized: a.anonymizedAt !== null,
  };
}

export async function listApplications(db: Executor, surveyId: number, now = new Date()) {
  const survey = await requireSurvey(db, surveyId);
  const apps = await db.select().from(schoolApplications).where(eq(schoolApplications.surveyId, surveyId)).orderBy(asc(schoolApplications.createdAt), asc(schoolApplications.id));
  const classes = apps.length
    ? await db
        .select()
        .from(schoolClasses)
        .where(
          inArray(
            schoolClasses.applicationId,
            apps.map((a) => a.id),
          ),
        )
        .orderBy(asc(schoolClasses.heldOn), asc(schoolClasses.id))
    : [];
  return {
    survey: surveyView(survey, now),
    items: apps.map((a) => staffView(a, classes)),
    target: survey.targetSchools,
    selected: apps.filter((a) => (CHOSEN as readonly string[]).includes(a.status)).length,
  };
}

/**
 * Selects or rejects an application, with a reason. The survey row is locked first, so two
 * managers selecting at once cannot pass the target between them.
 */
export async function decideApplication(db: Executor, actor: Actor, userId: number | null, id: number, body: { decision: 'selected' | 'rejected'; reason: string }, now = new Date()) {
  return inTransaction(db, async (tx) => {
    const peek = await requireApplication(tx, id);
    const survey = await requireSurvey(tx, peek.surveyId, true);
    const a = await requireApplication(tx, id, true);
    if (a.anonymizedAt) throw conflict('APPLICATION_PURGED', '개인정보가 파기된 신청입니다.', 'This application’s personal data has been purged.');
    if (a.status === 'scheduled' || a.status === 'completed' || a.status === 'withdrawn') {
      throw conflict('DECISION_FINAL', `수업 일정이 잡혔거나 끝난 신청(${a.status})은 결정을 바꿀 수 없습니다.`, `The decision cannot change once the application is ${a.status}.`);
    }
    if (body.decision === 'selected' && a.status !== 'selected') {
      const [{ n }] = (await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(schoolApplications)
        .where(and(eq(schoolApplications.surveyId, survey.id), inArray(schoolApplications.status, [...CHOSEN])))) as [{ n: number }];
      if (n >= survey.targetSchools) {
        throw conflict(
          'SCHOOL_TARGET_REACHED',
          `${survey.year}년 목표(${survey.targetSchools}개교)만큼 이미 선정했습니다.`,
          `The year's target (${survey.targetSchools} schools) has already been selected.`,
        );
      }
    }
    const [after] = await tx
      .update(schoolApplications)
      .set({ status: body.decision, decisionReason: body.reason, decidedBy: userId, decidedAt: now })
      .where(eq(schoolApplications.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'school.application.decide',
      entity: 'school_application',
      entityId: id,
      before: { status: a.status, decisionReason: a.decisionReason },
      after: { status: after!.status, decisionReason: after!.decisionReason },
    });
    const selected = body.decision === 'selected';
    await tellSchool(
      tx,
      a,
      selected ? 'school.selected' : 'school.rejected',
      selected ? `[찾아가는 금융학교] ${a.schoolName} 선정 안내` : `[찾아가는 금융학교] ${a.schoolName} 선정 결과 안내`,
      (selected
        ? `${a.teacherName} 선생님, ${survey.year}년 찾아가는 금융학교에 선정되었습니다. 수업 일정은 따로 알려 드립니다.`
        : `${a.teacherName} 선생님, 아쉽게도 ${survey.year}년 찾아가는 금융학교에 선정되지 않았습니다.`) +
        `\n사유: ${body.reason}\n\n` +
        (selected ? `Your school has been selected for the visiting financial school (${survey.year}).` : `Your school was not selected for the visiting financial school (${survey.year}).`) +
        ` Reason: ${body.reason}`,
    );
    const classes = await tx.select().from(schoolClasses).where(eq(schoolClasses.applicationId, id));
    return staffView(after!, classes);
  });
}

export async function scheduleClass(db: Executor, actor: Actor, applicationId: number, body: { heldOn: string; lecturer: string; classes: number }) {
  return inTransaction(db, async (tx) => {
    const a = await requireApplication(tx, applicationId, true);
    if (a.status !== 'selected' && a.status !== 'scheduled' && a.status !== 'completed') {
      throw conflict('APPLICATION_NOT_SELECTED', '선정된 학교에만 수업 일정을 잡을 수 있습니다.', 'Only a selected school can have a class scheduled.');
    }
    const [c] = await tx.insert(schoolClasses).values({ applicationId, heldOn: body.heldOn, lecturer: body.lecturer, classes: body.classes }).returning();
    if (a.status === 'selected') await tx.update(schoolApplications).set({ status: 'scheduled' }).where(eq(schoolApplications.id, applicationId));
    await recordAudit(tx, actor, { action: 'school.class.schedule', entity: 'school_class', entityId: c!.id, after: c });
    await tellSchool(
      tx,
      a,
      'school.class_scheduled',
      `[찾아가는 금융학교] ${a.schoolName} 수업 일정 안내 (${body.heldOn})`,
      `${a.teacherName} 선생님, 찾아가는 금융학교 수업 일정을 알려 드립니다.\n` +
        `일자: ${seoulDay(body.heldOn)}\n강사: ${body.lecturer}\n수업: ${body.classes}개 학급\n\n` +
        `Visiting financial school class: ${body.heldOn}, lecturer ${body.lecturer}, ${body.classes} class(es).`,
    );
    return classView(c!);
  });
}

export async function recordClassResult(
  db: Executor,
  actor: Actor,
  classId: number,
  body: { studentsReached: number; notes?: string | undefined; evidenceUrl?: string | undefined },
  now = new Date(),
) {
  return inTransaction(db, async (tx) => {
    const [before] = await tx.select().from(schoolClasses).where(eq(schoolClasses.id, classId)).for('update');
    if (!before) throw notFound({ ko: `수업 ${classId}`, en: `Class ${classId}` });
    const [c] = await tx
      .update(schoolClasses)
      .set({
        studentsReached: body.studentsReached,
        ...(body.notes !== undefined ? { notes: body.notes || null } : {}),
        ...(body.evidenceUrl !== undefined ? { evidenceUrl: body.evidenceUrl } : {}),
        recordedAt: now,
      })
      .where(eq(schoolClasses.id, classId))
      .returning();
    await tx
      .update(schoolApplications)
      .set({ status: 'completed' })
      .where(and(eq(schoolApplications.id, before.applicationId), inArray(schoolApplications.status, ['selected', 'scheduled'])));
    await recordAudit(tx, actor, {
      action: 'school.class.record',
      entity: 'school_class',
      entityId: classId,
      before: { studentsReached: before.studentsReached, notes: before.notes, evidenceUrl: before.evidenceUrl },
      after: { studentsReached: c!.studentsReached, notes: c!.notes, evidenceUrl: c!.evidenceUrl },
    });
    return classView(c!);
  });
}

/** The teacher's full phone and e-mail for a manager who must call; every look is audited. */
export async function unmaskApplication(db: Executor, actor: Actor, id: number) {
  return inTransaction(db, async (tx) => {
    const a = await requireApplication(tx, id);
    await recordAudit(tx, actor, { action: 'school.application.unmask', entity: 'school_application', entityId: id });
    return { teacherName: a.teacherName, teacherPhone: a.teacherPhone, teacherEmail: a.teacherEmail };
  });
}

// ---- figures ----

/** Recorded classes held on dates in [from, to): schools (distinct), students, classes. */
async function reached(db: Executor, from: string, to: string) {
  const [r] = await db
    .select({
      schools: sql<number>`count(distinct ${schoolClasses.applicationId})::int`,
      students: sql<number>`coalesce(sum(${schoolClasses.studentsReached}), 0)::int`,
      classes: sql<number>`coalesce(sum(${schoolClasses.classes}), 0)::int`,
    })
    .from(schoolClasses)
    .where(and(isNotNull(schoolClasses.recordedAt), gte(schoolClasses.heldOn, from), lt(schoolClasses.heldOn, to)));
  return r!;
}

export async function schoolFigures(db: Executor, year: number): Promise<SchoolFigures> {
  const [survey] = await db.select().from(schoolSurveys).where(eq(schoolSurveys.year, year));
  const target = survey?.targetSchools ?? null;
  const byQuarter = [];
  for (const quarter of [1, 2, 3, 4]) {
    const { from, to } = quarterDates(year, quarter);
    byQuarter.push({ quarter, ...(await reached(db, from, to)) });
  }
  const total = await reached(db, seoulDate(seoulMidnight(year, 1)), seoulDate(seoulMidnight(year + 1, 1)));
  const rate = target ? Math.round((total.schools / target) * 1000) / 10 : null;
  return { year, target, byQuarter, total: { ...total, target, rate } };
}

/** Schools with a recorded class in the period: drives "찾아가는 금융학교 실시(3개교)". */
registerMeasure({
  key: 'education.schools_visited',
  label: { ko: '찾아가는 금융학교 실시 학교 수', en: 'Schools visited by the visiting financial school' },
  unit: '개교',
  measure: async (db, { from, to }) => (await reached(db, seoulDate(from), seoulDate(to))).schools,
});

