CREATE TYPE "public"."training_employer_kind" AS ENUM('innovation_city', 'partner', 'other');--> statement-breakpoint
CREATE TYPE "public"."training_referral_status" AS ENUM('referred', 'interview', 'hired', 'not_hired', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."training_application_status" AS ENUM('submitted', 'selected', 'waitlisted', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."training_attendance_method" AS ENUM('qr', 'staff');--> statement-breakpoint
CREATE TYPE "public"."training_attendance_status" AS ENUM('present', 'absent');--> statement-breakpoint
CREATE TYPE "public"."training_track" AS ENUM('asset_management', 'pension_fund', 'fintech', 'back_office', 'other');--> statement-breakpoint
CREATE TABLE "training_applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"cohort_id" integer NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"email" text,
	"statement" text,
	"documents" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "training_application_status" DEFAULT 'submitted' NOT NULL,
	"decision_reason" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"referral_consent_at" timestamp with time zone,
	"consent_at" timestamp with time zone NOT NULL,
	"consent_version" text NOT NULL,
	"token_hash" text NOT NULL,
	"pre_score" smallint,
	"post_score" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"anonymized_at" timestamp with time zone,
	CONSTRAINT "training_applications_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "training_applications_phone_uq" UNIQUE("cohort_id","phone"),
	CONSTRAINT "training_applications_pre_ck" CHECK ("training_applications"."pre_score" between 0 and 100),
	CONSTRAINT "training_applications_post_ck" CHECK ("training_applications"."post_score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"id" serial PRIMARY KEY NOT NULL,
	"session_id" integer NOT NULL,
	"application_id" integer NOT NULL,
	"status" "training_attendance_status" NOT NULL,
	"method" "training_attendance_method" NOT NULL,
	"reason" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_attendance_uq" UNIQUE("session_id","application_id")
);
--> statement-breakpoint
CREATE TABLE "training_certificates" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"code" text NOT NULL,
	"holder_masked" text NOT NULL,
	"completed_on" date NOT NULL,
	"attendance_pct" smallint NOT NULL,
	"score" smallint NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	CONSTRAINT "training_certificates_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "training_certificates_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "training_cohorts" (
	"id" serial PRIMARY KEY NOT NULL,
	"course_id" integer NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"capacity" integer NOT NULL,
	"apply_opens_at" timestamp with time zone NOT NULL,
	"apply_closes_at" timestamp with time zone NOT NULL,
	"criteria_ko" text NOT NULL,
	"criteria_en" text NOT NULL,
	"documents_ko" text NOT NULL,
	"documents_en" text NOT NULL,
	"retention_days" integer DEFAULT 1095 NOT NULL,
	"evaluation_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_cohorts_name_uq" UNIQUE("course_id","name"),
	CONSTRAINT "training_cohorts_dates_ck" CHECK ("training_cohorts"."starts_on" <= "training_cohorts"."ends_on"),
	CONSTRAINT "training_cohorts_window_ck" CHECK ("training_cohorts"."apply_opens_at" < "training_cohorts"."apply_closes_at"),
	CONSTRAINT "training_cohorts_capacity_ck" CHECK ("training_cohorts"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" serial PRIMARY KEY NOT NULL,
	"track" "training_track" NOT NULL,
	"title_ko" text NOT NULL,
	"title_en" text NOT NULL,
	"description_ko" text,
	"description_en" text,
	"hours" integer NOT NULL,
	"min_attendance_pct" smallint NOT NULL,
	"min_score" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_courses_attendance_ck" CHECK ("training_courses"."min_attendance_pct" between 0 and 100),
	CONSTRAINT "training_courses_score_ck" CHECK ("training_courses"."min_score" between 0 and 100),
	CONSTRAINT "training_courses_hours_ck" CHECK ("training_courses"."hours" > 0)
);
--> statement-breakpoint
CREATE TABLE "training_employers" (
	"id" serial PRIMARY KEY NOT NULL,
	"name_ko" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" "training_employer_kind" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_employers_name_ko_unique" UNIQUE("name_ko")
);
--> statement-breakpoint
CREATE TABLE "training_evaluations" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"overall" smallint NOT NULL,
	"content" smallint NOT NULL,
	"instructor" smallint NOT NULL,
	"job_relevance" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_evaluations_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "training_evaluations_ck" CHECK (least("training_evaluations"."overall", "training_evaluations"."content", "training_evaluations"."instructor", "training_evaluations"."job_relevance") >= 1 and greatest("training_evaluations"."overall", "training_evaluations"."content", "training_evaluations"."instructor", "training_evaluations"."job_relevance") <= 5)
);
--> statement-breakpoint
CREATE TABLE "training_placements" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"employer_id" integer NOT NULL,
	"referral_id" integer,
	"job_title" text NOT NULL,
	"started_on" date NOT NULL,
	"follow_up_on" date,
	"retained" boolean,
	"follow_up_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_placements_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "training_placements_follow_up_ck" CHECK (("training_placements"."follow_up_on" is null) = ("training_placements"."retained" is null))
);
--> statement-breakpoint
CREATE TABLE "training_postings" (
	"id" serial PRIMARY KEY NOT NULL,
	"employer_id" integer NOT NULL,
	"title_ko" text NOT NULL,
	"title_en" text NOT NULL,
	"track" "training_track",
	"openings" integer NOT NULL,
	"closes_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_postings_openings_ck" CHECK ("training_postings"."openings" > 0)
);
--> statement-breakpoint
CREATE TABLE "training_referrals" (
	"id" serial PRIMARY KEY NOT NULL,
	"posting_id" integer NOT NULL,
	"application_id" integer NOT NULL,
	"status" "training_referral_status" DEFAULT 'referred' NOT NULL,
	"interview_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_referrals_uq" UNIQUE("posting_id","application_id")
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"cohort_id" integer NOT NULL,
	"title_ko" text NOT NULL,
	"title_en" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"room" text NOT NULL,
	"check_in_secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_time_ck" CHECK ("training_sessions"."starts_at" < "training_sessions"."ends_at")
);
--> statement-breakpoint
ALTER TABLE "training_applications" ADD CONSTRAINT "training_applications_cohort_id_training_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."training_cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_applications" ADD CONSTRAINT "training_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_application_id_training_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."training_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_application_id_training_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."training_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_cohorts" ADD CONSTRAINT "training_cohorts_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_evaluations" ADD CONSTRAINT "training_evaluations_application_id_training_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."training_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_placements" ADD CONSTRAINT "training_placements_application_id_training_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."training_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_placements" ADD CONSTRAINT "training_placements_employer_id_training_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."training_employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_placements" ADD CONSTRAINT "training_placements_referral_id_training_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."training_referrals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_postings" ADD CONSTRAINT "training_postings_employer_id_training_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."training_employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_referrals" ADD CONSTRAINT "training_referrals_posting_id_training_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."training_postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_referrals" ADD CONSTRAINT "training_referrals_application_id_training_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."training_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_cohort_id_training_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."training_cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_applications_cohort_idx" ON "training_applications" USING btree ("cohort_id","status");--> statement-breakpoint
CREATE INDEX "training_sessions_cohort_idx" ON "training_sessions" USING btree ("cohort_id","starts_at");