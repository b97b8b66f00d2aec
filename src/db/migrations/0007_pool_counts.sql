ALTER TABLE "capacity_pools" ADD COLUMN "taken" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "capacity_pools" ADD COLUMN "waiting" integer DEFAULT 0 NOT NULL;