CREATE TYPE "public"."facility_stage" AS ENUM('planning', 'design', 'construction', 'completion', 'opening');--> statement-breakpoint
CREATE TYPE "public"."feedback_category" AS ENUM('transport', 'housing', 'education', 'childcare', 'medical', 'culture', 'other');--> statement-breakpoint
CREATE TYPE "public"."feedback_status" AS ENUM('received', 'assigned', 'answered', 'closed');--> statement-breakpoint
CREATE TYPE "public"."improvement_kind" AS ENUM('transport_route', 'commuter_bus', 'housing_support', 'other');--> statement-breakpoint
CREATE TYPE "public"."improvement_status" AS ENUM('planned', 'in_progress', 'done', 'on_hold');--> statement-breakpoint
CREATE TABLE "facilities" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name_ko" text NOT NULL,
	"name_en" text NOT NULL,
	"description_ko" text,
	"description_en" text,
	"stage" "facility_stage" DEFAULT 'planning' NOT NULL,
	"department_id" integer,
	"plan_action_id" integer,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "facilities_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "facility_budgets" (
	"id" serial PRIMARY KEY NOT NULL,
	"facility_id" integer NOT NULL,
	"source" "funding_source" NOT NULL,
	"amount_won" bigint NOT NULL,
	CONSTRAINT "facility_budgets_source_uq" UNIQUE("facility_id","source"),
	CONSTRAINT "facility_budgets_amount_ck" CHECK ("facility_budgets"."amount_won" >= 0)
);
--> statement-breakpoint
CREATE TABLE "facility_inspections" (
	"id" serial PRIMARY KEY NOT NULL,
	"facility_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"findings" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facility_milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"facility_id" integer NOT NULL,
	"position" integer NOT NULL,
	"name_ko" text NOT NULL,
	"name_en" text NOT NULL,
	"planned_on" date,
	"done_on" date
);
--> statement-breakpoint
CREATE TABLE "improvement_checks" (
	"id" serial PRIMARY KEY NOT NULL,
	"improvement_id" integer NOT NULL,
	"year" integer NOT NULL,
	"quarter" smallint NOT NULL,
	"status" "improvement_status" NOT NULL,
	"note" text,
	"checked_by" integer,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "improvement_checks_quarter_uq" UNIQUE("improvement_id","year","quarter"),
	CONSTRAINT "improvement_checks_quarter_ck" CHECK ("improvement_checks"."quarter" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "inspection_follow_ups" (
	"id" serial PRIMARY KEY NOT NULL,
	"inspection_id" integer NOT NULL,
	"text" text NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inspection_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"inspection_id" integer NOT NULL,
	"file_sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"caption" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settlement_feedback" (
	"id" serial PRIMARY KEY NOT NULL,
	"category" "feedback_category" NOT NULL,
	"text" text NOT NULL,
	"photo_sha256" text,
	"photo_mime_type" text,
	"contact_name" text,
	"contact_phone" text,
	"contact_email" text,
	"consent_at" timestamp with time zone,
	"consent_version" text,
	"token_hash" text NOT NULL,
	"status" "feedback_status" DEFAULT 'received' NOT NULL,
	"department_id" integer,
	"assigned_at" timestamp with time zone,
	"answer_text" text,
	"answered_at" timestamp with time zone,
	"answered_by" integer,
	"closed_at" timestamp with time zone,
	"public_text" text,
	"public_answer" text,
	"published_at" timestamp with time zone,
	"published_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"anonymized_at" timestamp with time zone,
	CONSTRAINT "settlement_feedback_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "settlement_improvements" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "improvement_kind" NOT NULL,
	"title_ko" text NOT NULL,
	"title_en" text,
	"department_id" integer,
	"status" "improvement_status" DEFAULT 'planned' NOT NULL,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settlement_survey_results" (
	"id" serial PRIMARY KEY NOT NULL,
	"survey_id" integer NOT NULL,
	"topic" "feedback_category" NOT NULL,
	"satisfied_permille" smallint NOT NULL,
	CONSTRAINT "settlement_survey_results_topic_uq" UNIQUE("survey_id","topic"),
	CONSTRAINT "settlement_survey_results_range_ck" CHECK ("settlement_survey_results"."satisfied_permille" between 0 and 1000)
);
--> statement-breakpoint
CREATE TABLE "settlement_surveys" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"respondents" integer NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settlement_surveys_year_unique" UNIQUE("year")
);
--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_plan_action_id_actions_id_fk" FOREIGN KEY ("plan_action_id") REFERENCES "public"."actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_budgets" ADD CONSTRAINT "facility_budgets_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_inspections" ADD CONSTRAINT "facility_inspections_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_inspections" ADD CONSTRAINT "facility_inspections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_milestones" ADD CONSTRAINT "facility_milestones_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_checks" ADD CONSTRAINT "improvement_checks_improvement_id_settlement_improvements_id_fk" FOREIGN KEY ("improvement_id") REFERENCES "public"."settlement_improvements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_checks" ADD CONSTRAINT "improvement_checks_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_follow_ups" ADD CONSTRAINT "inspection_follow_ups_inspection_id_facility_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."facility_inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_photos" ADD CONSTRAINT "inspection_photos_inspection_id_facility_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."facility_inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_feedback" ADD CONSTRAINT "settlement_feedback_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_feedback" ADD CONSTRAINT "settlement_feedback_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_feedback" ADD CONSTRAINT "settlement_feedback_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_improvements" ADD CONSTRAINT "settlement_improvements_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_survey_results" ADD CONSTRAINT "settlement_survey_results_survey_id_settlement_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."settlement_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "facility_inspections_facility_idx" ON "facility_inspections" USING btree ("facility_id","held_on");--> statement-breakpoint
CREATE INDEX "facility_milestones_facility_idx" ON "facility_milestones" USING btree ("facility_id","position");--> statement-breakpoint
CREATE INDEX "inspection_follow_ups_inspection_idx" ON "inspection_follow_ups" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "inspection_photos_inspection_idx" ON "inspection_photos" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "settlement_feedback_status_idx" ON "settlement_feedback" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "settlement_feedback_published_idx" ON "settlement_feedback" USING btree ("published_at");