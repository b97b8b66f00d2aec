/** The notification outbox: written in the same transaction as the event, sent by a worker. */
import { index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

export const notificationChannel = pgEnum('notification_channel', ['email', 'sms']);
export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'failed']);

export const outbox = pgTable(
  'outbox',
  {
    id: serial('id').primaryKey(),
    channel: notificationChannel('channel').notNull(),
    /** An e-mail address or a normalised phone number; blanked when the message's personal data is purged. */
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    /**
     * The message text; a link to a citizen's own page is stored as a template whose token is
     * {{token}} (notifications/service.ts LINK_TOKEN), never with the token itself.
     */
    body: text('body').notNull(),
    /**
     * The token the body's links carry, rendered in at send time: nulled once the message is sent
     * or has failed for good, blanked by the retention purge, and left out of backups, so no
     * stored message holds a live link for longer than it waits to be delivered.
     */
    linkToken: text('link_token'),
    /** What caused it (e.g. "registration.confirmed"), for figures and tests. */
    kind: text('kind').notNull(),
    meta: jsonb('meta'),
    status: outboxStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt)],
);
