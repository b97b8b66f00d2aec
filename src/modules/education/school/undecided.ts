/** Applications waiting for a decision (the staff to-do list): per year's survey, how many and since when. */
import { and, eq, isNull, min, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/executor.ts';
import { schoolApplications, schoolSurveys } from '../schema.ts';

export async function undecidedApplications(db: Executor) {
  const found = await db
    .select({
      surveyId: schoolSurveys.id,
      year: schoolSurveys.year,
      count: sql<number>`count(*)::int`,
      oldest: min(schoolApplications.createdAt),
    })
    .from(schoolApplications)
    .innerJoin(schoolSurveys, eq(schoolSurveys.id, schoolApplications.surveyId))
    .where(and(eq(schoolApplications.status, 'submitted'), isNull(schoolApplications.anonymizedAt)))
    .groupBy(schoolSurveys.id)
    .orderBy(schoolSurveys.year);
  return found.map((r) => ({ surveyId: r.surveyId, year: r.year, count: r.count, oldestAt: r.oldest ? new Date(r.oldest).toISOString() : null }));
}
