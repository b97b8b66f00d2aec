/**
 * Living infrastructure and settlement conditions (생활 인프라, 정주여건): the plan's four
 * facilities and their inspections, citizens' settlement feedback, the yearly settlement survey
 * and the departments' improvement items.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgEnum, pgTable, serial, smallint, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { departments, users } from '../accounts/schema.ts';
import { actions, fundingSource } from '../plan/schema.ts';

export const FACILITY_STAGES = ['planning', 'design', 'construction', 'completion', 'opening'] as const;
export const facilityStage = pgEnum('facility_stage', FACILITY_STAGES);

/** A facility the plan builds (건립 사업): one of the four seeded ones, or one staff add later. */
export const facilities = pgTable('facilities', {
  id: serial('id').primaryKey(),
  /** Stable seed key (e.g. "community-center"), unique. */
  key: text('key').notNull().unique(),
  nameKo: text('name_ko').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionKo: text('description_ko'),
  descriptionEn: text('description_en'),
  stage: facilityStage('stage').notNull().default('planning'),
  departmentId: integer('department_id').references(() => departments.id, { onDelete: 'set null' }),
  planActionId: integer('plan_action_id').references(() => actions.id, { onDelete: 'set null' }),
  position: integer('position').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A milestone with its planned and actual dates (Asia/Seoul calendar days). */
export const facilityMilestones = pgTable(
  'facility_milestones',
  {
    id: serial('id').primaryKey(),
    facilityId: integer('facility_id')
      .notNull()
      .references(() => facilities.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    nameKo: text('name_ko').notNull(),
    nameEn: text('name_en').notNull(),
    plannedOn: date('planned_on'),
    doneOn: date('done_on'),
  },
  (t) => [index('facility_milestones_facility_idx').on(t.facilityId, t.position)],
);

/** The facility's budget by funding source, in won. */
export const facilityBudgets = pgTable(
  'facility_budgets',
  {
    id: serial('id').primaryKey(),
    facilityId: integer('facility_id')
      .notNull()
      .references(() => facilities.id, { onDelete: 'cascade' }),
    source: fundingSource('source').notNull(),
    amountWon: bigint('amount_won', { mode: 'number' }).notNull(),
  },
  (t) => [unique('facility_budgets_source_uq').on(t.facilityId, t.source), check('facility_budgets_amount_ck', sql`${t.amountWon} >= 0`)],
);

/** An inspection of the works (건립 추진상황 점검). */
export const facilityInspections = pgTable(
  'facility_inspections',
  {
    id: serial('id').primaryKey(),
    facilityId: integer('facility_id')
      .notNull()
      .references(() => facilities.id, { onDelete: 'cascade' }),
    heldOn: date('held_on').notNull(),
    findings: text('findings').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('facility_inspections_facility_idx').on(t.facilityId, t.heldOn)],
);

/** A photo taken at an inspection: a file in the file store (by SHA-256), shown on the public page. */
export const inspectionPhotos = pgTable(
  'inspection_photos',
  {
    id: serial('id').primaryKey(),
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => facilityInspections.id, { onDelete: 'cascade' }),
    fileSha256: text('file_sha256').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    caption: text('caption'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspection_photos_inspection_idx').on(t.inspectionId)],
);

/** Something an inspection asks to be done, and when it was. */
export const inspectionFollowUps = pgTable(
  'inspection_follow_ups',
  {
    id: serial('id').primaryKey(),
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => facilityInspections.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [index('inspection_follow_ups_inspection_idx').on(t.inspectionId)],
);

export const FEEDBACK_CATEGORIES = ['transport', 'housing', 'education', 'childcare', 'medical', 'culture', 'other'] as const;
export const FEEDBACK_STATUSES = ['received', 'assigned', 'answered', 'closed'] as const;
export const feedbackCategory = pgEnum('feedback_category', FEEDBACK_CATEGORIES);
export const feedbackStatus = pgEnum('feedback_status', FEEDBACK_STATUSES);

/**
 * Settlement feedback (정주여건 의견): anonymous, or with a contact (name, phone or e-mail) given
 * with consent; the contact is anonymised by the retention purge. What the public board shows is
 * the staff-approved, redacted text and answer (publicText / publicAnswer), never the raw text.
 */
export const settlementFeedback = pgTable(
  'settlement_feedback',
  {
    id: serial('id').primaryKey(),
    category: feedbackCategory('category').notNull(),
    text: text('text').notNull(),
    photoSha256: text('photo_sha256'),
    photoMimeType: text('photo_mime_type'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    consentVersion: text('consent_version'),
    /** SHA-256 of the token in the tracking link. */
    tokenHash: text('token_hash').notNull().unique(),
    status: feedbackStatus('status').notNull().default('received'),
    departmentId: integer('department_id').references(() => departments.id, { onDelete: 'set null' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    answerText: text('answer_text'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: integer('answered_by').references(() => users.id, { onDelete: 'set null' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    publicText: text('public_text'),
    publicAnswer: text('public_answer'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: integer('published_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    anonymizedAt: timestamp('anonymized_at', { withTimezone: true }),
  },
  (t) => [index('settlement_feedback_status_idx').on(t.status, t.createdAt), index('settlement_feedback_published_idx').on(t.publishedAt)],
);

/** The yearly settlement survey (정주여건 만족도 조사): respondents and a score per topic. */
export const settlementSurveys = pgTable('settlement_surveys', {
  id: serial('id').primaryKey(),
  year: integer('year').notNull().unique(),
  respondents: integer('respondents').notNull(),
  note: text('note'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A topic's result: the share satisfied, in tenths of a percent (0–1000). */
export const settlementSurveyResults = pgTable(
  'settlement_survey_results',
  {
    id: serial('id').primaryKey(),
    surveyId: integer('survey_id')
      .notNull()
      .references(() => settlementSurveys.id, { onDelete: 'cascade' }),
    topic: feedbackCategory('topic').notNull(),
    satisfiedPermille: smallint('satisfied_permille').notNull(),
  },
  (t) => [unique('settlement_survey_results_topic_uq').on(t.surveyId, t.topic), check('settlement_survey_results_range_ck', sql`${t.satisfiedPermille} between 0 and 1000`)],
);

export const IMPROVEMENT_KINDS = ['transport_route', 'commuter_bus', 'housing_support', 'other'] as const;
export const IMPROVEMENT_STATUSES = ['planned', 'in_progress', 'done', 'on_hold'] as const;
export const improvementKind = pgEnum('improvement_kind', IMPROVEMENT_KINDS);
export const improvementStatus = pgEnum('improvement_status', IMPROVEMENT_STATUSES);

/** A department's settlement improvement item (부서별 추진내용). */
export const settlementImprovements = pgTable('settlement_improvements', {
  id: serial('id').primaryKey(),
  kind: improvementKind('kind').notNull(),
  titleKo: text('title_ko').notNull(),
  titleEn: text('title_en'),
  departmentId: integer('department_id').references(() => departments.id, { onDelete: 'set null' }),
  status: improvementStatus('status').notNull().default('planned'),
  doneAt: timestamp('done_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The quarterly check of an item (분기별 점검): one per item × year × quarter. */
export const improvementChecks = pgTable(
  'improvement_checks',
  {
    id: serial('id').primaryKey(),
    improvementId: integer('improvement_id')
      .notNull()
      .references(() => settlementImprovements.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    quarter: smallint('quarter').notNull(),
    status: improvementStatus('status').notNull(),
    note: text('note'),
    checkedBy: integer('checked_by').references(() => users.id, { onDelete: 'set null' }),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('improvement_checks_quarter_uq').on(t.improvementId, t.year, t.quarter), check('improvement_checks_quarter_ck', sql`${t.quarter} between 1 and 4`)],
);
