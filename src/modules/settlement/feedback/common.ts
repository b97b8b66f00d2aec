/**
 * Settlement feedback (정주여건 의견 수렴): shared pieces of its use cases — loading a row, the
 * department's name, telling the person who wrote it (through the outbox, when they left a
 * contact), and the tracking link.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/executor.ts';
import { notFound } from '../../../server/errors.ts';
import { departments } from '../../accounts/schema.ts';
import { enqueueNotification, LINK_TOKEN } from '../../notifications/service.ts';
import { settlementFeedback } from '../schema.ts';

export type FeedbackRow = typeof settlementFeedback.$inferSelect;

export interface FeedbackContext {
  /** The address citizens reach the site at, for the tracking link. */
  publicUrl: string;
}

/** The tracking page of a token (LINK_TOKEN stays a template for stored messages). */
export const trackingUrlFor = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/$/, '')}/settlement/feedback/track/${token === LINK_TOKEN ? token : encodeURIComponent(token)}`;

export async function requireFeedback(db: Executor, id: number, lock = false): Promise<FeedbackRow> {
  const q = db.select().from(settlementFeedback).where(eq(settlementFeedback.id, id));
  const [r] = lock ? await q.for('update') : await q;
  if (!r) throw notFound({ ko: `의견 ${id}`, en: `Feedback ${id}` });
  return r;
}

export async function departmentOf(db: Executor, id: number | null): Promise<{ id: number; name: string } | null> {
  if (id === null) return null;
  const [d] = await db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.id, id));
  return d ?? null;
}

/** Queues a message to whoever wrote the feedback: e-mail when given, else SMS; nothing when anonymous or purged. */
export async function tellWriter(tx: Executor, r: FeedbackRow, kind: string, subject: string, body: string, linkToken: string | null = null): Promise<boolean> {
  if (r.anonymizedAt) return false;
  const recipient = r.contactEmail ?? r.contactPhone;
  if (!recipient) return false;
  await enqueueNotification(tx, { channel: r.contactEmail ? 'email' : 'sms', recipient, subject, body, kind, meta: { feedbackId: r.id }, linkToken });
  return true;
}
