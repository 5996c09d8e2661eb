CREATE TYPE "public"."application_status" AS ENUM('applied', 'accepted', 'waitlisted', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."attendance_status" AS ENUM('present', 'absent', 'excused');--> statement-breakpoint
CREATE TYPE "public"."cohort_status" AS ENUM('open', 'confirmed', 'postponed', 'cancelled', 'completed');--> statement-breakpoint
CREATE TYPE "public"."cost_type" AS ENUM('free', 'pay_what_you_can', 'fee');--> statement-breakpoint
CREATE TYPE "public"."delivery" AS ENUM('in_person', 'online', 'hybrid');--> statement-breakpoint
CREATE TYPE "public"."drop_in_style" AS ENUM('open_forum', 'topic', 'speaker');--> statement-breakpoint
CREATE TYPE "public"."fee_per" AS ENUM('session', 'program');--> statement-breakpoint
CREATE TYPE "public"."group_format" AS ENUM('drop_in', 'closed', 'ongoing');--> statement-breakpoint
CREATE TYPE "public"."group_kind" AS ENUM('support_group', 'group_therapy', 'workshop', 'online_community');--> statement-breakpoint
CREATE TYPE "public"."group_status" AS ENUM('draft', 'published', 'archived');--> statement-breakpoint
CREATE TYPE "public"."leadership" AS ENUM('peer', 'professional', 'licensed');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('en', 'fr');--> statement-breakpoint
CREATE TYPE "public"."member_role" AS ENUM('owner', 'admin', 'facilitator');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."promotion_mode" AS ENUM('automatic', 'manual');--> statement-breakpoint
CREATE TYPE "public"."question_type" AS ENUM('text', 'choice', 'yes_no');--> statement-breakpoint
CREATE TYPE "public"."reach" AS ENUM('local', 'anywhere');--> statement-breakpoint
CREATE TYPE "public"."registration_status" AS ENUM('confirmed', 'waitlisted', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."session_status" AS ENUM('scheduled', 'cancelled', 'postponed', 'moved_online');--> statement-breakpoint
CREATE TYPE "public"."verification_status" AS ENUM('unverified', 'pending', 'verified', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."workshop_activity" AS ENUM('art', 'writing', 'music', 'movement', 'mindfulness', 'gardening', 'walking', 'other');--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"name" text NOT NULL,
	"locale" "locale" DEFAULT 'en' NOT NULL,
	"is_platform_admin" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "organization_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"role" "member_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_members_org_user" UNIQUE("organization_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name_en" text NOT NULL,
	"name_fr" text,
	"description_en" text,
	"description_fr" text,
	"website" text,
	"email" text,
	"phone" text,
	"city" text,
	"region" text,
	"verification" "verification_status" DEFAULT 'unverified' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "facilitators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"user_id" text,
	"display_name" text NOT NULL,
	"leadership" "leadership" NOT NULL,
	"credentials_en" text,
	"credentials_fr" text,
	"bio_en" text,
	"bio_fr" text,
	"licence_number" text,
	"licence_body" text,
	"licence_jurisdiction" text,
	"licence_status" "verification_status" DEFAULT 'unverified' NOT NULL,
	"licence_reviewed_at" timestamp with time zone,
	"licence_reviewed_by" text,
	"licence_review_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "facilitators_verified_licence_complete" CHECK ("facilitators"."licence_status" <> 'verified' or ("facilitators"."licence_number" is not null and "facilitators"."licence_body" is not null and "facilitators"."licence_jurisdiction" is not null))
);
--> statement-breakpoint
CREATE TABLE "topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"parent_id" uuid,
	"label_en" text NOT NULL,
	"label_fr" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "topics_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "group_facilitators" (
	"group_id" uuid NOT NULL,
	"facilitator_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "group_facilitators_group_id_facilitator_id_pk" PRIMARY KEY("group_id","facilitator_id")
);
--> statement-breakpoint
CREATE TABLE "group_topics" (
	"group_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	CONSTRAINT "group_topics_group_id_topic_id_pk" PRIMARY KEY("group_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"status" "group_status" DEFAULT 'draft' NOT NULL,
	"kind" "group_kind" NOT NULL,
	"leadership" "leadership" NOT NULL,
	"format" "group_format" NOT NULL,
	"drop_in_style" "drop_in_style",
	"delivery" "delivery" NOT NULL,
	"reach" "reach" DEFAULT 'anywhere' NOT NULL,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"cost_type" "cost_type" DEFAULT 'free' NOT NULL,
	"fee_cents" integer,
	"fee_currency" text,
	"fee_per" "fee_per",
	"suggested_donation_cents" integer,
	"insurance_receipts" boolean DEFAULT false NOT NULL,
	"covered_by_en" text,
	"covered_by_fr" text,
	"workshop_activity" "workshop_activity",
	"no_need_to_talk" boolean DEFAULT false NOT NULL,
	"materials_en" text,
	"materials_fr" text,
	"title_en" text,
	"title_fr" text,
	"summary_en" text,
	"summary_fr" text,
	"description_en" text,
	"description_fr" text,
	"what_to_expect_en" text,
	"what_to_expect_fr" text,
	"eligibility_en" text,
	"eligibility_fr" text,
	"treatment_focus_en" text,
	"treatment_focus_fr" text,
	"audience_en" text,
	"audience_fr" text,
	"rules_en" text,
	"rules_fr" text,
	"age_min" integer,
	"age_max" integer,
	"gender" text DEFAULT 'any' NOT NULL,
	"languages" text[] DEFAULT '{en}'::text[] NOT NULL,
	"faith" text DEFAULT 'non_denominational' NOT NULL,
	"accessibility" text[] DEFAULT '{}'::text[] NOT NULL,
	"camera_optional" boolean DEFAULT false NOT NULL,
	"max_size" integer,
	"time_zone" text NOT NULL,
	"venue_name" text,
	"street" text,
	"city" text,
	"province" text,
	"postal_code" text,
	"country" text,
	"latitude" double precision,
	"longitude" double precision,
	"online_url" text,
	"contact_email" text,
	"contact_phone" text,
	"signup_cutoff_minutes" integer DEFAULT 1440 NOT NULL,
	"session_capacity" integer,
	"intake_screening" boolean DEFAULT false NOT NULL,
	"attendance_tracked" boolean DEFAULT false NOT NULL,
	"waitlist_promotion" "promotion_mode" DEFAULT 'automatic' NOT NULL,
	"auto_accept" boolean DEFAULT false NOT NULL,
	"auto_approve" boolean DEFAULT false NOT NULL,
	"reminder_hours" integer[] DEFAULT '{24,1}'::int[] NOT NULL,
	"published_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "groups_slug_unique" UNIQUE("slug"),
	CONSTRAINT "groups_has_title" CHECK (coalesce("groups"."title_en", "groups"."title_fr") is not null),
	CONSTRAINT "groups_kind_leadership" CHECK (("groups"."kind" <> 'group_therapy' or "groups"."leadership" = 'licensed') and ("groups"."kind" <> 'support_group' or "groups"."leadership" in ('peer', 'professional'))),
	CONSTRAINT "groups_community_shape" CHECK (("groups"."kind" = 'online_community') = ("groups"."format" = 'ongoing') and ("groups"."kind" <> 'online_community' or "groups"."delivery" = 'online')),
	CONSTRAINT "groups_drop_in_style" CHECK (("groups"."format" = 'drop_in') = ("groups"."drop_in_style" is not null)),
	CONSTRAINT "groups_workshop_activity" CHECK (("groups"."kind" = 'workshop') = ("groups"."workshop_activity" is not null)),
	CONSTRAINT "groups_fee" CHECK (("groups"."cost_type" <> 'fee') or ("groups"."fee_cents" is not null and "groups"."fee_cents" >= 0 and "groups"."fee_currency" is not null and "groups"."fee_per" is not null)),
	CONSTRAINT "groups_online_no_address" CHECK ("groups"."delivery" <> 'online' or "groups"."street" is null),
	CONSTRAINT "groups_cutoff" CHECK ("groups"."signup_cutoff_minutes" >= 0),
	CONSTRAINT "groups_capacity" CHECK ("groups"."session_capacity" is null or "groups"."session_capacity" > 0),
	CONSTRAINT "groups_ages" CHECK ("groups"."age_min" is null or "groups"."age_max" is null or "groups"."age_min" <= "groups"."age_max")
);
--> statement-breakpoint
CREATE TABLE "schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"rrule" text NOT NULL,
	"starts_local" timestamp NOT NULL,
	"duration_minutes" integer NOT NULL,
	"until_local" timestamp,
	"exceptions_local" timestamp[] DEFAULT '{}'::timestamp[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schedules_duration" CHECK ("schedules"."duration_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "cohorts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"session_count" integer NOT NULL,
	"capacity" integer,
	"minimum_participants" integer,
	"decision_at" timestamp with time zone,
	"late_join_until_session" integer DEFAULT 0 NOT NULL,
	"status" "cohort_status" DEFAULT 'open' NOT NULL,
	"postponed_from_starts_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohorts_dates" CHECK ("cohorts"."starts_on" <= "cohorts"."ends_on"),
	CONSTRAINT "cohorts_session_count" CHECK ("cohorts"."session_count" > 0),
	CONSTRAINT "cohorts_capacity" CHECK ("cohorts"."capacity" is null or "cohorts"."capacity" > 0),
	CONSTRAINT "cohorts_minimum" CHECK ("cohorts"."minimum_participants" is null or ("cohorts"."minimum_participants" > 0 and ("cohorts"."capacity" is null or "cohorts"."minimum_participants" <= "cohorts"."capacity") and "cohorts"."decision_at" is not null)),
	CONSTRAINT "cohorts_late_join" CHECK ("cohorts"."late_join_until_session" >= 0)
);
--> statement-breakpoint
CREATE TABLE "modules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title_en" text,
	"title_fr" text,
	"summary_en" text,
	"summary_fr" text,
	CONSTRAINT "modules_cohort_position" UNIQUE("cohort_id","position"),
	CONSTRAINT "modules_has_title" CHECK (coalesce("modules"."title_en", "modules"."title_fr") is not null)
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"schedule_id" uuid,
	"cohort_id" uuid,
	"module_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" "session_status" DEFAULT 'scheduled' NOT NULL,
	"status_reason" text,
	"original_starts_at" timestamp with time zone,
	"capacity" integer,
	"topic_en" text,
	"topic_fr" text,
	"speaker_name" text,
	"speaker_bio_en" text,
	"speaker_bio_fr" text,
	"languages" text[],
	"make_up_for_session_id" uuid,
	"is_extra" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_time_order" CHECK ("sessions"."starts_at" < "sessions"."ends_at"),
	CONSTRAINT "sessions_capacity" CHECK ("sessions"."capacity" is null or "sessions"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"locale" "locale" DEFAULT 'en' NOT NULL,
	"manage_token_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participants_email_unique" UNIQUE("email"),
	CONSTRAINT "participants_manage_token_hash_unique" UNIQUE("manage_token_hash")
);
--> statement-breakpoint
CREATE TABLE "intake_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"type" "question_type" NOT NULL,
	"label_en" text,
	"label_fr" text,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	CONSTRAINT "intake_questions_group_position" UNIQUE("group_id","position")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"status" "application_status" DEFAULT 'applied' NOT NULL,
	"waitlist_position" integer,
	"display_name" text NOT NULL,
	"locale" "locale" DEFAULT 'en' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"committed_at" timestamp with time zone NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"decision_note" text,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "applications_waitlist_position" CHECK (("applications"."status" = 'waitlisted') = ("applications"."waitlist_position" is not null))
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"status" "registration_status" NOT NULL,
	"waitlist_position" integer,
	"display_name" text NOT NULL,
	"locale" "locale" DEFAULT 'en' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "registrations_waitlist_position" CHECK (("registrations"."status" = 'waitlisted') = ("registrations"."waitlist_position" is not null))
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"status" "attendance_status" NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" text,
	CONSTRAINT "attendance_session_participant" UNIQUE("session_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"to_email" text NOT NULL,
	"locale" "locale" NOT NULL,
	"template" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"transactional" boolean DEFAULT true NOT NULL,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"message_id" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_outbox_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organization_members" ADD CONSTRAINT "organization_members_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_members" ADD CONSTRAINT "organization_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilitators" ADD CONSTRAINT "facilitators_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilitators" ADD CONSTRAINT "facilitators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilitators" ADD CONSTRAINT "facilitators_licence_reviewed_by_users_id_fk" FOREIGN KEY ("licence_reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topics" ADD CONSTRAINT "topics_parent_id_topics_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_facilitators" ADD CONSTRAINT "group_facilitators_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_facilitators" ADD CONSTRAINT "group_facilitators_facilitator_id_facilitators_id_fk" FOREIGN KEY ("facilitator_id") REFERENCES "public"."facilitators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_topics" ADD CONSTRAINT "group_topics_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_topics" ADD CONSTRAINT "group_topics_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "modules" ADD CONSTRAINT "modules_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_schedule_id_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."schedules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_module_id_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."modules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_make_up_for_session_id_sessions_id_fk" FOREIGN KEY ("make_up_for_session_id") REFERENCES "public"."sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_questions" ADD CONSTRAINT "intake_questions_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_members_user_id_index" ON "organization_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "facilitators_organization_id_index" ON "facilitators" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "topics_parent_id_index" ON "topics" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "group_facilitators_facilitator_id_index" ON "group_facilitators" USING btree ("facilitator_id");--> statement-breakpoint
CREATE INDEX "group_topics_topic_id_index" ON "group_topics" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "groups_organization_id_index" ON "groups" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "groups_status_kind_index" ON "groups" USING btree ("status","kind");--> statement-breakpoint
CREATE INDEX "schedules_group_id_index" ON "schedules" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "cohorts_group_id_starts_on_index" ON "cohorts" USING btree ("group_id","starts_on");--> statement-breakpoint
CREATE INDEX "sessions_group_id_starts_at_index" ON "sessions" USING btree ("group_id","starts_at");--> statement-breakpoint
CREATE INDEX "sessions_starts_at_index" ON "sessions" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "sessions_cohort_id_index" ON "sessions" USING btree ("cohort_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_per_person" ON "applications" USING btree ("cohort_id","participant_id") WHERE "applications"."status" not in ('withdrawn', 'declined');--> statement-breakpoint
CREATE UNIQUE INDEX "applications_waitlist_order" ON "applications" USING btree ("cohort_id","waitlist_position") WHERE "applications"."status" = 'waitlisted';--> statement-breakpoint
CREATE INDEX "applications_participant_id_index" ON "applications" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_one_per_person" ON "registrations" USING btree ("session_id","participant_id") WHERE "registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_waitlist_order" ON "registrations" USING btree ("session_id","waitlist_position") WHERE "registrations"."status" = 'waitlisted';--> statement-breakpoint
CREATE INDEX "registrations_participant_id_index" ON "registrations" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "attendance_participant_id_index" ON "attendance" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "email_outbox_due" ON "email_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "audit_log_organization_id_created_at_index" ON "audit_log" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_type_entity_id_index" ON "audit_log" USING btree ("entity_type","entity_id");