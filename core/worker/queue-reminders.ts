import { and, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import { applications, groups, participants, registrations, sessions } from '../../db/schema';
import type { Context } from '../context';
import { enqueueEmail } from '../email/enqueue';
import { groupForEmail, onlineLinkFor, sessionForEmail } from '../registrations/shared';

const HOUR = 3_600_000;

/**
 * Which reminder is due for a session starting at `startsAt`: the smallest of the group's
 * reminder lead times (e.g. 24 h, 1 h) whose window has begun. A worker that was down past the
 * 24 h mark sends only the 1 h reminder, never both at once.
 */
export function dueReminder(startsAt: Date, now: Date, hours: number[]): number | null {
  const left = startsAt.getTime() - now.getTime();
  if (left <= 0) return null;
  const open = hours.filter((h) => h > 0 && left <= h * HOUR);
  return open.length ? Math.min(...open) : null;
}

/**
 * The outbox key of one reminder. A session moved to a new time gets new reminders (its start is
 * part of the key), so a reminder sent for the old time does not stand for the new one; a session
 * never moved keeps the plain key.
 */
export function reminderKey(hours: number, session: { id: string; startsAt: Date; originalStartsAt: Date | null }, participantId: string): string {
  const base = `reminder:${hours}h:${session.id}:${participantId}`;
  return session.originalStartsAt ? `${base}:${session.startsAt.toISOString()}` : base;
}

/**
 * Queues the reminders that are due: to confirmed people of drop-in sessions and accepted
 * members of cohort sessions (places still held for an unproven address excepted), unless they unsubscribed, for sessions that take place (scheduled,
 * moved online, or postponed: then by their new time). Keys make each reminder unique, so
 * running this every few seconds, in several processes, queues each one once. Reminders queued
 * before a change are withdrawn by the change itself (withdrawPendingReminders).
 */
export async function queueReminders(ctx: Context): Promise<number> {
  const maxHours = 48;
  const upcoming = await ctx.db
    .select({ s: sessions, g: groups })
    .from(sessions)
    .innerJoin(groups, eq(groups.id, sessions.groupId))
    .where(
      and(
        gt(sessions.startsAt, ctx.now),
        lte(sessions.startsAt, new Date(ctx.now.getTime() + maxHours * HOUR)),
        inArray(sessions.status, ['scheduled', 'moved_online', 'postponed']),
        eq(groups.status, 'published'),
      ),
    );
  let queued = 0;
  for (const { s, g } of upcoming) {
    const hours = dueReminder(s.startsAt, ctx.now, g.reminderHours);
    if (hours == null) continue;
    const people = s.cohortId
      ? await ctx.db
          .select({ participantId: applications.participantId, name: applications.displayName, locale: applications.locale, email: participants.email })
          .from(applications)
          .innerJoin(participants, eq(participants.id, applications.participantId))
          .where(and(eq(applications.cohortId, s.cohortId), eq(applications.status, 'accepted'), isNull(applications.holdExpiresAt), isNull(participants.unsubscribedAt)))
      : await ctx.db
          .select({ participantId: registrations.participantId, name: registrations.displayName, locale: registrations.locale, email: participants.email })
          .from(registrations)
          .innerJoin(participants, eq(participants.id, registrations.participantId))
          .where(and(eq(registrations.sessionId, s.id), eq(registrations.status, 'confirmed'), isNull(registrations.holdExpiresAt), isNull(participants.unsubscribedAt)));
    for (const p of people) {
      await enqueueEmail(ctx, {
        key: reminderKey(hours, s, p.participantId),
        to: p.email,
        locale: p.locale,
        template: 'session_reminder',
        payload: {
          participantId: p.participantId,
          name: p.name,
          group: groupForEmail(g),
          session: sessionForEmail(s),
          hoursBefore: hours,
          onlineUrl: onlineLinkFor(g, s),
        },
      });
      queued++;
    }
  }
  return queued;
}
