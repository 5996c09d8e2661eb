-- Corrections to journeys (sessions, sign-ups, applications, slugs). Each change is its own
-- statement, separated by statement breakpoints.
SELECT 1;
--> statement-breakpoint
-- lead: a slug in each language; French addresses had the English slug (they now redirect).
ALTER TABLE "groups" ADD COLUMN "slug_fr" text;
--> statement-breakpoint
-- lead: French slugs for existing groups with a French title: the folded title, then the English
-- slug's random suffix when it has one (or six characters of the id), so it stays unique.
UPDATE "groups" SET "slug_fr" = concat_ws('-',
    coalesce(nullif(regexp_replace(left(regexp_replace(lower(unaccent("title_fr")), '[^a-z0-9]+', '-', 'g'), 60), '^-+|-+$', '', 'g'), ''), 'groupe'),
    coalesce(substring("slug" from '-([0-9a-f]{6})$'), substr(replace("id"::text, '-', ''), 1, 6)))
  WHERE "title_fr" IS NOT NULL;
--> statement-breakpoint
-- lead: a French slug that equals its English slug is the same address: keep one.
UPDATE "groups" SET "slug_fr" = NULL WHERE "slug_fr" = "slug";
--> statement-breakpoint
-- lead: one group per French address.
ALTER TABLE "groups" ADD CONSTRAINT "groups_slug_fr_unique" UNIQUE("slug_fr");
--> statement-breakpoint
-- run: where replies to an organizer's email go (Reply-To), stored with the message.
ALTER TABLE "email_outbox" ADD COLUMN "reply_to" text;
--> statement-breakpoint
-- run: a walk-in at the door has no participant row (no email), only a name.
ALTER TABLE "attendance" ALTER COLUMN "participant_id" DROP NOT NULL;
--> statement-breakpoint
-- run: the name or nickname a walk-in gave at the door.
ALTER TABLE "attendance" ADD COLUMN "walk_in_name" text;
--> statement-breakpoint
-- run: a row is either a mark for a participant or a walk-in (existing rows all have a participant).
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_person_or_walk_in" CHECK (("attendance"."participant_id" is null) = ("attendance"."walk_in_name" is not null));
--> statement-breakpoint
-- run: a walk-in came: always present.
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_walk_in_present" CHECK ("attendance"."walk_in_name" is null or "attendance"."status" = 'present');
--> statement-breakpoint
-- guide: search rows say whether the group's organization is verified (search and the guide rank those first).
ALTER TABLE "group_search" ADD COLUMN "org_verified" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- guide: existing search rows take their organization's verification.
UPDATE "group_search" SET "org_verified" = true FROM "groups" g JOIN "organizations" o ON o."id" = g."organization_id" WHERE g."id" = "group_search"."group_id" AND o."verification" = 'verified';
--> statement-breakpoint
-- apply: a closed group can say that its facilitator calls each applicant (existing groups do not).
ALTER TABLE "groups" ADD COLUMN "calls_applicants" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- apply: only closed groups take applications, so only they call applicants.
ALTER TABLE "groups" ADD CONSTRAINT "groups_calls_applicants" CHECK (not "groups"."calls_applicants" or "groups"."format" = 'closed');
--> statement-breakpoint
-- apply: the phone number an applicant gives when the facilitator calls (existing applications have none).
ALTER TABLE "applications" ADD COLUMN "phone" text;
--> statement-breakpoint
-- apply: a phone number is short.
ALTER TABLE "applications" ADD CONSTRAINT "applications_phone" CHECK ("applications"."phone" is null or char_length("applications"."phone") <= 40);
--> statement-breakpoint
-- sched: a schedule of a closed group may belong to one cohort (null: it serves every cohort).
ALTER TABLE "schedules" ADD COLUMN "cohort_id" uuid;
--> statement-breakpoint
-- sched: a cohort's own schedules go with it.
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- sched: the schedules of a cohort are looked up by cohort.
CREATE INDEX "schedules_cohort_id_index" ON "schedules" USING btree ("cohort_id");
--> statement-breakpoint
-- sched: backfill. In a closed group with several schedules and several cohorts, a schedule whose
-- first date is the start date of exactly one cohort belongs to that cohort (the demo data's
-- shape). Groups with one schedule keep it for every cohort.
UPDATE "schedules" AS s SET "cohort_id" = c."id"
  FROM "cohorts" AS c, "groups" AS g
  WHERE s."cohort_id" IS NULL AND g."id" = s."group_id" AND g."format" = 'closed'
    AND c."group_id" = s."group_id" AND c."starts_on" = s."starts_local"::date
    AND (SELECT count(*) FROM "cohorts" AS c2 WHERE c2."group_id" = s."group_id" AND c2."starts_on" = s."starts_local"::date) = 1
    AND (SELECT count(*) FROM "schedules" AS s2 WHERE s2."group_id" = s."group_id") > 1
    AND (SELECT count(*) FROM "cohorts" AS c3 WHERE c3."group_id" = s."group_id") > 1;
--> statement-breakpoint
-- sched: backfill. Otherwise, in such a group, a schedule whose sessions all belong to one cohort
-- belongs to that cohort.
UPDATE "schedules" AS s SET "cohort_id" = x."cohort_id"
  FROM (
    SELECT "schedule_id", min("cohort_id"::text)::uuid AS "cohort_id" FROM "sessions"
      WHERE "schedule_id" IS NOT NULL
      GROUP BY "schedule_id"
      HAVING count(DISTINCT "cohort_id") = 1 AND count("cohort_id") = count(*)
  ) AS x, "groups" AS g
  WHERE s."cohort_id" IS NULL AND x."schedule_id" = s."id" AND g."id" = s."group_id" AND g."format" = 'closed'
    AND (SELECT count(*) FROM "schedules" AS s2 WHERE s2."group_id" = s."group_id") > 1
    AND (SELECT count(*) FROM "cohorts" AS c3 WHERE c3."group_id" = s."group_id") > 1;
