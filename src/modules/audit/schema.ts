/** The audit trail: one row per mutation, written in the same transaction as the change. */
import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Null for the system or the command line; the e-mail is kept as written then. */
    actorId: integer('actor_id'),
    actorEmail: text('actor_email'),
    /** e.g. "action.update", "user.create", "plan.import" */
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    /**
     * The record's title when the change was made ("제4회 지니포럼 개최"), so the trail reads in
     * words and a search for Korean words finds it (ILIKE, on PGlite and PostgreSQL alike).
     * Never a citizen's name or contact.
     */
    subject: text('subject'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_entity_idx').on(t.entity, t.entityId), index('audit_log_actor_idx').on(t.actorId, t.at)],
);
