/** Tables owned by the plan module. Money is integer won (bigint). */
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp, unique, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { departments } from '../accounts/schema.ts';
import { ACTION_STATUSES, FUNDING_SOURCES, PERIODS } from './types.ts';

export const fundingSource = pgEnum('funding_source', FUNDING_SOURCES);
export const schedulePeriod = pgEnum('schedule_period', PERIODS);
export const budgetLineKind = pgEnum('budget_line_kind', ['prior', 'year', 'after']);
export const actionStatus = pgEnum('action_status', ACTION_STATUSES);

export const plans = pgTable(
  'plans',
  {
    id: serial('id').primaryKey(),
    category: text('category').notNull(),
    number: integer('number').notNull(),
    pledge: text('pledge').notNull(),
    title: text('title').notNull(),
    /** English texts entered by staff (plan-english.ts); null where none is given: the page shows the Korean. */
    pledgeEn: text('pledge_en'),
    titleEn: text('title_en'),
    periodStart: integer('period_start').notNull(),
    periodEnd: integer('period_end').notNull(),
    totalBudgetKrw: bigint('total_budget_krw', { mode: 'number' }).notNull(),
    budgetUnit: text('budget_unit').notNull(),
    budgetYears: integer('budget_years').array().notNull(),
    effects: text('effects').array().notNull(),
    /** English of each effect by position ('' where none is given). */
    effectsEn: text('effects_en').array().notNull().default(sql`'{}'::text[]`),
    /** What the importer had to interpret, kept with the plan for staff to review. */
    importWarnings: jsonb('import_warnings').$type<string[]>().notNull(),
    /** The document the plan was imported from, kept for provenance. */
    sourceText: text('source_text'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Last change of the ledger (secured money, executions): the 기준일 of the public budget figures; null until the first. */
    ledgerUpdatedAt: timestamp('ledger_updated_at', { withTimezone: true }),
  },
  (t) => [unique('plans_category_number_uq').on(t.category, t.number), check('plans_period_ck', sql`${t.periodStart} <= ${t.periodEnd}`)],
);

export const planContents = pgTable(
  'plan_contents',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    area: text('area').notNull(),
    text: text('text').notNull(),
  },
  (t) => [index('plan_contents_plan_idx').on(t.planId, t.position)],
);

/** One planned amount: a funding source × (prior | a year within the term | after the term). */
export const budgetLines = pgTable(
  'budget_lines',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    source: fundingSource('source').notNull(),
    sourceLabel: text('source_label').notNull(),
    /** Row order of the source in the document. */
    position: integer('position').notNull(),
    kind: budgetLineKind('kind').notNull(),
    year: integer('year'),
    plannedKrw: bigint('planned_krw', { mode: 'number' }).notNull(),
    /** 확보액: money secured so far for this source and year (year lines only). */
    securedKrw: bigint('secured_krw', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    unique('budget_lines_uq').on(t.planId, t.sourceLabel, t.kind, t.year).nullsNotDistinct(),
    check('budget_lines_year_ck', sql`(${t.kind} = 'year') = (${t.year} IS NOT NULL)`),
  ],
);

export const phases = pgTable(
  'phases',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    /** "YYYY-MM" */
    startMonth: text('start_month'),
    endMonth: text('end_month'),
    notes: text('notes').array().notNull(),
  },
  (t) => [index('phases_plan_idx').on(t.planId, t.position)],
);

export const phaseItems = pgTable(
  'phase_items',
  {
    id: serial('id').primaryKey(),
    phaseId: integer('phase_id')
      .notNull()
      .references(() => phases.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id').references((): AnyPgColumn => phaseItems.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    textEn: text('text_en'),
  },
  (t) => [index('phase_items_phase_idx').on(t.phaseId, t.position)],
);

export const scheduleEntries = pgTable(
  'schedule_entries',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    year: integer('year').notNull(),
    period: schedulePeriod('period').notNull(),
  },
  (t) => [index('schedule_entries_plan_idx').on(t.planId, t.position)],
);

export const goals = pgTable(
  'goals',
  {
    id: serial('id').primaryKey(),
    entryId: integer('entry_id')
      .notNull()
      .references(() => scheduleEntries.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    textEn: text('text_en'),
  },
  (t) => [index('goals_entry_idx').on(t.entryId, t.position)],
);

export const actions = pgTable(
  'actions',
  {
    id: serial('id').primaryKey(),
    entryId: integer('entry_id')
      .notNull()
      .references(() => scheduleEntries.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    textEn: text('text_en'),
    targetCount: integer('target_count'),
    targetUnit: text('target_unit'),
    /** The department responsible; officers may update only their department's actions. */
    ownerDepartmentId: integer('owner_department_id').references(() => departments.id, { onDelete: 'set null' }),
    status: actionStatus('status').notNull().default('planned'),
    /** 0–100, entered by staff, or computed from the bound measure when measureKey is set. */
    progress: integer('progress').notNull().default(0),
    /** A measure registered by another module (e.g. academy sessions held) that drives progress. */
    measureKey: text('measure_key'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('actions_entry_idx').on(t.entryId, t.position),
    check('actions_target_ck', sql`(${t.targetCount} IS NULL) = (${t.targetUnit} IS NULL)`),
    check('actions_progress_ck', sql`${t.progress} between 0 and 100`),
  ],
);
