ALTER TABLE "actions" ADD COLUMN "text_en" text;--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "text_en" text;--> statement-breakpoint
ALTER TABLE "phase_items" ADD COLUMN "text_en" text;--> statement-breakpoint
ALTER TABLE "phases" ADD COLUMN "name_en" text;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "pledge_en" text;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "title_en" text;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "effects_en" text[] DEFAULT '{}'::text[] NOT NULL;