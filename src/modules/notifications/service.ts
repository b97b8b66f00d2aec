/**
 * The outbox: a notification is a row written in the same transaction as the event that
 * causes it, so it is never lost and never sent for a change that rolled back. A background
 * worker (worker.ts) delivers due rows with retries.
 */
import type { Db, Tx } from '../../db/client.ts';
import { outbox } from './schema.ts';

export interface Notification {
  channel: 'email' | 'sms';
  /** An e-mail address or a normalised phone number. */
  recipient: string;
  subject: string;
  body: string;
  /** What caused it, e.g. "registration.confirmed". */
  kind: string;
  meta?: Record<string, unknown>;
}

export async function enqueueNotification(tx: Tx | Db, n: Notification): Promise<void> {
  await tx.insert(outbox).values({ ...n, meta: n.meta ?? null });
}