--> statement-breakpoint
-- join: a postponed session keeps taking sign-ups (as the group page and the sign-up form say);
-- the seat function is the one of 0008 with only that check changed.
CREATE OR REPLACE FUNCTION register_for_session(
	p_registration_id uuid,
	p_session_id uuid,
	p_email text,
	p_locale locale,
	p_name text,
	p_answers jsonb,
	p_now timestamptz,
	p_payload jsonb
) RETURNS TABLE (out_status text, out_participant_id uuid, out_position integer)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
	v_session record;
	v_confirmed integer;
	v_waiting integer;
	v_last_ticket integer;
	v_participant uuid;
	v_email text;
	v_status registration_status;
	v_payload jsonb;
BEGIN
	-- A refusal (not found, not taking sign-ups, started, cutoff passed) is raised as SQLSTATE CR001
	-- with the reason as its hint, which undoes the whole statement.
	-- The person first (locks as their data deletion does: person, then session).
	INSERT INTO participants AS pt (email, locale) VALUES (p_email, p_locale)
		ON CONFLICT (email) DO UPDATE SET locale = excluded.locale
		RETURNING pt.id, pt.email INTO v_participant, v_email;

	-- One sign-up at a time per session. In a volatile function each later statement takes a new
	-- snapshot, so the count below sees every sign-up committed while this one waited.
	SELECT s.status, s.starts_at, s.ends_at, coalesce(s.capacity, g.session_capacity) AS capacity,
			g.signup_cutoff_minutes, g.organization_id, g.delivery, g.online_url
		INTO v_session
		FROM sessions s JOIN groups g ON g.id = s.group_id
		WHERE s.id = p_session_id AND g.status = 'published' AND g.format = 'drop_in'
		FOR NO KEY UPDATE OF s;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'register_for_session: not_found' USING ERRCODE = 'CR001', HINT = 'not_found';
	END IF;
	-- A postponed session still takes place, at its new time: only a cancelled one refuses.
	IF v_session.status = 'cancelled' THEN
		RAISE EXCEPTION 'register_for_session: not_taking_signups' USING ERRCODE = 'CR001', HINT = 'not_taking_signups';
	END IF;
	IF p_now >= v_session.starts_at THEN
		RAISE EXCEPTION 'register_for_session: started' USING ERRCODE = 'CR001', HINT = 'started';
	END IF;
	IF p_now >= v_session.starts_at - make_interval(mins => v_session.signup_cutoff_minutes) THEN
		RAISE EXCEPTION 'register_for_session: cutoff_passed' USING ERRCODE = 'CR001', HINT = 'cutoff_passed';
	END IF;

	-- The confirmed places are counted through a partial index (at most the capacity); the waitlist's
	-- length and last ticket are read from its counter row (kept by the trigger above), whatever
	-- its length.
	SELECT count(*) INTO v_confirmed
		FROM registrations r WHERE r.session_id = p_session_id AND r.status = 'confirmed';
	SELECT w.last_ticket, w.waiting INTO v_last_ticket, v_waiting
		FROM session_waitlists w WHERE w.session_id = p_session_id;
	v_last_ticket := coalesce(v_last_ticket, 0);
	v_waiting := coalesce(v_waiting, 0);

	v_status := CASE WHEN v_session.capacity IS NOT NULL AND v_confirmed >= v_session.capacity THEN 'waitlisted' ELSE 'confirmed' END;
	INSERT INTO registrations (id, session_id, participant_id, status, waitlist_position, display_name, locale, answers, consent_at, created_at)
		VALUES (p_registration_id, p_session_id, v_participant, v_status,
			CASE WHEN v_status = 'waitlisted' THEN v_last_ticket + 1 END,
			p_name, p_locale, p_answers, p_now, p_now);

	-- The email: a waitlisted person learns their place in line (everyone waiting, plus one); a
	-- confirmed one gets the meeting link when the group meets online or the session moved online.
	v_payload := p_payload || jsonb_build_object(
		'participantId', v_participant,
		'session', jsonb_build_object(
			'id', p_session_id,
			'startsAt', to_char(v_session.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
			'endsAt', to_char(v_session.ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')));
	IF v_status = 'waitlisted' THEN
		out_position := v_waiting + 1;
		v_payload := v_payload || jsonb_build_object('position', out_position);
	ELSE
		v_payload := v_payload || jsonb_build_object('onlineUrl',
			CASE WHEN v_session.delivery <> 'in_person' OR v_session.status = 'moved_online' THEN v_session.online_url END);
	END IF;
	-- Both messages are transactional (no unsubscribe link).
	INSERT INTO email_outbox (idempotency_key, to_email, locale, template, payload, transactional, next_attempt_at, created_at)
		VALUES ('registration:' || p_registration_id || ':' || v_status, v_email, p_locale, 'registration_' || v_status,
			v_payload, true, p_now, p_now)
		ON CONFLICT (idempotency_key) DO NOTHING;

	INSERT INTO audit_log (organization_id, actor_type, actor_id, action, entity_type, entity_id, created_at)
		VALUES (v_session.organization_id, 'participant', v_participant::text, 'registration.' || v_status,
			'registration', p_registration_id::text, p_now);

	out_status := v_status::text;
	out_participant_id := v_participant;
	RETURN NEXT;
END
$$;
