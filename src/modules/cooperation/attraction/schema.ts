/**
 * Tables of institution attraction (금융기관 유치/이전), module cooperation/attraction: target
 * institutions moving through the pipeline, the date each stage was reached, and the support
 * measures offered. Confidential to city staff; the public sees counts and the names an
 * institution agreed to announce.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgEnum, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { users } from '../../accounts/schema.ts';

export const attractionInstitutionKind = pgEnum('attraction_institution_kind', ['asset_manager', 'custodian', 'securities', 'fintech', 'back_office', 'other']);

/** The pipeline in order (ATTRACTION_STAGES in stages.ts follows it). */
export const attractionStage = pgEnum('attraction_stage', ['identified', 'contacted', 'interested', 'negotiating', 'mou', 'office_opened']);

export const attractionSupportKind = pgEnum('attraction_support_kind', ['rent', 'hiring_subsidy', 'training_link', 'other']);

export const attractionTargets = pgTable(
  'attraction_targets',
  {
    id: serial('id').primaryKey(),
    nameKo: text('name_ko').notNull(),
    nameEn: text('name_en'),
    kind: attractionInstitutionKind('kind').notNull(),
    stage: attractionStage('stage').notNull().default('identified'),
    nextStep: text('next_step'),
    nextStepDue: date('next_step_due'),
    /** The staff member who owns the next step. */
    ownerId: integer('owner_id').references(() => users.id, { onDelete: 'set null' }),
    /** The institution agreed that its name may be announced (public page). */
    announce: boolean('announce').notNull().default(false),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attraction_targets_stage_idx').on(t.stage)],
);

/** The date a target reached a stage; stages passed over in one move share its date. */
export const attractionStageDates = pgTable(
  'attraction_stage_dates',
  {
    id: serial('id').primaryKey(),
    targetId: integer('target_id')
      .notNull()
      .references(() => attractionTargets.id, { onDelete: 'cascade' }),
    stage: attractionStage('stage').notNull(),
    reachedOn: date('reached_on').notNull(),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('attraction_stage_dates_uq').on(t.targetId, t.stage), index('attraction_stage_dates_reached_idx').on(t.stage, t.reachedOn)],
);

/** A support measure offered to a target (rent, hiring subsidy, training link …), amount in won. */
export const attractionSupport = pgTable(
  'attraction_support',
  {
    id: serial('id').primaryKey(),
    targetId: integer('target_id')
      .notNull()
      .references(() => attractionTargets.id, { onDelete: 'cascade' }),
    kind: attractionSupportKind('kind').notNull(),
    amountWon: bigint('amount_won', { mode: 'number' }),
    note: text('note'),
    offeredOn: date('offered_on').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attraction_support_target_idx').on(t.targetId, t.id), check('attraction_support_amount_ck', sql`${t.amountWon} IS NULL OR ${t.amountWon} >= 0`)],
);
