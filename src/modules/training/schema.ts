/**
 * Professional training and job linkage (금융전문인력 양성, 일자리 연계): courses in tracks with a
 * completion rule, cohorts with a public application form, sessions with attendance, assessment
 * scores, the course evaluation (교육평가), certificates anyone can verify, and the job linkage
 * that follows graduates (employers, postings, referrals, placements, six-month follow-up).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgEnum, pgTable, serial, smallint, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema.ts';

/** Days an application's personal data is kept after its cohort ends (three years, as the consent notice says); the privacy policy reads it too. */
export const TRAINING_RETENTION_DAYS = 365 * 3;

export const trainingTrack = pgEnum('training_track', ['asset_management', 'pension_fund', 'fintech', 'back_office', 'other']);

/** A course, with its completion rule: a minimum share of sessions attended and a minimum post-assessment score. */
export const trainingCourses = pgTable(
  'training_courses',
  {
    id: serial('id').primaryKey(),
    track: trainingTrack('track').notNull(),
    titleKo: text('title_ko').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionKo: text('description_ko'),
    descriptionEn: text('description_en'),
    hours: integer('hours').notNull(),
    /** Minimum share of the cohort's sessions attended, in percent (0–100). */
    minAttendancePct: smallint('min_attendance_pct').notNull(),
    /** Minimum post-assessment score (0–100). */
    minScore: smallint('min_score').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('training_courses_attendance_ck', sql`${t.minAttendancePct} between 0 and 100`),
    check('training_courses_score_ck', sql`${t.minScore} between 0 and 100`),
    check('training_courses_hours_ck', sql`${t.hours} > 0`),
  ],
);

