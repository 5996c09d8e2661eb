ALTER TABLE "community_comments" ADD COLUMN "search" "tsvector";--> statement-breakpoint
ALTER TABLE "community_posts" ADD COLUMN "search" "tsvector";--> statement-breakpoint
CREATE INDEX "community_comments_search" ON "community_comments" USING gin ("search");--> statement-breakpoint
CREATE INDEX "community_posts_search" ON "community_posts" USING gin ("search");--> statement-breakpoint
UPDATE "community_posts" SET "search" = to_tsvector('english', unaccent("body")) || to_tsvector('french', unaccent("body")) WHERE "deleted_at" IS NULL;--> statement-breakpoint
UPDATE "community_comments" SET "search" = to_tsvector('english', unaccent("body")) || to_tsvector('french', unaccent("body")) WHERE "deleted_at" IS NULL;
