CREATE TYPE "public"."ordinance_opinion_source" AS ENUM('citizen', 'organisation', 'public_body', 'other');--> statement-breakpoint
CREATE TYPE "public"."ordinance_stage" AS ENUM('drafting', 'legislative_notice', 'regulation_review', 'council_submission', 'committee', 'plenary', 'promulgation', 'in_force');--> statement-breakpoint
CREATE TYPE "public"."attraction_institution_kind" AS ENUM('asset_manager', 'custodian', 'securities', 'fintech', 'back_office', 'other');--> statement-breakpoint
CREATE TYPE "public"."attraction_stage" AS ENUM('identified', 'contacted', 'interested', 'negotiating', 'mou', 'office_opened');--> statement-breakpoint
CREATE TYPE "public"."attraction_support_kind" AS ENUM('rent', 'hiring_subsidy', 'training_link', 'other');--> statement-breakpoint
CREATE TABLE "ordinance_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"stage" "ordinance_stage" NOT NULL,
	"title" text NOT NULL,
	"file_sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ordinance_opinions" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"source" "ordinance_opinion_source" NOT NULL,
	"received_on" date NOT NULL,
	"summary" text NOT NULL,
	"answer" text,
	"accepted" boolean,
	"answered_on" date,
	"answered_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ordinance_opinions_answer_ck" CHECK (("ordinance_opinions"."answer" IS NULL) = ("ordinance_opinions"."answered_on" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "ordinance_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"ordinance_id" integer NOT NULL,
	"round" smallint NOT NULL,
	"summary_ko" text,
	"summary_en" text,
	"stage" "ordinance_stage" DEFAULT 'drafting' NOT NULL,
	"notice_starts_on" date,
	"notice_ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ordinance_rounds_round_uq" UNIQUE("ordinance_id","round"),
	CONSTRAINT "ordinance_rounds_round_ck" CHECK ("ordinance_rounds"."round" >= 1),
	CONSTRAINT "ordinance_rounds_notice_ck" CHECK (("ordinance_rounds"."notice_starts_on" IS NULL) = ("ordinance_rounds"."notice_ends_on" IS NULL) AND ("ordinance_rounds"."notice_ends_on" IS NULL OR "ordinance_rounds"."notice_ends_on" >= "ordinance_rounds"."notice_starts_on"))
);
--> statement-breakpoint
CREATE TABLE "ordinance_stage_dates" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"stage" "ordinance_stage" NOT NULL,
	"reached_on" date NOT NULL,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ordinance_stage_dates_uq" UNIQUE("round_id","stage")
);
--> statement-breakpoint
CREATE TABLE "ordinances" (
	"id" serial PRIMARY KEY NOT NULL,
	"title_ko" text NOT NULL,
	"title_en" text,
	"plan_id" integer,
	"plan_content_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ordinances_title_uq" UNIQUE("title_ko")
);
--> statement-breakpoint
CREATE TABLE "attraction_stage_dates" (
	"id" serial PRIMARY KEY NOT NULL,
	"target_id" integer NOT NULL,
	"stage" "attraction_stage" NOT NULL,
	"reached_on" date NOT NULL,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attraction_stage_dates_uq" UNIQUE("target_id","stage")
);
--> statement-breakpoint
CREATE TABLE "attraction_support" (
	"id" serial PRIMARY KEY NOT NULL,
	"target_id" integer NOT NULL,
	"kind" "attraction_support_kind" NOT NULL,
	"amount_won" bigint,
	"note" text,
	"offered_on" date NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attraction_support_amount_ck" CHECK ("attraction_support"."amount_won" IS NULL OR "attraction_support"."amount_won" >= 0)
);
--> statement-breakpoint
CREATE TABLE "attraction_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"name_ko" text NOT NULL,
	"name_en" text,
	"kind" "attraction_institution_kind" NOT NULL,
	"stage" "attraction_stage" DEFAULT 'identified' NOT NULL,
	"next_step" text,
	"next_step_due" date,
	"owner_id" integer,
	"announce" boolean DEFAULT false NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ordinance_documents" ADD CONSTRAINT "ordinance_documents_round_id_ordinance_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."ordinance_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ordinance_documents" ADD CONSTRAINT "ordinance_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ordinance_opinions" ADD CONSTRAINT "ordinance_opinions_round_id_ordinance_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."ordinance_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ordinance_opinions" ADD CONSTRAINT "ordinance_opinions_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ordinance_rounds" ADD CONSTRAINT "ordinance_rounds_ordinance_id_ordinances_id_fk" FOREIGN KEY ("ordinance_id") REFERENCES "public"."ordinances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ordinance_stage_dates" ADD CONSTRAINT "ordinance_stage_dates_round_id_ordinance_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."ordinance_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ordinance_stage_dates" ADD CONSTRAINT "ordinance_stage_dates_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ordinances" ADD CONSTRAINT "ordinances_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ordinances" ADD CONSTRAINT "ordinances_plan_content_id_plan_contents_id_fk" FOREIGN KEY ("plan_content_id") REFERENCES "public"."plan_contents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attraction_stage_dates" ADD CONSTRAINT "attraction_stage_dates_target_id_attraction_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."attraction_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attraction_stage_dates" ADD CONSTRAINT "attraction_stage_dates_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attraction_support" ADD CONSTRAINT "attraction_support_target_id_attraction_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."attraction_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attraction_support" ADD CONSTRAINT "attraction_support_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attraction_targets" ADD CONSTRAINT "attraction_targets_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ordinance_documents_round_idx" ON "ordinance_documents" USING btree ("round_id","id");--> statement-breakpoint
CREATE INDEX "ordinance_documents_sha_idx" ON "ordinance_documents" USING btree ("file_sha256");--> statement-breakpoint
CREATE INDEX "ordinance_opinions_round_idx" ON "ordinance_opinions" USING btree ("round_id","id");--> statement-breakpoint
CREATE INDEX "attraction_stage_dates_reached_idx" ON "attraction_stage_dates" USING btree ("stage","reached_on");--> statement-breakpoint
CREATE INDEX "attraction_support_target_idx" ON "attraction_support" USING btree ("target_id","id");--> statement-breakpoint
CREATE INDEX "attraction_targets_stage_idx" ON "attraction_targets" USING btree ("stage");