/**
 * Drafts of the changes that reach the public plan page (module plan): an action's status and
 * progress (and the internal comment kept for its history when published), saved without being
 * shown, previewed as the public page would read, then published together in one transaction.
 * The public views read `actions` only, so a draft never leaks; one draft per action (saving
 * again replaces it).
 */
import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { actions, actionStatus } from './schema.ts';

export const planDrafts = pgTable(
  'plan_drafts',
  {
    actionId: integer('action_id')
      .primaryKey()
      .references(() => actions.id, { onDelete: 'cascade' }),
    /** The pending status; null: unchanged. */
    status: actionStatus('status'),
    /** The pending progress; null: unchanged. */
    progress: integer('progress'),
    /** Internal, written to the history row when the draft is published. */
    comment: text('comment'),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('plan_drafts_progress_ck', sql`${t.progress} between 0 and 100`), check('plan_drafts_something_ck', sql`${t.status} is not null or ${t.progress} is not null`)],
);

export type DraftTableRow = typeof planDrafts.$inferSelect;
