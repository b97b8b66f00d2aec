/**
 * Shared pieces of the training module: row lookups (optionally locked), the bilingual conflict,
 * and messages to a trainee through the outbox (e-mail when given, else SMS; meta carries
 * trainingApplicationId so the retention purge finds them).
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/executor.ts';
import { AppError, notFound, type ErrorCode } from '../../server/errors.ts';
import { enqueueNotification } from '../notifications/service.ts';
import { trainingApplications, trainingCohorts, trainingCourses, trainingSessions } from './schema.ts';

export type CourseRow = typeof trainingCourses.$inferSelect;
export type CohortRow = typeof trainingCohorts.$inferSelect;
export type ApplicationRow = typeof trainingApplications.$inferSelect;
export type SessionRow = typeof trainingSessions.$inferSelect;

export const conflict = (code: ErrorCode, ko: string, en: string) => new AppError(code, { ko, en });

export interface TrainingContext {
  /** The address citizens reach the site at, for status and verification links. */
  publicUrl: string;
}

export const siteUrl = (ctx: TrainingContext, path: string) => `${ctx.publicUrl.replace(/\/$/, '')}${path}`;

/** Queues a message to a trainee: e-mail when given, else SMS; nothing once their data is purged. */
export async function tellTrainee(
  tx: Executor,
  a: Pick<ApplicationRow, 'id' | 'email' | 'phone' | 'anonymizedAt'>,
  kind: string,
  subject: string,
  body: string,
  linkToken: string | null = null,
) {
  if (a.anonymizedAt) return;
  const recipient = a.email ?? a.phone;
  if (!recipient) return;
  await enqueueNotification(tx, { channel: a.email ? 'email' : 'sms', recipient, subject, body, kind, meta: { trainingApplicationId: a.id }, linkToken });
}

export async function requireCourse(db: Executor, id: number) {
  const [c] = await db.select().from(trainingCourses).where(eq(trainingCourses.id, id));
  if (!c) throw notFound({ ko: `과정 ${id}`, en: `Course ${id}` });
  return c;
}

export async function requireCohort(db: Executor, id: number, lock = false) {
  const q = db.select().from(trainingCohorts).where(eq(trainingCohorts.id, id));
  const [c] = lock ? await q.for('update') : await q;
  if (!c) throw notFound({ ko: `기수 ${id}`, en: `Cohort ${id}` });
  return c;
}

export async function requireApplication(db: Executor, id: number, lock = false) {
  const q = db.select().from(trainingApplications).where(eq(trainingApplications.id, id));
  const [a] = lock ? await q.for('update') : await q;
  if (!a) throw notFound({ ko: `지원서 ${id}`, en: `Application ${id}` });
  return a;
}

export async function requireSession(db: Executor, id: number) {
  const [s] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, id));
  if (!s) throw notFound({ ko: `교육 회차 ${id}`, en: `Session ${id}` });
  return s;
}

/** The cohort with its course. */
export async function cohortWithCourse(db: Executor, id: number, lock = false) {
  const cohort = await requireCohort(db, id, lock);
  return { cohort, course: await requireCourse(db, cohort.courseId) };
}
