/**
 * The visiting financial school (찾아가는 금융학교): a yearly demand survey (수요조사) with a
 * window and a target, public applications with a status link, staff decisions up to the
 * target, scheduled classes and their recorded results, and figures per quarter and year.
 * Each write is one transaction with its audit row; schools are told through the outbox in the
 * same transaction (e-mail when a teacher gave one, else SMS to the teacher's phone).
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/executor.ts';
import { AppError, notFound, type ErrorCode } from '../../../server/errors.ts';
import { enqueueNotification } from '../../notifications/service.ts';
import { schoolApplications, schoolSurveys } from '../schema.ts';

type ApplicationRow = typeof schoolApplications.$inferSelect;

/** Statuses that count against the year's target. */
export const CHOSEN = ['selected', 'scheduled', 'completed'] as const;

export const conflict = (code: ErrorCode, ko: string, en: string) => new AppError(code, { ko, en });

/** Queues a message to the school's contact teacher: e-mail when given, else SMS. */
export async function tellSchool(
  tx: Executor,
  a: Pick<ApplicationRow, 'id' | 'teacherEmail' | 'teacherPhone' | 'anonymizedAt'>,
  kind: string,
  subject: string,
  body: string,
  linkToken: string | null = null,
) {
  if (a.anonymizedAt) return;
  const channel = a.teacherEmail ? 'email' : 'sms';
  const recipient = a.teacherEmail ?? a.teacherPhone;
  if (!recipient) return;
  await enqueueNotification(tx, { channel, recipient, subject, body, kind, meta: { applicationId: a.id }, linkToken });
}

export async function requireSurvey(db: Executor, id: number, lock = false) {
  const q = db.select().from(schoolSurveys).where(eq(schoolSurveys.id, id));
  const [s] = lock ? await q.for('update') : await q;
  if (!s) throw notFound({ ko: `수요조사 ${id}`, en: `Survey ${id}` });
  return s;
}

export async function requireApplication(db: Executor, id: number, lock = false) {
  const q = db.select().from(schoolApplications).where(eq(schoolApplications.id, id));
  const [a] = lock ? await q.for('update') : await q;
  if (!a) throw notFound({ ko: `신청 ${id}`, en: `Application ${id}` });
  return a;
}
