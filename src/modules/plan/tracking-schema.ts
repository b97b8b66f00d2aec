/**
 * Tables for running the plan quarter by quarter (module plan): the history of every status or
 * progress change, evidence, budget executions, and the frozen quarterly report snapshots.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { actions, actionStatus, plans } from './schema.ts';

/** Every change of an action's status or progress, with who, when and an internal comment. */
export const actionUpdates = pgTable(
  'action_updates',
  {
    id: serial('id').primaryKey(),
    actionId: integer('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    statusBefore: actionStatus('status_before').notNull(),
    statusAfter: actionStatus('status_after').notNull(),
    progressBefore: integer('progress_before').notNull(),
    progressAfter: integer('progress_after').notNull(),
    /** Internal: never shown on public pages. */
    comment: text('comment'),
  },
  (t) => [index('action_updates_action_idx').on(t.actionId, t.at)],
);

/**
 * 공개 설명: what staff tell the public about an action (why it is late, what was done), in Korean
 * and optionally English. Separate from the internal comments of action_updates; one per action.
 */
export const actionExplanations = pgTable('action_explanations', {
  actionId: integer('action_id')
    .primaryKey()
    .references(() => actions.id, { onDelete: 'cascade' }),
  ko: text('ko').notNull(),
  en: text('en'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
});

export const evidenceKind = pgEnum('evidence_kind', ['file', 'link']);

/** A file (stored by content hash under FINHUB_DATA_DIR/files) or a link attached to an action. */
export const evidence = pgTable(
  'evidence',
  {
    id: serial('id').primaryKey(),
    actionId: integer('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    kind: evidenceKind('kind').notNull(),
    title: text('title').notNull(),
    url: text('url'),
    fileSha256: text('file_sha256'),
    fileName: text('file_name'),
    mimeType: text('mime_type'),
    sizeBytes: integer('size_bytes'),
    /** Unpublished evidence never reaches the public. */
    published: boolean('published').notNull().default(false),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('evidence_action_idx').on(t.actionId),
    check('evidence_kind_ck', sql`(${t.kind} = 'link') = (${t.url} IS NOT NULL) and (${t.kind} = 'file') = (${t.fileSha256} IS NOT NULL)`),
  ],
);

/** 집행: money executed against the plan, by funding source and year. */
export const budgetExecutions = pgTable(
  'budget_executions',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    sourceLabel: text('source_label').notNull(),
    year: integer('year').notNull(),
    executedOn: date('executed_on').notNull(),
    amountKrw: bigint('amount_krw', { mode: 'number' }).notNull(),
    description: text('description').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('budget_executions_plan_idx').on(t.planId, t.year), check('budget_executions_amount_ck', sql`${t.amountKrw} > 0`)],
);

/** A reported quarter, frozen: written once, never rewritten. */
export const quarterReports = pgTable(
  'quarter_reports',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
    reportedBy: integer('reported_by').references(() => users.id, { onDelete: 'set null' }),
    snapshot: jsonb('snapshot').notNull(),
  },
  (t) => [unique('quarter_reports_uq').on(t.planId, t.year, t.quarter), check('quarter_reports_quarter_ck', sql`${t.quarter} between 1 and 4`)],
);
