-- "Has places" becomes a moment compared with the query's clock (seats_until), so it turns false
-- when the last open session's sign-up closes even if the row was not refreshed since. The rows
-- are rebuilt at start-up (an empty group_search is filled again by ensureGroupSearch).
DELETE FROM "group_search";--> statement-breakpoint
ALTER TABLE "group_search" ALTER COLUMN "refreshed_at" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "group_search" ADD COLUMN "seats_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "group_search" DROP COLUMN "has_seats";
