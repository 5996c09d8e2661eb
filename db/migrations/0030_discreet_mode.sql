ALTER TABLE "participants" ADD COLUMN "discreet" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Counts a request against its limits (consume_limits) and gives the seconds to wait when it is
-- over one of them (the longest wait of those over, at least 1), else null: the one rule of the
-- wait, for register_for_session and for every other limited action (core/limits/rate-limit.ts).
CREATE FUNCTION limits_wait(p_keys text[], p_windows integer[], p_maxes integer[], p_now timestamptz)
RETURNS integer LANGUAGE sql VOLATILE AS $$
	-- (greatest() skips nulls: the wait is taken only when some limit is over.)
	SELECT greatest(w.seconds, 1) FROM (
		SELECT max(ceil(extract(epoch from (c.window_started_at - p_now)) + c.window_ms / 1000.0))::integer AS seconds
			FROM consume_limits(p_keys, p_windows, p_now) c
			JOIN unnest(p_keys, p_maxes) AS l(key, max) ON l.key = c.key
			WHERE c.count > l.max
	) w WHERE w.seconds IS NOT NULL
$$;--> statement-breakpoint
-- Discreet mode (issue 36): a sign-up may ask for it, in the same call as the seat
-- (register_for_session, as in 0029, with one more parameter; its limits counted by limits_wait).
DROP FUNCTION register_for_session(uuid, uuid, text, locale, text, jsonb, timestamptz, jsonb, interval, text[], integer[], integer[]);--> statement-breakpoint
CREATE FUNCTION register_for_session(
	p_registration_id uuid,
	p_session_id uuid,
	p_email text,
	p_locale locale,
	p_name text,
	p_answers jsonb,
	p_now timestamptz,
	p_payload jsonb,
	p_hold interval,
	p_limit_keys text[],
	p_limit_windows integer[],
	p_limit_maxes integer[],
	p_discreet boolean DEFAULT false
) RETURNS TABLE (out_status text, out_participant_id uuid, out_position integer, out_hold_expires_at timestamptz, out_retry_after integer)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
	v_session record;
	v_confirmed integer;
	v_waiting integer;
	v_last_ticket integer;
	v_participant uuid;
	v_email text;
	v_proven timestamptz;
	v_hold timestamptz;
	v_status registration_status;
	v_payload jsonb;
	v_wait integer;
BEGIN
	-- The sign-up counts against its limits first (consume_limits); over one of them, nothing else
	-- is written and the caller is told how many seconds to wait. The count stays counted.
	v_wait := limits_wait(p_limit_keys, p_limit_windows, p_limit_maxes, p_now);
	IF v_wait IS NOT NULL THEN
		out_status := 'rate_limited';
		out_retry_after := v_wait;
		RETURN NEXT;
		RETURN;
	END IF;

	-- A refusal (not found, not taking sign-ups, started, cutoff passed) is raised as SQLSTATE CR001
	-- with the reason as its hint, which undoes the whole statement.
	-- The person first (locks as their data deletion does: person, then session).
	-- Asking for discreet emails turns discreet mode on; only the manage page turns it off (a later
	-- sign-up that does not ask again must not undo it).
	INSERT INTO participants AS pt (email, locale, discreet) VALUES (p_email, p_locale, p_discreet)
		ON CONFLICT (email) DO UPDATE SET locale = excluded.locale, discreet = pt.discreet OR excluded.discreet
		RETURNING pt.id, pt.email, pt.email_confirmed_at INTO v_participant, v_email, v_proven;

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

	-- A person who already holds a place (or a place in line) gets nothing new but the count that
	-- their try took: the caller tells them by email (decision 0010). The session's lock makes the
	-- check and the insert below one step for every sign-up to this session.
	IF EXISTS (SELECT 1 FROM registrations r WHERE r.session_id = p_session_id AND r.participant_id = v_participant AND r.status <> 'cancelled') THEN
		out_status := 'already_registered';
		out_participant_id := v_participant;
		RETURN NEXT;
		RETURN;
	END IF;

	-- The confirmed places (held ones included) are counted through a partial index (at most the
	-- capacity); the waitlist's length and last ticket are read from its counter row (kept by the
	-- trigger of migration 0008), whatever its length.
	SELECT count(*) INTO v_confirmed
		FROM registrations r WHERE r.session_id = p_session_id AND r.status = 'confirmed';
	SELECT w.last_ticket, w.waiting INTO v_last_ticket, v_waiting
		FROM session_waitlists w WHERE w.session_id = p_session_id;
	v_last_ticket := coalesce(v_last_ticket, 0);
	v_waiting := coalesce(v_waiting, 0);

	v_hold := CASE WHEN v_proven IS NULL THEN least(p_now + p_hold, v_session.starts_at) END;
	v_status := CASE WHEN v_session.capacity IS NOT NULL AND v_confirmed >= v_session.capacity THEN 'waitlisted' ELSE 'confirmed' END;
	INSERT INTO registrations (id, session_id, participant_id, status, waitlist_position, display_name, locale, answers, consent_at, created_at, hold_expires_at)
		VALUES (p_registration_id, p_session_id, v_participant, v_status,
			CASE WHEN v_status = 'waitlisted' THEN v_last_ticket + 1 END,
			p_name, p_locale, p_answers, p_now, p_now, v_hold);

	-- The email: a waitlisted person learns their place in line (everyone waiting, plus one); a
	-- confirmed one of a proven address gets the meeting link when the group meets online or the
	-- session moved online; a held one is asked to confirm before the hold ends.
	v_payload := p_payload || jsonb_build_object(
		'participantId', v_participant,
		'session', jsonb_build_object(
			'id', p_session_id,
			'startsAt', to_char(v_session.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
			'endsAt', to_char(v_session.ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')));
	IF v_status = 'waitlisted' THEN
		out_position := v_waiting + 1;
		v_payload := v_payload || jsonb_build_object('position', out_position);
	ELSIF v_hold IS NULL THEN
		v_payload := v_payload || jsonb_build_object('onlineUrl',
			CASE WHEN v_session.delivery <> 'in_person' OR v_session.status = 'moved_online' THEN v_session.online_url END);
	END IF;
	IF v_hold IS NOT NULL THEN
		v_payload := v_payload || jsonb_build_object('holdExpiresAt', to_char(v_hold AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
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
	out_hold_expires_at := v_hold;
	RETURN NEXT;
END
$$;
