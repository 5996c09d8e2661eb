CREATE TYPE "public"."community_member_status" AS ENUM('pending', 'member', 'declined', 'left');--> statement-breakpoint
CREATE TYPE "public"."community_role" AS ENUM('member', 'moderator');--> statement-breakpoint
CREATE TYPE "public"."reaction_kind" AS ENUM('support', 'thanks', 'me_too');--> statement-breakpoint
CREATE TABLE "community_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"parent_id" uuid,
	"author_id" text NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"body" text NOT NULL,
	"html" text NOT NULL,
	"crisis" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "community_comments_body" CHECK ("community_comments"."deleted_at" is not null or char_length("community_comments"."body") between 1 and 5000)
);
--> statement-breakpoint
CREATE TABLE "community_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"status" "community_member_status" NOT NULL,
	"role" "community_role" DEFAULT 'member' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"locale" "locale" DEFAULT 'en' NOT NULL,
	"rules_accepted_at" timestamp with time zone NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"decline_reason" text,
	"left_at" timestamp with time zone,
	CONSTRAINT "community_members_decline_reason" CHECK ("community_members"."decline_reason" is null or char_length("community_members"."decline_reason") <= 1000)
);
--> statement-breakpoint
CREATE TABLE "community_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"author_id" text NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"body" text NOT NULL,
	"html" text NOT NULL,
	"crisis" boolean DEFAULT false NOT NULL,
	"comment_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone NOT NULL,
	CONSTRAINT "community_posts_body" CHECK ("community_posts"."deleted_at" is not null or char_length("community_posts"."body") between 1 and 10000)
);
--> statement-breakpoint
CREATE TABLE "community_reactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid,
	"comment_id" uuid,
	"user_id" text NOT NULL,
	"kind" "reaction_kind" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "community_reactions_one_target" CHECK (("community_reactions"."post_id" is null) <> ("community_reactions"."comment_id" is null))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "nickname" text;--> statement-breakpoint
ALTER TABLE "community_comments" ADD CONSTRAINT "community_comments_post_id_community_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."community_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_comments" ADD CONSTRAINT "community_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_comments" ADD CONSTRAINT "community_comments_parent" FOREIGN KEY ("parent_id") REFERENCES "public"."community_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_members" ADD CONSTRAINT "community_members_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_members" ADD CONSTRAINT "community_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_members" ADD CONSTRAINT "community_members_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_posts" ADD CONSTRAINT "community_posts_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_posts" ADD CONSTRAINT "community_posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_reactions" ADD CONSTRAINT "community_reactions_post_id_community_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."community_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_reactions" ADD CONSTRAINT "community_reactions_comment_id_community_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."community_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_reactions" ADD CONSTRAINT "community_reactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_comments_post_id_created_at_index" ON "community_comments" USING btree ("post_id","created_at");--> statement-breakpoint
CREATE INDEX "community_comments_author_id_index" ON "community_comments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "community_comments_parent_id_index" ON "community_comments" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "community_members_one_per_person" ON "community_members" USING btree ("group_id","user_id");--> statement-breakpoint
CREATE INDEX "community_members_pending" ON "community_members" USING btree ("group_id","requested_at") WHERE "community_members"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "community_members_user_id_index" ON "community_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "community_posts_newest" ON "community_posts" USING btree ("group_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "community_posts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "community_posts_active" ON "community_posts" USING btree ("group_id","last_activity_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "community_posts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "community_posts_crisis" ON "community_posts" USING btree ("group_id","created_at") WHERE "community_posts"."crisis" and "community_posts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "community_posts_author_id_index" ON "community_posts" USING btree ("author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "community_reactions_post_once" ON "community_reactions" USING btree ("post_id","user_id","kind") WHERE "community_reactions"."post_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "community_reactions_comment_once" ON "community_reactions" USING btree ("comment_id","user_id","kind") WHERE "community_reactions"."comment_id" is not null;--> statement-breakpoint
CREATE INDEX "community_reactions_user_id_index" ON "community_reactions" USING btree ("user_id");