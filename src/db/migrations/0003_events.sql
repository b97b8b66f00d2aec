CREATE TYPE "public"."approval_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."attendee_category" AS ENUM('general', 'student', 'press', 'vip', 'online');--> statement-breakpoint
CREATE TYPE "public"."event_kind" AS ENUM('forum', 'seminar', 'conference');--> statement-breakpoint
CREATE TYPE "public"."event_status" AS ENUM('planned', 'held', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."programme_item_kind" AS ENUM('keynote', 'talk', 'panel', 'break', 'other');--> statement-breakpoint
CREATE TYPE "public"."question_kind" AS ENUM('text', 'choice', 'country', 'affiliation');--> statement-breakpoint
CREATE TABLE "event_categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"category" "attendee_category" NOT NULL,
	"pool_id" integer NOT NULL,
	"requires_invitation" boolean DEFAULT false NOT NULL,
	"requires_approval" boolean DEFAULT false NOT NULL,
	CONSTRAINT "event_categories_pool_id_unique" UNIQUE("pool_id"),
	CONSTRAINT "event_categories_uq" UNIQUE("event_id","category")
);
--> statement-breakpoint
CREATE TABLE "event_programme" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"room_id" integer,
	"kind" "programme_item_kind" NOT NULL,
	"title_ko" text NOT NULL,
	"title_en" text,
	"description_ko" text,
	"description_en" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "event_programme_time_ck" CHECK ("event_programme"."starts_at" < "event_programme"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "event_questions" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"kind" "question_kind" NOT NULL,
	"label_ko" text NOT NULL,
	"label_en" text,
	"required" boolean DEFAULT false NOT NULL,
	"options" jsonb,
	"max_length" integer DEFAULT 200 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"registration_id" integer PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	"name_en" text,
	"affiliation" text,
	"country" text,
	"invitation_code_id" integer,
	"approval" "approval_status",
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_rooms" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"name_ko" text NOT NULL,
	"name_en" text
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "event_kind" NOT NULL,
	"edition" integer,
	"title_ko" text NOT NULL,
	"title_en" text,
	"description_ko" text,
	"description_en" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"date_approximate" boolean DEFAULT false NOT NULL,
	"venue_ko" text,
	"venue_en" text,
	"stream_url" text,
	"published" boolean DEFAULT false NOT NULL,
	"status" "event_status" DEFAULT 'planned' NOT NULL,
	"plan_action_id" integer,
	"outcome_ko" text,
	"outcome_en" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_kind_edition_uq" UNIQUE("kind","edition"),
	CONSTRAINT "events_time_ck" CHECK ("events"."starts_at" < "events"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "invitation_codes" (
	"id" serial PRIMARY KEY NOT NULL,
	"category_id" integer NOT NULL,
	"code_hash" text NOT NULL,
	"label" text,
	"max_uses" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitation_codes_code_hash_unique" UNIQUE("code_hash"),
	CONSTRAINT "invitation_codes_max_ck" CHECK ("invitation_codes"."max_uses" > 0)
);
--> statement-breakpoint
CREATE TABLE "programme_speakers" (
	"programme_id" integer NOT NULL,
	"speaker_id" integer NOT NULL,
	"role" text,
	CONSTRAINT "programme_speakers_programme_id_speaker_id_pk" PRIMARY KEY("programme_id","speaker_id")
);
--> statement-breakpoint
CREATE TABLE "speakers" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"name_ko" text NOT NULL,
	"name_en" text,
	"affiliation_ko" text,
	"affiliation_en" text,
	"bio_ko" text,
	"bio_en" text,
	"photo_sha256" text,
	"photo_mime_type" text
);
--> statement-breakpoint
ALTER TABLE "event_categories" ADD CONSTRAINT "event_categories_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_categories" ADD CONSTRAINT "event_categories_pool_id_capacity_pools_id_fk" FOREIGN KEY ("pool_id") REFERENCES "public"."capacity_pools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_programme" ADD CONSTRAINT "event_programme_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_programme" ADD CONSTRAINT "event_programme_room_id_event_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."event_rooms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_questions" ADD CONSTRAINT "event_questions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_category_id_event_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."event_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_invitation_code_id_invitation_codes_id_fk" FOREIGN KEY ("invitation_code_id") REFERENCES "public"."invitation_codes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_rooms" ADD CONSTRAINT "event_rooms_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_plan_action_id_actions_id_fk" FOREIGN KEY ("plan_action_id") REFERENCES "public"."actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_codes" ADD CONSTRAINT "invitation_codes_category_id_event_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."event_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_codes" ADD CONSTRAINT "invitation_codes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_speakers" ADD CONSTRAINT "programme_speakers_programme_id_event_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."event_programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_speakers" ADD CONSTRAINT "programme_speakers_speaker_id_speakers_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."speakers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speakers" ADD CONSTRAINT "speakers_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_programme_event_idx" ON "event_programme" USING btree ("event_id","starts_at");--> statement-breakpoint
CREATE INDEX "event_registrations_event_idx" ON "event_registrations" USING btree ("event_id","category_id");--> statement-breakpoint
CREATE INDEX "event_registrations_code_idx" ON "event_registrations" USING btree ("invitation_code_id");