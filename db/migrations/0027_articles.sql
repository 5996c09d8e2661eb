CREATE TYPE "public"."article_comment_status" AS ENUM('pending', 'approved', 'rejected', 'spam');--> statement-breakpoint
CREATE TYPE "public"."article_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TABLE "article_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"text_id" uuid NOT NULL,
	"nickname" text NOT NULL,
	"body" text NOT NULL,
	"status" "article_comment_status" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"moderated_at" timestamp with time zone,
	"moderated_by" text,
	CONSTRAINT "article_comments_length" CHECK (length("article_comments"."body") <= 4000 and length("article_comments"."nickname") <= 60)
);
--> statement-breakpoint
CREATE TABLE "article_subscribers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"locale" "locale" NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"confirmed_at" timestamp with time zone,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "article_texts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"locale" "locale" NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"author_name" text NOT NULL,
	"status" "article_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"search" "tsvector" NOT NULL,
	CONSTRAINT "article_texts_slug_shape" CHECK ("article_texts"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length("article_texts"."slug") <= 120)
);
--> statement-breakpoint
CREATE TABLE "articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"kinds" "group_kind"[] DEFAULT '{}'::group_kind[] NOT NULL,
	"seed_key" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "articles_seed_key_unique" UNIQUE("seed_key")
);
--> statement-breakpoint
ALTER TABLE "article_comments" ADD CONSTRAINT "article_comments_text_id_article_texts_id_fk" FOREIGN KEY ("text_id") REFERENCES "public"."article_texts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_comments" ADD CONSTRAINT "article_comments_moderated_by_users_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_texts" ADD CONSTRAINT "article_texts_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_comments_text_id_status_created_at_index" ON "article_comments" USING btree ("text_id","status","created_at");--> statement-breakpoint
CREATE INDEX "article_comments_status_created_at_index" ON "article_comments" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "article_subscribers_email_idx" ON "article_subscribers" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "article_subscribers_active_confirmed_at_index" ON "article_subscribers" USING btree ("active","confirmed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "article_texts_locale_slug_index" ON "article_texts" USING btree ("locale","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "article_texts_article_id_locale_index" ON "article_texts" USING btree ("article_id","locale");--> statement-breakpoint
CREATE INDEX "article_texts_locale_status_published_at_index" ON "article_texts" USING btree ("locale","status","published_at");--> statement-breakpoint
CREATE INDEX "article_texts_search_idx" ON "article_texts" USING gin ("search");