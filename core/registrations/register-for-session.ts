import { and, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, groups, registrations, sessions } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { NotFound, Refused } from '../errors';
import { enqueueEmail } from '../email/enqueue';
import { scopedManageUrl, upsertParticipant } from '../participants/manage-link';
import { checkAnswers, checkEligibility, groupForEmail, onlineLinkFor, personFields, sessionCapacity, sessionForEmail, type GroupRow, type SessionRow } from './shared';

export const registerForSessionInput = z.object({ sessionId: z.uuid(), ...personFields });
export type RegisterForSessionInput = z.input<typeof registerForSessionInput>;

export interface RegistrationResult {
  registrationId: string;
  participantId: string;
  status: 'confirmed' | 'waitlisted';
  /** Place in line (1 = next) when waitlisted. */
  position: number | null;
  manageUrl: string;
}

/** Whether a session takes sign-ups now (its group's format, its status, the cutoff). */
function checkOpen(ctx: Context, session: SessionRow, group: GroupRow): void {
  if (group.format !== 'drop_in') throw new Refused('closed', 'this group takes applications, not sign-ups');
  if (session.status === 'cancelled' || session.status === 'postponed') throw new Refused('closed', 'this session is not taking sign-ups');
  if (ctx.now >= session.startsAt) throw new Refused('closed', 'this session has already started');
  const cutoff = new Date(session.startsAt.getTime() - group.signupCutoffMinutes * 60_000);
  if (ctx.now >= cutoff) throw new Refused('cutoff_passed', 'sign-up for this session has closed');
}

function isUniqueViolation(err: unknown, constraint: string): boolean {
  for (let e = err as { code?: string; constraint?: string; message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505' && (e.constraint === constraint || e.message?.includes(constraint))) return true;
  }
  return false;
}

/**
 * Signs a person up for one drop-in session: a confirmed place while seats remain, otherwise a
 * place on the waitlist. Everything that can be checked without the seats is checked first; then
 * the session row is locked (one sign-up at a time per session, across processes) only for
 * counting the seats and writing the registration, its email and its audit entry — so several
 * app processes on one PostgreSQL never sell more places than there are, and the lock is short.
 */
export async function registerForSession({ ctx, input }: { ctx: Context; input: RegisterForSessionInput }): Promise<RegistrationResult> {
  const q = parseInput(registerForSessionInput, input);
  const [found] = await ctx.db
    .select({ s: sessions, g: groups })
    .from(sessions)
    .innerJoin(groups, eq(groups.id, sessions.groupId))
    .where(and(eq(sessions.id, q.sessionId), eq(groups.status, 'published')));
  if (!found) throw new NotFound('session');
  checkOpen(ctx, found.s, found.g);
  checkEligibility(found.g, q);
  const answers = await checkAnswers(ctx, found.g.id, q.answers);

  try {
    return await withTransaction(ctx, async (tx) => {
      const participant = await upsertParticipant(tx, q.email, tx.locale);
      const [session] = await tx.db.select().from(sessions).where(eq(sessions.id, q.sessionId)).for('update');
      if (!session) throw new NotFound('session');
      const group = found.g;
      checkOpen(tx, session, group); // it may have changed while we waited for the lock
      const [stats] = await tx.db
        .select({
          confirmed: sql<number>`count(*) filter (where ${registrations.status} = 'confirmed')::int`,
          waiting: sql<number>`count(*) filter (where ${registrations.status} = 'waitlisted')::int`,
          lastTicket: sql<number | null>`max(${registrations.waitlistPosition}) filter (where ${registrations.status} = 'waitlisted')`,
        })
        .from(registrations)
        .where(and(eq(registrations.sessionId, session.id), ne(registrations.status, 'cancelled')));
      const capacity = sessionCapacity(session, group);
      const full = capacity != null && (stats?.confirmed ?? 0) >= capacity;
      const ticket = full ? Number(stats?.lastTicket ?? 0) + 1 : null;
      const [registration] = await tx.db
        .insert(registrations)
        .values({
          sessionId: session.id,
          participantId: participant.id,
          status: full ? 'waitlisted' : 'confirmed',
          waitlistPosition: ticket,
          displayName: q.name,
          locale: tx.locale,
          answers,
          consentAt: tx.now,
          createdAt: tx.now,
        })
        .returning({ id: registrations.id });
      // The new ticket is the last one: its place in line is everyone waiting, plus one.
      const position = full ? (stats?.waiting ?? 0) + 1 : null;

      await enqueueEmail(tx, {
        key: `registration:${registration!.id}:${full ? 'waitlisted' : 'confirmed'}`,
        to: participant.email,
        locale: tx.locale,
        template: full ? 'registration_waitlisted' : 'registration_confirmed',
        payload: {
          participantId: participant.id,
          name: q.name,
          group: groupForEmail(group),
          session: sessionForEmail(session),
          ...(full ? { position: position ?? undefined } : { onlineUrl: onlineLinkFor(group, session) }),
        },
      });
      await tx.db.insert(auditLog).values({
        organizationId: group.organizationId,
        actorType: 'participant',
        actorId: participant.id,
        action: full ? 'registration.waitlisted' : 'registration.confirmed',
        entityType: 'registration',
        entityId: registration!.id,
        createdAt: tx.now,
      });
      return {
        registrationId: registration!.id,
        participantId: participant.id,
        status: full ? 'waitlisted' : 'confirmed',
        position,
        manageUrl: scopedManageUrl(tx.settings, tx.locale, { kind: 'registration', id: registration!.id }),
      };
    });
  } catch (err) {
    // Two sign-ups with one email racing: the unique index decides, the loser is told why.
    if (isUniqueViolation(err, 'registrations_one_per_person')) {
      throw new Refused('duplicate', 'this email already holds a place in this session');
    }
    throw err;
  }
}
