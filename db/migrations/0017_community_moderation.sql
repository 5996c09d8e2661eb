CREATE TYPE "public"."community_report_outcome" AS ENUM('removed', 'dismissed', 'muted', 'banned');--> statement-breakpoint
CREATE TYPE "public"."community_report_reason" AS ENUM('crisis', 'harassment', 'hate', 'spam', 'private_information', 'unsafe_advice', 'other');--> statement-breakpoint
ALTER TYPE "public"."community_member_status" ADD VALUE 'banned';--> statement-breakpoint
CREATE TABLE "community_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"post_id" uuid,
	"comment_id" uuid,
	"member_id" uuid,
	"reporter_id" text,
	"reason" "community_report_reason" NOT NULL,
	"details" text,
	"created_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"outcome" "community_report_outcome",
	CONSTRAINT "community_reports_one_target" CHECK (num_nonnulls("community_reports"."post_id", "community_reports"."comment_id", "community_reports"."member_id") = 1),
	CONSTRAINT "community_reports_details" CHECK ("community_reports"."details" is null or char_length("community_reports"."details") <= 1000)
);
--> statement-breakpoint
ALTER TABLE "community_comments" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "community_comments" ADD COLUMN "removed_by" text;--> statement-breakpoint
ALTER TABLE "community_comments" ADD COLUMN "removal_reason" text;--> statement-breakpoint
ALTER TABLE "community_members" ADD COLUMN "muted_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "community_members" ADD COLUMN "sanction_reason" text;--> statement-breakpoint
ALTER TABLE "community_posts" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "community_posts" ADD COLUMN "removed_by" text;--> statement-breakpoint
ALTER TABLE "community_posts" ADD COLUMN "removal_reason" text;--> statement-breakpoint
ALTER TABLE "community_reports" ADD CONSTRAINT "community_reports_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_reports" ADD CONSTRAINT "community_reports_post_id_community_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."community_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_reports" ADD CONSTRAINT "community_reports_comment_id_community_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."community_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_reports" ADD CONSTRAINT "community_reports_member_id_community_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."community_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_reports" ADD CONSTRAINT "community_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_reports" ADD CONSTRAINT "community_reports_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_reports_open" ON "community_reports" USING btree ("group_id","created_at") WHERE "community_reports"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "community_reports_post_id_index" ON "community_reports" USING btree ("post_id");--> statement-breakpoint
CREATE INDEX "community_reports_comment_id_index" ON "community_reports" USING btree ("comment_id");--> statement-breakpoint
CREATE INDEX "community_reports_member_id_index" ON "community_reports" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "community_reports_reporter_id_index" ON "community_reports" USING btree ("reporter_id");--> statement-breakpoint
ALTER TABLE "community_comments" ADD CONSTRAINT "community_comments_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_posts" ADD CONSTRAINT "community_posts_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_members" ADD CONSTRAINT "community_members_sanction_reason" CHECK ("community_members"."sanction_reason" is null or char_length("community_members"."sanction_reason") <= 1000);