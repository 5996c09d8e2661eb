CREATE TABLE "community_profiles" (
	"member_id" uuid PRIMARY KEY NOT NULL,
	"group_id" uuid NOT NULL,
	"findable" boolean DEFAULT false NOT NULL,
	"topic_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"year" integer,
	"region" text,
	"show_topics" boolean DEFAULT true NOT NULL,
	"show_year" boolean DEFAULT true NOT NULL,
	"show_region" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "community_profiles_topics" CHECK (cardinality("community_profiles"."topic_ids") <= 5),
	CONSTRAINT "community_profiles_year" CHECK ("community_profiles"."year" is null or "community_profiles"."year" between 1900 and 2100)
);
--> statement-breakpoint
ALTER TABLE "community_profiles" ADD CONSTRAINT "community_profiles_member_id_community_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."community_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_profiles" ADD CONSTRAINT "community_profiles_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_profiles_findable" ON "community_profiles" USING btree ("group_id") WHERE "community_profiles"."findable";