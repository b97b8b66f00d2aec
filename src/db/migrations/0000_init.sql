CREATE TYPE "public"."budget_line_kind" AS ENUM('prior', 'year', 'after');--> statement-breakpoint
CREATE TYPE "public"."funding_source" AS ENUM('national', 'province', 'city', 'other');--> statement-breakpoint
CREATE TYPE "public"."schedule_period" AS ENUM('Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2', 'FY');--> statement-breakpoint
CREATE TABLE "actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"entry_id" integer NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"target_count" integer,
	"target_unit" text,
	CONSTRAINT "actions_target_ck" CHECK (("actions"."target_count" IS NULL) = ("actions"."target_unit" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "budget_lines" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"source" "funding_source" NOT NULL,
	"source_label" text NOT NULL,
	"position" integer NOT NULL,
	"kind" "budget_line_kind" NOT NULL,
	"year" integer,
	"planned_krw" bigint NOT NULL,
	CONSTRAINT "budget_lines_uq" UNIQUE NULLS NOT DISTINCT("plan_id","source_label","kind","year"),
	CONSTRAINT "budget_lines_year_ck" CHECK (("budget_lines"."kind" = 'year') = ("budget_lines"."year" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" serial PRIMARY KEY NOT NULL,
	"entry_id" integer NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phase_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"phase_id" integer NOT NULL,
	"parent_id" integer,
	"position" integer NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phases" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"start_month" text,
	"end_month" text,
	"notes" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_contents" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"position" integer NOT NULL,
	"area" text NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"category" text NOT NULL,
	"number" integer NOT NULL,
	"pledge" text NOT NULL,
	"title" text NOT NULL,
	"period_start" integer NOT NULL,
	"period_end" integer NOT NULL,
	"total_budget_krw" bigint NOT NULL,
	"budget_unit" text NOT NULL,
	"budget_years" integer[] NOT NULL,
	"effects" text[] NOT NULL,
	"import_warnings" jsonb NOT NULL,
	"source_text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_category_number_uq" UNIQUE("category","number"),
	CONSTRAINT "plans_period_ck" CHECK ("plans"."period_start" <= "plans"."period_end")
);
--> statement-breakpoint
CREATE TABLE "schedule_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"position" integer NOT NULL,
	"year" integer NOT NULL,
	"period" "schedule_period" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_entry_id_schedule_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."schedule_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_entry_id_schedule_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."schedule_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_items" ADD CONSTRAINT "phase_items_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_items" ADD CONSTRAINT "phase_items_parent_id_phase_items_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."phase_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phases" ADD CONSTRAINT "phases_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_contents" ADD CONSTRAINT "plan_contents_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_entries" ADD CONSTRAINT "schedule_entries_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actions_entry_idx" ON "actions" USING btree ("entry_id","position");--> statement-breakpoint
CREATE INDEX "goals_entry_idx" ON "goals" USING btree ("entry_id","position");--> statement-breakpoint
CREATE INDEX "phase_items_phase_idx" ON "phase_items" USING btree ("phase_id","position");--> statement-breakpoint
CREATE INDEX "phases_plan_idx" ON "phases" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "plan_contents_plan_idx" ON "plan_contents" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "schedule_entries_plan_idx" ON "schedule_entries" USING btree ("plan_id","position");