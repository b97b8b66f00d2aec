CREATE TABLE "action_explanations" (
	"action_id" integer PRIMARY KEY NOT NULL,
	"ko" text NOT NULL,
	"en" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "ledger_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "action_explanations" ADD CONSTRAINT "action_explanations_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_explanations" ADD CONSTRAINT "action_explanations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- The public read cache's change feed (0019_public_cache): the public plan answer reads this table.
SELECT finhub_watch_changes('action_explanations');
