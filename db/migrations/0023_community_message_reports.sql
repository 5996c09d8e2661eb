ALTER TABLE "community_reports" DROP CONSTRAINT "community_reports_one_target";--> statement-breakpoint
ALTER TABLE "community_reports" ADD COLUMN "message_id" uuid;--> statement-breakpoint
ALTER TABLE "community_reports" ADD CONSTRAINT "community_reports_message_id_community_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."community_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_reports_message_id_index" ON "community_reports" USING btree ("message_id");--> statement-breakpoint
ALTER TABLE "community_reports" ADD CONSTRAINT "community_reports_one_target" CHECK (num_nonnulls("community_reports"."post_id", "community_reports"."comment_id", "community_reports"."member_id", "community_reports"."message_id") = 1);