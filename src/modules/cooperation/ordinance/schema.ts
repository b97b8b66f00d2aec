/**
 * Tables of the ordinance (조례) lifecycle, module cooperation/ordinance: the ordinance, its
 * rounds (round 1 enacts it, later rounds amend it), the date each stage was reached, opinions
 * received during the legislative notice (입법예고) with their answers, and documents per stage.
 * Opinions keep no personal data of who sent them: only a kind (citizen, organisation …).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgEnum, pgTable, serial, smallint, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { users } from '../../accounts/schema.ts';
import { planContents, plans } from '../../plan/schema.ts';

/** The stages in order (see ORDINANCE_STAGES in stages.ts, which this enum follows). */
export const ordinanceStage = pgEnum('ordinance_stage', [
  'drafting',
  'legislative_notice',
  'regulation_review',
  'council_submission',
  'committee',
  'plenary',
  'promulgation',
  'in_force',
]);

export const ordinanceOpinionSource = pgEnum('ordinance_opinion_source', ['citizen', 'organisation', 'public_body', 'other']);

export const ordinances = pgTable(
  'ordinances',
  {
    id: serial('id').primaryKey(),
    titleKo: text('title_ko').notNull(),
    titleEn: text('title_en'),
    /** The plan line (사업내용) the ordinance fulfils, when the plan is loaded. */
    planId: integer('plan_id').references(() => plans.id, { onDelete: 'set null' }),
    planContentId: integer('plan_content_id').references(() => planContents.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('ordinances_title_uq').on(t.titleKo)],
);

/** One pass through the stages: round 1 enacts (제정), later rounds amend (개정). */
export const ordinanceRounds = pgTable(
  'ordinance_rounds',
  {
    id: serial('id').primaryKey(),
    ordinanceId: integer('ordinance_id')
      .notNull()
      .references(() => ordinances.id, { onDelete: 'cascade' }),
    round: smallint('round').notNull(),
    /** What an amendment changes (null for the enactment). */
    summaryKo: text('summary_ko'),
    summaryEn: text('summary_en'),
    stage: ordinanceStage('stage').notNull().default('drafting'),
    noticeStartsOn: date('notice_starts_on'),
    noticeEndsOn: date('notice_ends_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('ordinance_rounds_round_uq').on(t.ordinanceId, t.round),
    check('ordinance_rounds_round_ck', sql`${t.round} >= 1`),
    check(
      'ordinance_rounds_notice_ck',
      sql`(${t.noticeStartsOn} IS NULL) = (${t.noticeEndsOn} IS NULL) AND (${t.noticeEndsOn} IS NULL OR ${t.noticeEndsOn} >= ${t.noticeStartsOn})`,
    ),
  ],
);

/** The date a round reached a stage (drafting too: the day drafting began). */
export const ordinanceStageDates = pgTable(
  'ordinance_stage_dates',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => ordinanceRounds.id, { onDelete: 'cascade' }),
    stage: ordinanceStage('stage').notNull(),
    reachedOn: date('reached_on').notNull(),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('ordinance_stage_dates_uq').on(t.roundId, t.stage)],
);

/** An opinion received during the legislative notice, and the city's answer. */
export const ordinanceOpinions = pgTable(
  'ordinance_opinions',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => ordinanceRounds.id, { onDelete: 'cascade' }),
    source: ordinanceOpinionSource('source').notNull(),
    receivedOn: date('received_on').notNull(),
    summary: text('summary').notNull(),
    answer: text('answer'),
    /** Whether the answer took the opinion up (반영), in part or not (미반영). */
    accepted: boolean('accepted'),
    answeredOn: date('answered_on'),
    answeredBy: integer('answered_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ordinance_opinions_round_idx').on(t.roundId, t.id), check('ordinance_opinions_answer_ck', sql`(${t.answer} IS NULL) = (${t.answeredOn} IS NULL)`)],
);

/** A document of a stage (the draft, the notice, the council's decision, the gazette …), stored by content hash. */
export const ordinanceDocuments = pgTable(
  'ordinance_documents',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => ordinanceRounds.id, { onDelete: 'cascade' }),
    stage: ordinanceStage('stage').notNull(),
    title: text('title').notNull(),
    fileSha256: text('file_sha256').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    published: boolean('published').notNull().default(false),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ordinance_documents_round_idx').on(t.roundId, t.id), index('ordinance_documents_sha_idx').on(t.fileSha256)],
);
