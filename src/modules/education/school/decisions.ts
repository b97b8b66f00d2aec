/** Staff: the applications of a survey, decisions up to the target, and unmasking a teacher's contact (audited). */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { applicationView, surveyView } from '../school-presenters.ts';
import { schoolApplications, schoolClasses } from '../schema.ts';
import { CHOSEN, conflict, requireApplication, requireSurvey, tellSchool } from './common.ts';

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
    items: apps.map((a) => applicationView(a, classes)),
    target: survey.targetSchools,
    selected: apps.filter((a) => (CHOSEN as readonly string[]).includes(a.status)).length,
  };
}

/**
 * Selects or rejects an application, with a reason. The survey row is locked first, so two
 * managers selecting at once cannot pass the target between them.
 */
export async function decideApplication(
  db: Executor,
  actor: Actor,
  userId: number | null,
  id: number,
  body: { decision: 'selected' | 'rejected'; reason: string },
  now = new Date(),
) {
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
        (selected
          ? `Your school has been selected for the visiting financial school (${survey.year}).`
          : `Your school was not selected for the visiting financial school (${survey.year}).`) +
        ` Reason: ${body.reason}`,
    );
    const classes = await tx.select().from(schoolClasses).where(eq(schoolClasses.applicationId, id));
    return applicationView(after!, classes);
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
