import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { groups, intakeQuestions, participants, registrations, sessions, type Answers } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { NotFound, RateLimited, Refused } from '../errors';
import { enqueueEmail } from '../email/enqueue';
import { rows } from '../search/rows';
import { perDatabase } from '../../db/prepared';
import { signupWindow } from './signup-window';
import { checkEmailAnswer, HOLD_MINUTES } from './holds';
import { joinLimits, limitArrays } from '../limits/rate-limit';
import { checkAnswers, checkEligibility, groupForEmail, personFields, sessionForEmail, type GroupRow, type SessionRow } from './shared';

export const registerForSessionInput = z.object({ sessionId: z.uuid(), ...personFields });
export type RegisterForSessionInput = z.input<typeof registerForSessionInput>;

/**
 * What a sign-up did. None of it may be shown to whoever sent the form (decision 0010): the API and
 * the page answer `answer`, the same for every address; the person learns the rest by email.
 */
export interface RegistrationResult {
  /** The registration written, or the one already held when `status` is `already_registered`. */
  registrationId: string;
  participantId: string;
  status: 'confirmed' | 'waitlisted' | 'already_registered';
  /** Place in line (1 = next) when waitlisted. */
  position: number | null;
  /** When the place is released unless the person opens the emailed link; null for a proven address. */
  holdExpiresAt: Date | null;
  answer: ReturnType<typeof checkEmailAnswer>;
}

type SignupGroup = Pick<
  GroupRow,
  | 'id' | 'organizationId' | 'format' | 'signupCutoffMinutes' | 'reach' | 'regions' | 'ageMin' | 'ageMax' | 'sessionCapacity'
  | 'slug' | 'slugFr' | 'titleEn' | 'titleFr' | 'timeZone' | 'delivery' | 'venueName' | 'street' | 'city' | 'onlineUrl'
>;
type SignupSession = Pick<SessionRow, 'id' | 'startsAt' | 'endsAt' | 'status' | 'capacity'>;

/** Whether a session takes sign-ups now (its group's format, its status, the cutoff: signup-window.ts). */
function checkOpen(ctx: Context, session: SignupSession, group: SignupGroup): void {
  switch (signupWindow(group, session, ctx.now).closedReason) {
    case null:
      return;
    case 'not_drop_in':
      throw new Refused('closed', 'this group takes applications, not sign-ups');
    case 'cancelled':
      throw new Refused('closed', 'this session is cancelled');
    case 'started':
      throw new Refused('closed', 'this session has already started');
    case 'cutoff_passed':
      throw new Refused('cutoff_passed', 'sign-up for this session has closed');
  }
}

