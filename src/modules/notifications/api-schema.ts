/** The staff view of the outbox: request and answer schemas. */
import { z } from 'zod';
import { dbId } from '../../server/api-schema.ts';
import { singleLine } from '../../server/text.ts';
import { pageSchema, PageQuery } from '../../server/paging.ts';

const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;

export const OutboxQuery = PageQuery.extend({
  status: z.enum(OUTBOX_STATUSES).optional(),
  kind: singleLine(100).optional().describe('what caused the message, e.g. registration.confirmed'),
  from: z.iso.date().optional().describe('created on or after this Seoul day'),
  to: z.iso.date().optional().describe('created on or before this Seoul day'),
});

export const OutboxMessageSchema = z
  .object({
    id: dbId(),
    channel: z.enum(['email', 'sms']),
    /** Masked as every staff list masks (src/server/mask.ts); null once purged. */
    recipient: z.string().nullable(),
    subject: z.string(),
    kind: z.string(),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    nextAttemptAt: z.string(),
    /** A link in the body needed the citizen's token, which is gone once a message failed: a retry sends "(link expired)". */
    linksExpired: z.boolean(),
    /** Whether a manager may send it again now (failed, recipient kept). */
    canRetry: z.boolean(),
  })
  .meta({ id: 'OutboxMessage' });

export const OutboxPageSchema = pageSchema(OutboxMessageSchema).extend({
  kinds: z.array(z.string()).describe('every kind in the outbox, for the filter'),
});
