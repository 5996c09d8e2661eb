import { and, eq, gte, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import { applications, participants, registrations, sessions } from '../../db/schema';
import { getT } from '../../i18n';
import { parseInput, type Context } from '../context';
import { NotFound } from '../errors';
import { getGroup, type PublicGroup } from '../groups';
import { verifyScopedToken } from '../participants/manage-link';
import { scopedCalendarToken } from '../participants/get-my-registrations';
import { participantFromToken } from '../participants/resolve';
import { buildCalendar, discreetEvent, type CalendarEvent } from './build-calendar';
import { sessionEvent, type CalendarFile } from './group-calendar';
import { calendarSequences } from './session-sequence';

// A person's private calendar feed: the sessions they hold a seat in (confirmed sign-ups, and the
// sessions of cohorts they were accepted to), from a month back on, for a calendar app to
// subscribe to. Its link is made from the manage page and can be stopped there; a link carries
// the number of the feed it was made for (participants.calendar_feed), so a stopped link never
// works again, even when a new one is made. Like every calendar, it never holds an online link.

/** How far back the feed keeps sessions. */
const KEPT_DAYS = 30;
const MAX_GROUPS = 50;


export const setCalendarFeedInput = z.object({ token: z.string().min(1).max(200), on: z.boolean() });

/**
 * Makes the person's feed link (a new one, with a number no earlier link had) or stops it, from
 * their manage link. Returns the token of the link now working, or null.
 */
export async function setCalendarFeed({ ctx, input }: { ctx: Context; input: z.input<typeof setCalendarFeedInput> }): Promise<{ feedToken: string | null }> {
  const q = parseInput(setCalendarFeedInput, input);
  const person = await participantFromToken(ctx, q.token);
  const current = person.calendarFeed;
  // On: the next number after any used so far. Off: the number kept, below 0, so the next link is new.
  const next = q.on ? (current > 0 ? current : Math.abs(current) + 1) : -Math.abs(current);
  if (next !== current) await ctx.db.update(participants).set({ calendarFeed: next }).where(eq(participants.id, person.id));
  return { feedToken: scopedCalendarToken(ctx.settings, person.id, next) };
}

/** The feed of a link; a forged, stopped or replaced link is not found. */
export async function getMyCalendar({
  ctx,
  input,
}: {
  ctx: Context;
  input: { feedToken: string; pageUrl: (slug: string) => string };
}): Promise<CalendarFile> {
  const scope = verifyScopedToken(ctx.settings, input.feedToken, ctx.now);
  if (scope?.kind !== 'calendar') throw new NotFound('calendar');
  const [person] = await ctx.db
    .select({ id: participants.id, discreet: participants.discreet })
    .from(participants)
    .where(and(eq(participants.id, scope.participantId), eq(participants.calendarFeed, scope.feed)));
  if (!person) throw new NotFound('calendar');

  const since = new Date(ctx.now.getTime() - KEPT_DAYS * 24 * 60 * 60 * 1000);
  const accepted = ctx.db
    .select({ cohortId: applications.cohortId })
    .from(applications)
    .where(and(eq(applications.participantId, person.id), eq(applications.status, 'accepted')));
  const signedUp = ctx.db
    .select({ sessionId: registrations.sessionId })
    .from(registrations)
    .where(and(eq(registrations.participantId, person.id), eq(registrations.status, 'confirmed')));
  const held = await ctx.db
    .select({ id: sessions.id, groupId: sessions.groupId })
    .from(sessions)
    .where(and(gte(sessions.endsAt, since), or(inArray(sessions.id, signedUp), inArray(sessions.cohortId, accepted))));
  const heldIds = new Set(held.map((s) => s.id));

  const events: CalendarEvent[] = [];
  for (const groupId of [...new Set(held.map((s) => s.groupId))].slice(0, MAX_GROUPS)) {
    let g: PublicGroup;
    try {
      // The group as the public sees it, with its sessions from the start of the kept month.
      g = await getGroup({ ctx: { ...ctx, now: since }, input: { ref: groupId, sessionLimit: 200 } });
    } catch (err) {
      if (err instanceof NotFound) continue;
      throw err;
    }
    const mine = g.sessions.filter((s) => heldIds.has(s.id));
    const sequences = await calendarSequences(ctx, mine.filter((s) => s.status !== 'scheduled').map((s) => s.id));
    const url = input.pageUrl(g.slugs[ctx.locale]);
    events.push(...mine.map((s) => sessionEvent(g, s, ctx, url, sequences)));
  }
  // Discreet mode: each entry is an "Appointment" at its time and place, and the feed has a neutral name.
  const t = getT(ctx.locale);
  if (person.discreet) return { filename: 'calendar.ics', ics: buildCalendar({ name: t('email.discreet.event'), events: events.map((e) => discreetEvent(e, ctx.locale)), now: ctx.now }) };
  return { filename: 'cercle.ics', ics: buildCalendar({ name: t('manage.calendar.name'), events, now: ctx.now }) };
}
