CREATE TYPE "public"."organisation_kind" AS ENUM('province', 'public_institution', 'political_office', 'financial_institution', 'university', 'other');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('scheduled', 'held', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."meeting_outcome_kind" AS ENUM('information', 'decision', 'action');--> statement-breakpoint
CREATE TYPE "public"."meeting_outcome_status" AS ENUM('open', 'done');--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"name_ko" text NOT NULL,
	"name_en" text,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"seed_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_name_ko_unique" UNIQUE("name_ko"),
	CONSTRAINT "organisations_seed_key_unique" UNIQUE("seed_key")
);
--> statement-breakpoint
CREATE TABLE "meeting_agenda_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title_ko" text NOT NULL,
	"title_en" text,
	"presenter" text,
	"minutes_allotted" integer,
	"plan_action_id" integer
);
--> statement-breakpoint
CREATE TABLE "meeting_attendees" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"email" text
);
--> statement-breakpoint
CREATE TABLE "meeting_outcome_updates" (
	"id" serial PRIMARY KEY NOT NULL,
	"outcome_id" integer NOT NULL,
	"meeting_id" integer,
	"status" "meeting_outcome_status" NOT NULL,
	"note" text,
	"user_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_outcomes" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"kind" "meeting_outcome_kind" NOT NULL,
	"text_ko" text NOT NULL,
	"text_en" text,
	"owner_organisation_id" integer,
	"owner_person" text,
	"due_on" date,
	"status" "meeting_outcome_status",
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_outcomes_status_ck" CHECK (("meeting_outcomes"."kind" = 'action') = ("meeting_outcomes"."status" is not null))
);
--> statement-breakpoint
CREATE TABLE "meeting_series" (
	"id" serial PRIMARY KEY NOT NULL,
	"title_ko" text NOT NULL,
	"title_en" text,
	"cadence" text,
	"plan_action_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_series_organisations" (
	"series_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	CONSTRAINT "meeting_series_organisations_series_id_organisation_id_pk" PRIMARY KEY("series_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"series_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"venue_ko" text,
	"venue_en" text,
	"video_url" text,
	"status" "meeting_status" DEFAULT 'scheduled' NOT NULL,
	"minutes_ko" text,
	"minutes_en" text,
	"minutes_approved_at" timestamp with time zone,
	"minutes_approved_by" integer,
	"invitation_sequence" integer DEFAULT 0 NOT NULL,
	"invitations_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_times_ck" CHECK ("meetings"."ends_at" > "meetings"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "organisation_id" integer;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_plan_action_id_actions_id_fk" FOREIGN KEY ("plan_action_id") REFERENCES "public"."actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_outcome_updates" ADD CONSTRAINT "meeting_outcome_updates_outcome_id_meeting_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."meeting_outcomes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_outcome_updates" ADD CONSTRAINT "meeting_outcome_updates_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_outcome_updates" ADD CONSTRAINT "meeting_outcome_updates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_outcomes" ADD CONSTRAINT "meeting_outcomes_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series" ADD CONSTRAINT "meeting_series_plan_action_id_actions_id_fk" FOREIGN KEY ("plan_action_id") REFERENCES "public"."actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series_organisations" ADD CONSTRAINT "meeting_series_organisations_series_id_meeting_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."meeting_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_series_organisations" ADD CONSTRAINT "meeting_series_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_series_id_meeting_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."meeting_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_minutes_approved_by_users_id_fk" FOREIGN KEY ("minutes_approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_agenda_meeting_idx" ON "meeting_agenda_items" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_attendees_meeting_idx" ON "meeting_attendees" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_outcome_updates_outcome_idx" ON "meeting_outcome_updates" USING btree ("outcome_id");--> statement-breakpoint
CREATE INDEX "meeting_outcomes_meeting_idx" ON "meeting_outcomes" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_outcomes_owner_idx" ON "meeting_outcomes" USING btree ("owner_organisation_id");--> statement-breakpoint
CREATE INDEX "meeting_series_orgs_org_idx" ON "meeting_series_organisations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "meetings_series_idx" ON "meetings" USING btree ("series_id","starts_at");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;