function isUniqueViolation(err: unknown, constraint: string): boolean {
  for (let e = err as { code?: string; constraint?: string; message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505' && (e.constraint === constraint || e.message?.includes(constraint))) return true;
  }
  return false;
}

/** The reason given by `register_for_session` when it refuses (SQLSTATE CR001, reason in the hint). */
function refusal(err: unknown): string | undefined {
  for (let e = err as { code?: string; hint?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === 'CR001') return e.hint ?? 'not_found';
  }
  return undefined;
}

/**
 * The session and the parts of its group a sign-up needs, in one statement (published groups
 * only). It is the busiest read of the app, so it is prepared once per connection: planning it took
 * several times longer than running it.
 */
const findSessionStatement = perDatabase((db) =>
  db
    .select({
      session: { id: sessions.id, startsAt: sessions.startsAt, endsAt: sessions.endsAt, status: sessions.status, capacity: sessions.capacity },
      group: {
        id: groups.id, organizationId: groups.organizationId, format: groups.format, signupCutoffMinutes: groups.signupCutoffMinutes,
        reach: groups.reach, regions: groups.regions, ageMin: groups.ageMin, ageMax: groups.ageMax, sessionCapacity: groups.sessionCapacity,
        slug: groups.slug, slugFr: groups.slugFr, titleEn: groups.titleEn, titleFr: groups.titleFr, timeZone: groups.timeZone, delivery: groups.delivery,
        venueName: groups.venueName, street: groups.street, city: groups.city, onlineUrl: groups.onlineUrl,
      },
      hasQuestions: sql<boolean>`exists (select 1 from ${intakeQuestions} q where q.group_id = ${groups.id})`,
    })
    .from(sessions)
    .innerJoin(groups, eq(groups.id, sessions.groupId))
    .where(and(eq(sessions.id, sql.placeholder('sessionId')), eq(groups.status, 'published')))
    .prepare('signup_find_session'),
);

async function findSession(ctx: Context, sessionId: string): Promise<{ session: SignupSession; group: SignupGroup; hasQuestions: boolean } | null> {
  const [r] = await findSessionStatement(ctx.db).execute({ sessionId });
  return r ? { session: r.session, group: r.group as SignupGroup, hasQuestions: r.hasQuestions } : null;
}

/**
 * Signs a person up for one drop-in session: a confirmed place while seats remain, otherwise a
 * place on the waitlist. Everything that can be checked without the seats is checked first; then
 * one statement locks the session row (one sign-up at a time per session, across processes),
 * counts the seats and writes everything — so several app processes on one PostgreSQL never sell
 * more places than there are, and the lock is held for no network round trip.
 */
export async function registerForSession({ ctx, input }: { ctx: Context; input: RegisterForSessionInput }): Promise<RegistrationResult> {
  const q = parseInput(registerForSessionInput, input);
  const found = await findSession(ctx, q.sessionId);
  if (!found) throw new NotFound('session');
  const { group } = found;
  checkOpen(ctx, found.session, group);
  checkEligibility(group as GroupRow, q);
  // Most groups ask nothing: their sign-ups skip the questions query (unknown answers are still refused).
  const answers: Answers = found.hasQuestions || Object.keys(q.answers).length > 0 ? await checkAnswers(ctx, group.id, q.answers) : {};

  const registrationId = randomUUID();
  // The seats are decided by one database function call, in one transaction: it counts the sign-up
  // against its limits (counted once the sign-up is valid, so someone correcting the form is not
  // held back; over a limit, nothing is written and a loop of sign-ups and cancellations stops after
  // a few emails), locks the session, checks it is still open, counts the seats and writes the
  // participant, registration, email and audit entry (db/migrations/0029_sign_ups_in_one_call.sql).
  // The payload here is the part of the email known already.
  const limits = limitArrays(joinLimits(ctx, q.email, `session:${q.sessionId}`));
  const payload = { name: q.name, group: groupForEmail(group as GroupRow) };
  const email = q.email.trim().toLowerCase();
  const answer = checkEmailAnswer(ctx.now, found.session.startsAt);
  try {
    const [row] = await rows<{
      out_status: string;
      out_participant_id: string | null;
      out_position: number | null;
      out_hold_expires_at: string | Date | null;
      out_retry_after: number | null;
    }>(
      ctx.db,
      sql`select out_status, out_participant_id, out_position, out_hold_expires_at, out_retry_after from register_for_session(
            ${registrationId}::uuid, ${q.sessionId}::uuid, ${email}, ${ctx.locale}::locale, ${q.name},
            ${JSON.stringify(answers)}::jsonb, ${ctx.now.toISOString()}::timestamptz, ${JSON.stringify(payload)}::jsonb,
            make_interval(mins => ${HOLD_MINUTES}), ${limits.keys}, ${limits.windows}, ${limits.maxes}, ${q.discreet})`,
    );
    if (row!.out_status === 'rate_limited') throw new RateLimited('too many requests', Number(row!.out_retry_after), 'too_many_requests');
    if (row!.out_status === 'already_registered') return { ...(await alreadyRegistered(ctx, { email, sessionId: q.sessionId, name: q.name, attempt: registrationId, payload })), answer };
    return {
      registrationId,
      participantId: row!.out_participant_id!,
      status: row!.out_status as RegistrationResult['status'],
      position: row!.out_position == null ? null : Number(row!.out_position),
      holdExpiresAt: row!.out_hold_expires_at == null ? null : new Date(row!.out_hold_expires_at),
      answer,
    };
  } catch (err) {
    // The address already holds a place (or a place in line; the function finds it first, this is
    // the last guard): the answer is the same as for a new one, so that nobody learns who attends;
    // the person is told by email (decision 0010).
    if (isUniqueViolation(err, 'registrations_one_per_person')) {
      return { ...(await alreadyRegistered(ctx, { email, sessionId: q.sessionId, name: q.name, attempt: registrationId, payload })), answer };
    }
    // What changed while this sign-up waited for the lock (the function undid everything):
    switch (refusal(err)) {
      case undefined:
        throw err;
      case 'not_taking_signups':
        throw new Refused('closed', 'this session is not taking sign-ups');
      case 'started':
        throw new Refused('closed', 'this session has already started');
      case 'cutoff_passed':
        throw new Refused('cutoff_passed', 'sign-up for this session has closed');
      default:
        throw new NotFound('session');
    }
  }
}

/** Emails a person who signed up again for a session where they already hold a place. */
async function alreadyRegistered(
  ctx: Context,
  p: { email: string; sessionId: string; name: string; attempt: string; payload: { group: ReturnType<typeof groupForEmail> } },
): Promise<Omit<RegistrationResult, 'answer'>> {
  const [held] = await ctx.db
    .select({ id: registrations.id, participantId: registrations.participantId, locale: participants.locale, session: sessions })
    .from(registrations)
    .innerJoin(participants, eq(participants.id, registrations.participantId))
    .innerJoin(sessions, eq(sessions.id, registrations.sessionId))
    .where(and(eq(participants.email, p.email), eq(registrations.sessionId, p.sessionId), sql`${registrations.status} <> 'cancelled'`));
  // Cancelled meanwhile: nothing to tell (the next try signs them up).
  if (!held) throw new Refused('closed', 'please try again');
  await enqueueEmail(ctx, {
    key: `registration:${held.id}:again:${p.attempt}`,
    to: p.email,
    locale: ctx.locale,
    template: 'registration_already',
    payload: { participantId: held.participantId, name: p.name, group: p.payload.group, session: sessionForEmail(held.session) },
  });
  return { registrationId: held.id, participantId: held.participantId, status: 'already_registered', position: null, holdExpiresAt: null };
}
