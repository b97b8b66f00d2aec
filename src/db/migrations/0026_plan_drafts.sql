CREATE TABLE "plan_drafts" (
	"action_id" integer PRIMARY KEY NOT NULL,
	"status" "action_status",
	"progress" integer,
	"comment" text,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_drafts_progress_ck" CHECK ("plan_drafts"."progress" between 0 and 100),
	CONSTRAINT "plan_drafts_something_ck" CHECK ("plan_drafts"."status" is not null or "plan_drafts"."progress" is not null)
);
--> statement-breakpoint
ALTER TABLE "plan_drafts" ADD CONSTRAINT "plan_drafts_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_drafts" ADD CONSTRAINT "plan_drafts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- The public cache's NOTIFY (migration 0019): drafts never reach the public views, but every table is watched alike.
SELECT finhub_watch_changes('plan_drafts');
