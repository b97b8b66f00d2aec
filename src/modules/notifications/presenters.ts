/** Outbox rows as staff see them: recipients masked by the platform's one rule, no body, no token. */
import { maskEmail, maskPhone } from '../../server/mask.ts';
import type { outbox } from './schema.ts';
import { LINK_TOKEN } from './service.ts';

type OutboxRow = typeof outbox.$inferSelect;

const maskRecipient = (r: Pick<OutboxRow, 'channel' | 'recipient'>) => (r.recipient === '' ? null : r.channel === 'email' ? maskEmail(r.recipient) : maskPhone(r.recipient));

/** A failed message may be sent again while it still has someone to go to. */
const canRetry = (r: Pick<OutboxRow, 'status' | 'recipient'>) => r.status === 'failed' && r.recipient !== '';

export const outboxView = (r: OutboxRow) => ({
  id: r.id,
  channel: r.channel,
  recipient: maskRecipient(r),
  subject: r.subject,
  kind: r.kind,
  status: r.status,
  attempts: r.attempts,
  lastError: r.lastError,
  createdAt: r.createdAt.toISOString(),
  sentAt: r.sentAt?.toISOString() ?? null,
  nextAttemptAt: r.nextAttemptAt.toISOString(),
  linksExpired: r.linkToken === null && r.body.includes(LINK_TOKEN),
  canRetry: canRetry(r),
});
