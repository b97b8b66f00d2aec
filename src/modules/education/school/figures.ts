/** Schools, students and classes reached per quarter and year, and the plan measure "schools visited". */
import { and, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/executor.ts';
import { registerMeasure } from '../../plan/measures.ts';
import { quarterDates, seoulDate, seoulMidnight } from '../../plan/seoul-time.ts';
import type { SchoolFigures } from '../school-api-schema.ts';
import { schoolClasses, schoolSurveys } from '../schema.ts';

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
