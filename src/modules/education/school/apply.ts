/** A school applies (public, with consent); a second application from the same school is answered alike and stores nothing. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { isUniqueViolation } from '../../../server/db-errors.ts';
import { invalidFields as invalid, notFound, type FieldError } from '../../../server/errors.ts';
import { hashToken, randomToken } from '../../../server/tokens.ts';
import { recordAudit } from '../../audit/service.ts';
import { enqueueNotification, LINK_TOKEN, queuedSince } from '../../notifications/service.ts';
import { CONSENT_NOTICES } from '../../registration/consent.ts';
import { normalizePhone } from '../../registration/phone.ts';
import { applicationStatusView } from '../school-presenters.ts';
import { schoolApplications, schoolClasses, schoolSurveys } from '../schema.ts';
import { conflict, tellSchool } from './common.ts';

/** The version of the consent notice (GET /api/privacy/consent?purpose=school) applications agree to. */
const SCHOOL_CONSENT_VERSION = CONSENT_NOTICES.school.version;

export interface SchoolContext {
  /** The address citizens reach the site at, for the status link. */
  publicUrl: string;
}

const statusUrlFor = (publicUrl: string, token: string) => `${publicUrl.replace(/\/$/, '')}/school/applications/${token === LINK_TOKEN ? token : encodeURIComponent(token)}`;

type ApplicationRow = typeof schoolApplications.$inferSelect;

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
const DUPLICATE_NOTICE_INTERVAL_MS = 60 * 60 * 1000;

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
    await recordAudit(
      tx,
      { userId: null, email: null, ip: null },
      { action: 'school.duplicate_attempt', entity: 'school_application', entityId: a.id, after: { surveyYear: year } },
    );
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
  return applicationStatusView(a.a, a.year, classes);
}
