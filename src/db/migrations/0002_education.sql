CREATE TYPE "public"."application_status" AS ENUM('submitted', 'selected', 'rejected', 'scheduled', 'completed', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."school_level" AS ENUM('elementary', 'middle', 'high', 'special', 'other');--> statement-breakpoint
CREATE TYPE "public"."notification_channel" AS ENUM('email', 'sms');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."registration_status" AS ENUM('confirmed', 'waitlisted', 'offered', 'cancelled', 'expired');--> statement-breakpoint
CREATE TABLE "academy_programmes" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"title_ko" text NOT NULL,
	"title_en" text,
	"description_ko" text,
	"description_en" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_programmes_year_unique" UNIQUE("year")
);
--> statement-breakpoint
CREATE TABLE "academy_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer,
	"pool_id" integer NOT NULL,
	"title_ko" text NOT NULL,
	"title_en" text,
	"description_ko" text,
	"description_en" text,
	"lecturer" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"venue" text NOT NULL,
	"online_url" text,
	"video_url" text,
	"survey_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_sessions_pool_id_unique" UNIQUE("pool_id"),
	CONSTRAINT "academy_sessions_time_ck" CHECK ("academy_sessions"."starts_at" < "academy_sessions"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "school_applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"survey_id" integer NOT NULL,
	"school_name" text NOT NULL,
	"level" "school_level" NOT NULL,
	"teacher_name" text NOT NULL,
	"teacher_phone" text,
	"teacher_email" text,
	"grade" text NOT NULL,
	"students" integer NOT NULL,
	"preferred_dates" date[] NOT NULL,
	"topics" text NOT NULL,
	"status" "application_status" DEFAULT 'submitted' NOT NULL,
	"decision_reason" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"consent_at" timestamp with time zone NOT NULL,
	"consent_version" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"anonymized_at" timestamp with time zone,
	CONSTRAINT "school_applications_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "school_applications_school_uq" UNIQUE("survey_id","school_name"),
	CONSTRAINT "school_applications_students_ck" CHECK ("school_applications"."students" > 0)
);
--> statement-breakpoint
CREATE TABLE "school_classes" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"lecturer" text NOT NULL,
	"classes" integer NOT NULL,
	"students_reached" integer,
	"notes" text,
	"evidence_url" text,
	"recorded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_classes_classes_ck" CHECK ("school_classes"."classes" > 0)
);
--> statement-breakpoint
CREATE TABLE "school_surveys" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"target_schools" integer NOT NULL,
	"retention_days" integer DEFAULT 1095 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_surveys_year_unique" UNIQUE("year")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" serial PRIMARY KEY NOT NULL,
	"registration_id" integer NOT NULL,
	"rating" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_responses_registration_id_unique" UNIQUE("registration_id"),
	CONSTRAINT "survey_responses_rating_ck" CHECK ("survey_responses"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" serial PRIMARY KEY NOT NULL,
	"channel" "notification_channel" NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"kind" text NOT NULL,
	"meta" jsonb,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "capacity_pools" (
	"id" serial PRIMARY KEY NOT NULL,
	"owner_kind" text NOT NULL,
	"capacity" integer NOT NULL,
	"waitlist_enabled" boolean DEFAULT true NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"offer_ttl_minutes" integer DEFAULT 1440 NOT NULL,
	"retention_days" integer DEFAULT 365 NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "capacity_pools_capacity_ck" CHECK ("capacity_pools"."capacity" >= 0),
	CONSTRAINT "capacity_pools_window_ck" CHECK ("capacity_pools"."opens_at" < "capacity_pools"."closes_at")
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" serial PRIMARY KEY NOT NULL,
	"pool_id" integer NOT NULL,
	"status" "registration_status" NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"email" text,
	"answers" text,
	"consent_at" timestamp with time zone NOT NULL,
	"consent_version" text NOT NULL,
	"token_hash" text NOT NULL,
	"offer_expires_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"anonymized_at" timestamp with time zone,
	CONSTRAINT "registrations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "academy_sessions" ADD CONSTRAINT "academy_sessions_programme_id_academy_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."academy_programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_sessions" ADD CONSTRAINT "academy_sessions_pool_id_capacity_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."capacity_pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_applications" ADD CONSTRAINT "school_applications_survey_id_school_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."school_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_applications" ADD CONSTRAINT "school_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_classes" ADD CONSTRAINT "school_classes_application_id_school_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."school_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_pool_id_capacity_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."capacity_pools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "academy_sessions_starts_idx" ON "academy_sessions" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "school_applications_survey_idx" ON "school_applications" USING btree ("survey_id","status");--> statement-breakpoint
CREATE INDEX "school_classes_application_idx" ON "school_classes" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "registrations_pool_idx" ON "registrations" USING btree ("pool_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_live_phone_uq" ON "registrations" USING btree ("pool_id","phone") WHERE "registrations"."status" in ('confirmed', 'waitlisted', 'offered') and "registrations"."phone" is not null;