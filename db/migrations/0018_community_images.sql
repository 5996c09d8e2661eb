CREATE TABLE "community_images" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"alt" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "community_images_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "community_images_alt" CHECK ("community_images"."alt" is null or char_length("community_images"."alt") <= 500)
);
--> statement-breakpoint
ALTER TABLE "community_images" ADD CONSTRAINT "community_images_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_images" ADD CONSTRAINT "community_images_post_id_community_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."community_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_images_post_id_position_index" ON "community_images" USING btree ("post_id","position");