/** One run of a course ("2026년 1기"): dates (Asia/Seoul), capacity, application window and form texts. */
export const trainingCohorts = pgTable(
  'training_cohorts',
  {
    id: serial('id').primaryKey(),
    courseId: integer('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    capacity: integer('capacity').notNull(),
    applyOpensAt: timestamp('apply_opens_at', { withTimezone: true }).notNull(),
    applyClosesAt: timestamp('apply_closes_at', { withTimezone: true }).notNull(),
    criteriaKo: text('criteria_ko').notNull(),
    criteriaEn: text('criteria_en').notNull(),
    /** The documents an applicant is asked for (one per line). */
    documentsKo: text('documents_ko').notNull(),
    documentsEn: text('documents_en').notNull(),
    /** Days after the cohort's end that applicants' personal data is kept. */
    retentionDays: integer('retention_days').notNull().default(TRAINING_RETENTION_DAYS),
    evaluationSentAt: timestamp('evaluation_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('training_cohorts_name_uq').on(t.courseId, t.name),
    check('training_cohorts_dates_ck', sql`${t.startsOn} <= ${t.endsOn}`),
    check('training_cohorts_window_ck', sql`${t.applyOpensAt} < ${t.applyClosesAt}`),
    check('training_cohorts_capacity_ck', sql`${t.capacity} > 0`),
  ],
);

export const trainingApplicationStatus = pgEnum('training_application_status', ['submitted', 'selected', 'waitlisted', 'rejected', 'withdrawn']);

export const trainingApplications = pgTable(
  'training_applications',
  {
    id: serial('id').primaryKey(),
    cohortId: integer('cohort_id')
      .notNull()
      .references(() => trainingCohorts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Normalised; null once purged. */
    phone: text('phone'),
    email: text('email'),
    /** Why the applicant applies, and their background (free text). */
    statement: text('statement'),
    /** The documents the applicant says they attach or will bring. */
    documents: text('documents').array().notNull().default(sql`'{}'::text[]`),
    status: trainingApplicationStatus('status').notNull().default('submitted'),
    decisionReason: text('decision_reason'),
    decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Consent to be referred to employers after completing (optional, separate from the form's consent). */
    referralConsentAt: timestamp('referral_consent_at', { withTimezone: true }),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    consentVersion: text('consent_version').notNull(),
    /** SHA-256 of the token in the trainee's status link. */
    tokenHash: text('token_hash').notNull().unique(),
    preScore: smallint('pre_score'),
    postScore: smallint('post_score'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    anonymizedAt: timestamp('anonymized_at', { withTimezone: true }),
  },
  (t) => [
    index('training_applications_cohort_idx').on(t.cohortId, t.status),
    unique('training_applications_phone_uq').on(t.cohortId, t.phone),
    check('training_applications_pre_ck', sql`${t.preScore} between 0 and 100`),
    check('training_applications_post_ck', sql`${t.postScore} between 0 and 100`),
  ],
);

/** A class meeting of a cohort, with the secret its room display's rotating check-in code is derived from. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: serial('id').primaryKey(),
    cohortId: integer('cohort_id')
      .notNull()
      .references(() => trainingCohorts.id, { onDelete: 'cascade' }),
    titleKo: text('title_ko').notNull(),
    titleEn: text('title_en').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    room: text('room').notNull(),
    /** Random bytes (base64url); never leaves the server. */
    checkInSecret: text('check_in_secret').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('training_sessions_cohort_idx').on(t.cohortId, t.startsAt), check('training_sessions_time_ck', sql`${t.startsAt} < ${t.endsAt}`)],
);

export const trainingAttendanceStatus = pgEnum('training_attendance_status', ['present', 'absent']);
export const trainingAttendanceMethod = pgEnum('training_attendance_method', ['qr', 'staff']);

export const trainingAttendance = pgTable(
  'training_attendance',
  {
    id: serial('id').primaryKey(),
    sessionId: integer('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => trainingApplications.id, { onDelete: 'cascade' }),
    status: trainingAttendanceStatus('status').notNull(),
    method: trainingAttendanceMethod('method').notNull(),
    /** Why absent (병가, 업무 …), when known. */
    reason: text('reason'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('training_attendance_uq').on(t.sessionId, t.applicationId)],
);

/** The course evaluation (교육평가), one per trainee. */
export const trainingEvaluations = pgTable(
  'training_evaluations',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .unique()
      .references(() => trainingApplications.id, { onDelete: 'cascade' }),
    overall: smallint('overall').notNull(),
    content: smallint('content').notNull(),
    instructor: smallint('instructor').notNull(),
    jobRelevance: smallint('job_relevance').notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'training_evaluations_ck',
      sql`least(${t.overall}, ${t.content}, ${t.instructor}, ${t.jobRelevance}) >= 1 and greatest(${t.overall}, ${t.content}, ${t.instructor}, ${t.jobRelevance}) <= 5`,
    ),
  ],
);

/** A completion certificate; the holder's name is kept only masked (홍*동), so it outlives the purge. */
export const trainingCertificates = pgTable('training_certificates', {
  id: serial('id').primaryKey(),
  applicationId: integer('application_id')
    .notNull()
    .unique()
    .references(() => trainingApplications.id, { onDelete: 'cascade' }),
  /** The code printed on the certificate and in its QR code. */
  code: text('code').notNull().unique(),
  holderMasked: text('holder_masked').notNull(),
  completedOn: date('completed_on').notNull(),
  attendancePct: smallint('attendance_pct').notNull(),
  score: smallint('score').notNull(),
  issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  revokedReason: text('revoked_reason'),
});

export const employerKind = pgEnum('training_employer_kind', ['innovation_city', 'partner', 'other']);

export const trainingEmployers = pgTable('training_employers', {
  id: serial('id').primaryKey(),
  nameKo: text('name_ko').notNull().unique(),
  nameEn: text('name_en').notNull(),
  kind: employerKind('kind').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const trainingPostings = pgTable(
  'training_postings',
  {
    id: serial('id').primaryKey(),
    employerId: integer('employer_id')
      .notNull()
      .references(() => trainingEmployers.id),
    titleKo: text('title_ko').notNull(),
    titleEn: text('title_en').notNull(),
    track: trainingTrack('track'),
    openings: integer('openings').notNull(),
    closesOn: date('closes_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('training_postings_openings_ck', sql`${t.openings} > 0`)],
);

export const referralStatus = pgEnum('training_referral_status', ['referred', 'interview', 'hired', 'not_hired', 'withdrawn']);

/** A graduate referred to a posting (only with their referral consent), through the interview to the outcome. */
export const trainingReferrals = pgTable(
  'training_referrals',
  {
    id: serial('id').primaryKey(),
    postingId: integer('posting_id')
      .notNull()
      .references(() => trainingPostings.id),
    applicationId: integer('application_id')
      .notNull()
      .references(() => trainingApplications.id, { onDelete: 'cascade' }),
    status: referralStatus('status').notNull().default('referred'),
    interviewAt: timestamp('interview_at', { withTimezone: true }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('training_referrals_uq').on(t.postingId, t.applicationId)],
);

/** A graduate's job, and its follow-up six months after the start (retained or not). */
export const trainingPlacements = pgTable(
  'training_placements',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .unique()
      .references(() => trainingApplications.id, { onDelete: 'cascade' }),
    employerId: integer('employer_id')
      .notNull()
      .references(() => trainingEmployers.id),
    referralId: integer('referral_id').references(() => trainingReferrals.id, { onDelete: 'set null' }),
    jobTitle: text('job_title').notNull(),
    startedOn: date('started_on').notNull(),
    followUpOn: date('follow_up_on'),
    retained: boolean('retained'),
    followUpNote: text('follow_up_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('training_placements_follow_up_ck', sql`(${t.followUpOn} is null) = (${t.retained} is null)`)],
);
