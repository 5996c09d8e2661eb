ALTER TABLE "article_texts" ADD COLUMN "announced_at" timestamp with time zone;--> statement-breakpoint
-- Texts published before announcements existed are not news any more.
UPDATE "article_texts" SET "announced_at" = "published_at" WHERE "published_at" IS NOT NULL;
