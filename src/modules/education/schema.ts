/** The financial academy (전주시 금융아카데미) and the visiting financial school (찾아가는 금융학교). */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgEnum, pgTable, serial, smallint, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';
import { capacityPools, registrations } from '../registration/schema.ts';

/** A year's academy programme ("'23년 전주시 금융아카데미 계획"). */
/** Days a school application's contact is kept after its survey year ends (three years, as the consent notice says); the privacy policy reads it too. */
export const SCHOOL_RETENTION_DAYS = 365 * 3;

export const academyProgrammes = pgTable('academy_programmes', {
  id: serial('id').primaryKey(),
  year: integer('year').notNull().unique(),
  titleKo: text('title_ko').notNull(),
  titleEn: text('title_en'),
  descriptionKo: text('description_ko'),
  descriptionEn: text('description_en'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const academySessions = pgTable(
  'academy_sessions',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id').references(() => academyProgrammes.id, { onDelete: 'set null' }),
    poolId: integer('pool_id')
      .notNull()
      .unique()
      .references(() => capacityPools.id),
    titleKo: text('title_ko').notNull(),
    titleEn: text('title_en'),
    descriptionKo: text('description_ko'),
    descriptionEn: text('description_en'),
    lecturer: text('lecturer'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    venue: text('venue').notNull(),
    onlineUrl: text('online_url'),
    /** The recording (유튜브), published after the session. */
    videoUrl: text('video_url'),
    surveySentAt: timestamp('survey_sent_at', { withTimezone: true }),
    /** iCalendar SEQUENCE: raised when the time, venue or status changes (src/server/calendar.ts). */
    sequence: integer('sequence').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('academy_sessions_starts_idx').on(t.startsAt), check('academy_sessions_time_ck', sql`${t.startsAt} < ${t.endsAt}`)],
);

/** Satisfaction survey answers, one per registration. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: serial('id').primaryKey(),
    registrationId: integer('registration_id')
      .notNull()
      .unique()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    rating: smallint('rating').notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('survey_responses_rating_ck', sql`${t.rating} between 1 and 5`)],
);

/** A year's demand survey (수요조사) for the visiting financial school. */
export const schoolSurveys = pgTable('school_surveys', {
  id: serial('id').primaryKey(),
  year: integer('year').notNull().unique(),
  opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
  closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
  /** How many schools the year's plan targets ("실시(3개교)"). */
  targetSchools: integer('target_schools').notNull(),
  retentionDays: integer('retention_days').notNull().default(SCHOOL_RETENTION_DAYS),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const schoolLevel = pgEnum('school_level', ['elementary', 'middle', 'high', 'special', 'other']);
export const applicationStatus = pgEnum('application_status', ['submitted', 'selected', 'rejected', 'scheduled', 'completed', 'withdrawn']);

export const schoolApplications = pgTable(
  'school_applications',
  {
    id: serial('id').primaryKey(),
    surveyId: integer('survey_id')
      .notNull()
      .references(() => schoolSurveys.id, { onDelete: 'cascade' }),
    schoolName: text('school_name').notNull(),
    level: schoolLevel('level').notNull(),
    teacherName: text('teacher_name').notNull(),
    teacherPhone: text('teacher_phone'),
    teacherEmail: text('teacher_email'),
    grade: text('grade').notNull(),
    students: integer('students').notNull(),
    preferredDates: date('preferred_dates').array().notNull(),
    topics: text('topics').notNull(),
    status: applicationStatus('status').notNull().default('submitted'),
    decisionReason: text('decision_reason'),
    decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    consentVersion: text('consent_version').notNull(),
    /** SHA-256 of the token in the school's status link. */
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    anonymizedAt: timestamp('anonymized_at', { withTimezone: true }),
  },
  (t) => [
    index('school_applications_survey_idx').on(t.surveyId, t.status),
    unique('school_applications_school_uq').on(t.surveyId, t.schoolName),
    check('school_applications_students_ck', sql`${t.students} > 0`),
  ],
);

/** A scheduled class at a selected school, and its recorded result. */
export const schoolClasses = pgTable(
  'school_classes',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => schoolApplications.id, { onDelete: 'cascade' }),
    heldOn: date('held_on').notNull(),
    lecturer: text('lecturer').notNull(),
    classes: integer('classes').notNull(),
    /** Recorded after the visit; null until then. */
    studentsReached: integer('students_reached'),
    notes: text('notes'),
    evidenceUrl: text('evidence_url'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('school_classes_application_idx').on(t.applicationId), check('school_classes_classes_ck', sql`${t.classes} > 0`)],
);
