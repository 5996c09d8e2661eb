ALTER TABLE "community_members" ADD COLUMN "notify_replies" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "community_members" ADD COLUMN "digest" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "community_members" ADD COLUMN "digest_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "community_members_digest" ON "community_members" USING btree ("digest_until") WHERE "community_members"."digest" and "community_members"."status" = 'member';