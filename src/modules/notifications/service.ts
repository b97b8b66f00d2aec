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
 *
 * Nothing outside this module writes the outbox: code calls enqueueNotification, the one SQL
 * statement that must queue its message itself (the registration seat statement) takes the
 * insert from outboxInsertSql, and the retention purge blanks messages through blankMessagesOf.
 */
import { and, eq, gt, inArray, ne, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Executor } from '../../db/executor.ts';
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

export async function enqueueNotification(tx: Executor, n: Notification): Promise<void> {
  await tx.insert(outbox).values({ ...n, meta: n.meta ?? null, linkToken: n.linkToken ?? null });
}

/** A notification as the row outboxInsertSql reads (the outbox's column names). */
export const outboxRecord = (n: Notification) => ({
  channel: n.channel,
  recipient: n.recipient,
  subject: n.subject,
  body: n.body,
  kind: n.kind,
  meta: n.meta ?? {},
  link_token: n.linkToken ?? null,
});

/** The columns of an outboxRecord, for `jsonb_to_recordset(…) as m(${OUTBOX_RECORD_COLUMNS})`. */
export const OUTBOX_RECORD_COLUMNS = sql.raw('channel text, recipient text, subject text, body text, kind text, meta jsonb, link_token text');

/**
 * enqueueNotification as SQL, for a statement that queues its messages itself (registration/engine/seat.ts:
 * one statement, so the pool lock never waits on Node): `insert into outbox … select … from
 * <from>`, one message per row of `from`, in which `m` is an outboxRecord (OUTBOX_RECORD_COLUMNS);
 * `extraMeta` (jsonb) is merged into each message's meta.
 */
export function outboxInsertSql(from: SQL, extraMeta: SQL): SQL {
  return sql`insert into ${outbox} (channel, recipient, subject, body, kind, meta, link_token)
      select m.channel::notification_channel, m.recipient, m.subject, m.body, m.kind, m.meta || ${extraMeta}, m.link_token
      from ${from}`;
}

/**
 * The retention purge's part (privacy/purge.ts): every message about an anonymised record
 * (meta.registrationId / meta.applicationId / meta.trainingApplicationId / meta.feedbackId among the ids the subqueries give, as text) loses
 * its recipient, body and link token; one still pending becomes failed. Messages blanked before
 * are left alone. Returns the ids blanked now.
 */
export async function blankMessagesOf(
  tx: Executor,
  about: { registrationIds: SQLWrapper; applicationIds: SQLWrapper; trainingApplicationIds: SQLWrapper; feedbackIds: SQLWrapper },
  erased: string,
): Promise<number[]> {
  const blanked = await tx
    .update(outbox)
    .set({
      recipient: '',
      body: erased,
      linkToken: null,
      status: sql`case when ${outbox.status} = 'pending' then 'failed'::outbox_status else ${outbox.status} end`,
      lastError: sql`case when ${outbox.status} = 'pending' then 'personal data purged before delivery' else ${outbox.lastError} end`,
    })
    .where(
      and(
        ne(outbox.recipient, ''),
        or(
          inArray(sql`${outbox.meta}->>'registrationId'`, about.registrationIds),
          inArray(sql`${outbox.meta}->>'applicationId'`, about.applicationIds),
          inArray(sql`${outbox.meta}->>'trainingApplicationId'`, about.trainingApplicationIds),
          inArray(sql`${outbox.meta}->>'feedbackId'`, about.feedbackIds),
        ),
      ),
    )
    .returning({ id: outbox.id });
  return blanked.map((b) => b.id);
}

/** Whether a message of this kind about this row (meta[key] = id) was queued after `since`. */
export async function queuedSince(tx: Executor, kind: string, key: 'registrationId' | 'applicationId' | 'trainingApplicationId', id: number, since: Date): Promise<boolean> {
  const rows = await tx
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.kind, kind), sql`${outbox.meta}->>${key} = ${String(id)}`, gt(outbox.createdAt, since)))
    .limit(1);
  return rows.length > 0;
}

/** Whether a message of this kind to this recipient was queued after `since` (for per-recipient limits). */
export async function queuedToSince(tx: Executor, kind: string, recipient: string, since: Date): Promise<boolean> {
  const rows = await tx
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.kind, kind), eq(outbox.recipient, recipient), gt(outbox.createdAt, since)))
    .limit(1);
  return rows.length > 0;
}
