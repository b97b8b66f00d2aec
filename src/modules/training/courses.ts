/** Courses (with their completion rule) and cohorts: staff create them, anyone reads the cohorts. */
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { isUniqueViolation } from '../../server/db-errors.ts';
import { AppError, invalidField } from '../../server/errors.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import type { CohortBody, CourseBody } from './api-schema.ts';
import { cohortWithCourse, requireCourse } from './common.ts';
import { cohortView, courseView } from './presenters.ts';
import { trainingApplications, trainingCohorts, trainingCourses } from './schema.ts';

export async function createCourse(db: Executor, actor: Actor, body: z.infer<typeof CourseBody>) {
  return inTransaction(db, async (tx) => {
    const [c] = await tx
      .insert(trainingCourses)
      .values({
        track: body.track,
        titleKo: body.title.ko,
        titleEn: body.title.en,
        descriptionKo: body.description?.ko ?? null,
        descriptionEn: body.description?.en ?? null,
        hours: body.hours,
        minAttendancePct: body.minAttendancePct,
        minScore: body.minScore,
      })
      .returning();
    await recordAudit(tx, actor, { action: 'training.course.create', entity: 'training_course', entityId: c!.id, after: c });
    return courseView(c!);
  });
}

export async function listCourses(db: Executor) {
  return (await db.select().from(trainingCourses).orderBy(asc(trainingCourses.track), asc(trainingCourses.id))).map(courseView);
}

export async function createCohort(db: Executor, actor: Actor, body: z.infer<typeof CohortBody>, now = new Date()) {
  if (body.endsOn < body.startsOn) throw invalidField('endsOn', '종료일이 시작일보다 빠릅니다.', 'The end date is before the start date.');
  if (Date.parse(body.applyClosesAt) <= Date.parse(body.applyOpensAt))
    throw invalidField('applyClosesAt', '접수 마감이 접수 시작보다 빠릅니다.', 'Applications close before they open.');
  try {
    return await inTransaction(db, async (tx) => {
      const course = await requireCourse(tx, body.courseId);
      const [c] = await tx
        .insert(trainingCohorts)
        .values({
          courseId: course.id,
          name: body.name,
          startsOn: body.startsOn,
          endsOn: body.endsOn,
          capacity: body.capacity,
          applyOpensAt: new Date(body.applyOpensAt),
          applyClosesAt: new Date(body.applyClosesAt),
          criteriaKo: body.criteria.ko,
          criteriaEn: body.criteria.en,
          documentsKo: body.documents.ko,
          documentsEn: body.documents.en,
          ...(body.retentionDays ? { retentionDays: body.retentionDays } : {}),
        })
        .returning();
      await recordAudit(tx, actor, { action: 'training.cohort.create', entity: 'training_cohort', entityId: c!.id, after: c });
      return cohortView(c!, course, now);
    });
  } catch (e) {
    if (isUniqueViolation(e, 'training_cohorts_name_uq')) {
      throw new AppError('VALIDATION_FAILED', { ko: '이 과정에 같은 이름의 기수가 있습니다.', en: 'The course already has a cohort of this name.' }, [
        { field: 'name', message: { ko: '이미 있는 기수 이름입니다.', en: 'This cohort name is taken.' } },
      ]);
    }
    throw e;
  }
}

/** Every cohort, newest first, as the public sees it. */
export async function listCohorts(db: Executor, now = new Date()) {
  const rows = await db
    .select({ cohort: trainingCohorts, course: trainingCourses })
    .from(trainingCohorts)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCohorts.courseId))
    .orderBy(desc(trainingCohorts.startsOn), desc(trainingCohorts.id))
    .limit(200);
  return rows.map((r) => cohortView(r.cohort, r.course, now));
}

export async function getCohort(db: Executor, id: number, now = new Date()) {
  const { cohort, course } = await cohortWithCourse(db, id);
  return cohortView(cohort, course, now);
}

/** Applications per status of a cohort. */
export async function statusCounts(db: Executor, cohortId: number) {
  const rows = await db
    .select({ status: trainingApplications.status, n: sql<number>`count(*)::int` })
    .from(trainingApplications)
    .where(eq(trainingApplications.cohortId, cohortId))
    .groupBy(trainingApplications.status);
  const counts = { submitted: 0, selected: 0, waitlisted: 0, rejected: 0, withdrawn: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}
