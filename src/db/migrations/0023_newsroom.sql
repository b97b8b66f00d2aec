CREATE TYPE "public"."news_kind" AS ENUM('notice', 'press_release');--> statement-breakpoint
CREATE TABLE "news_attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"news_id" integer NOT NULL,
	"file_sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "news_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "news_kind" NOT NULL,
	"title_ko" text NOT NULL,
	"title_en" text,
	"body_ko" text NOT NULL,
	"body_en" text,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"image_sha256" text,
	"image_mime_type" text,
	"image_alt_ko" text,
	"image_alt_en" text,
	"created_by" integer,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "news_items_image_ck" CHECK ("news_items"."image_sha256" IS NULL OR ("news_items"."image_alt_ko" IS NOT NULL AND "news_items"."image_mime_type" IS NOT NULL)),
	CONSTRAINT "news_items_published_ck" CHECK (NOT "news_items"."published" OR "news_items"."published_at" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "news_attachments" ADD CONSTRAINT "news_attachments_news_id_news_items_id_fk" FOREIGN KEY ("news_id") REFERENCES "public"."news_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_attachments" ADD CONSTRAINT "news_attachments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_items" ADD CONSTRAINT "news_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_items" ADD CONSTRAINT "news_items_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "news_attachments_news_idx" ON "news_attachments" USING btree ("news_id");--> statement-breakpoint
CREATE INDEX "news_attachments_sha_idx" ON "news_attachments" USING btree ("file_sha256");--> statement-breakpoint
CREATE INDEX "news_items_public_idx" ON "news_items" USING btree ("published","published_at");--> statement-breakpoint
-- The public cache's change feed (migration 0019): the public news answers read these tables.
SELECT finhub_watch_changes('news_items');--> statement-breakpoint
SELECT finhub_watch_changes('news_attachments');
