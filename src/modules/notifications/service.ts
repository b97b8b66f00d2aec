/**
 * The outbox: a notification is a row written in the same transaction as the event that
 * causes it, so it is never lost and never sent for a change that rolled back. A background
 * worker (worker.ts) delivers due rows with retries.
 *
 * Links to a citizen's own page (status, cancellation, survey) carry an unguessable token. The
 * stored body holds them as templates (`…/registrations/{{token}}`), the token sits in its own
 * column, and the worker renders the two together only when it sends (renderBody): once the row
 * is sent or has failed for good the token is nulled, a backup leaves it out, the retention
 * purge blanks it. So no stored body, backup or purged row keeps a live link.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { outbox } from './schema.ts';

/** Where a link's token goes in a stored body. */
export const LINK_TOKEN = '{{token}}';

export interface Notification {
  channel: 'email' | 'sms';
  /** An e-mail address or a normalised phone number. */
  recipient: string;
  subject: string;
  /** The text; links to a citizen's page written with LINK_TOKEN in place of the token. */
  body: string;
  /** What caused it, e.g. "registration.confirmed". */
  kind: string;
  meta?: Record<string, unknown>;
  /** The token the body's LINK_TOKEN places stand for. */
  linkToken?: string | null;
}

const EXPIRED_LINK = '(링크 만료 / link expired)';

/**
 * The body as it is sent: each LINK_TOKEN replaced by the token. Without the token (a restored
 * backup, a purged row) every link that needed it is replaced by a note, never sent half-made.
 */
export function renderBody(body: string, token: string | null | undefined): string {
  if (!body.includes(LINK_TOKEN)) return body;
  if (token) return body.split(LINK_TOKEN).join(encodeURIComponent(token));
  return body.replace(/\S*\{\{token\}\}\S*/g, EXPIRED_LINK);
}

export async function enqueueNotification(tx: Tx | Db, n: Notification): Promise<void> {
  await tx.insert(outbox).values({ ...n, meta: n.meta ?? null, linkToken: n.linkToken ?? null });
}

/** Whether a message of this kind about this row (meta[key] = id) was queued after `since`. */
export async function queuedSince(tx: Tx | Db, kind: string, key: 'registrationId' | 'applicationId', id: number, since: Date): Promise<boolean> {
  const rows = await tx
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.kind, kind), sql`${outbox.meta}->>${key} = ${String(id)}`, gt(outbox.createdAt, since)))
    .limit(1);
  return rows.length > 0;
}
