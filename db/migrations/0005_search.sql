-- Search (docs/decisions/0002-search.md): levenshtein() for typo tolerance, next to unaccent and pg_trgm.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
--> statement-breakpoint
CREATE TABLE "group_search" (
	"group_id" uuid PRIMARY KEY NOT NULL,
	"kind" "group_kind" NOT NULL,
	"format" "group_format" NOT NULL,
	"leadership" "leadership" NOT NULL,
	"delivery" "delivery" NOT NULL,
	"cost_type" "cost_type" NOT NULL,
	"price_cents" integer NOT NULL,
	"insurance_receipts" boolean NOT NULL,
	"languages" text[] NOT NULL,
	"topic_ids" uuid[] NOT NULL,
	"accessibility" text[] NOT NULL,
	"faith" text NOT NULL,
	"gender" text NOT NULL,
	"age_min" integer,
	"age_max" integer,
	"days" smallint NOT NULL,
	"times" smallint NOT NULL,
	"next_start" timestamp with time zone,
	"starts" timestamp with time zone[] NOT NULL,
	"has_seats" boolean NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"published_at" timestamp with time zone,
	"title_norm" text NOT NULL,
	"document" "tsvector" NOT NULL,
	"title_document" "tsvector" NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "group_search" ADD CONSTRAINT "group_search_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_search_document" ON "group_search" USING gin ("document");--> statement-breakpoint
CREATE INDEX "group_search_location" ON "group_search" USING btree ("latitude","longitude");--> statement-breakpoint
CREATE INDEX "group_search_next_start" ON "group_search" USING btree ("next_start");--> statement-breakpoint
CREATE INDEX "group_search_published_at" ON "group_search" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "search_words_trgm" ON "search_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
-- Keep the search rows narrow: the full-text document (hundreds of bytes) moves to the TOAST table,
-- so filters and facet counts scan small rows; only text matching and ranking read it.
ALTER TABLE "group_search" ALTER COLUMN "document" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "group_search" SET (toast_tuple_target = 128);
