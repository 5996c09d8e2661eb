DROP INDEX "community_posts_newest";--> statement-breakpoint
DROP INDEX "community_posts_active";--> statement-breakpoint
CREATE INDEX "community_posts_newest" ON "community_posts" USING btree ("group_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "community_posts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "community_posts_active" ON "community_posts" USING btree ("group_id","last_activity_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "community_posts"."deleted_at" is null;