/** The yearly demand surveys (수요조사): window and target. */
import { asc, desc } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { isUniqueViolation } from '../../../server/db-errors.ts';
import { invalidFields as invalid, notFound } from '../../../server/errors.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import type { Survey } from '../school-api-schema.ts';
import { surveyView } from '../school-presenters.ts';
import { schoolSurveys } from '../schema.ts';
import { conflict } from './common.ts';

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
