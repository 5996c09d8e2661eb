import { and, asc, desc, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { groups, organizations, sessions } from '../../db/schema';
import { getT } from '../../i18n';
import { parseInput, type Context } from '../context';
import { NotFound } from '../errors';
import { getGroup, type PublicGroup, type PublicSession } from '../groups';
import { isUuid, pick } from '../text';
import { groupSlugIs } from '../groups/slugs';
import { buildCalendar, discreetEvent, type CalendarEvent } from './build-calendar';
import { calendarSequences } from './session-sequence';


export interface CalendarFile {
  filename: string;
  ics: string;
}

const pageUrl = z.url({ protocol: /^https?$/ });

function eventText(g: PublicGroup, s: PublicSession | null, ctx: Context, url: string) {
  const t = getT(ctx.locale);
  const title = pick(g.title, ctx.locale)?.text ?? g.slug;
  const topic = s ? pick(s.topic, ctx.locale)?.text : undefined;
  let summary = topic ? `${title} · ${topic}` : title;
  if (s?.status === 'cancelled') summary = t('listing.calendar.cancelled', { title: summary });
  else if (s?.status === 'postponed') summary = t('listing.calendar.postponed', { title: summary });
  else if (s?.status === 'moved_online') summary = t('listing.calendar.movedOnline', { title: summary });
  const online = g.delivery !== 'in_person' || s?.status === 'moved_online';
  const lines = [
    pick(g.summary, ctx.locale)?.text,
    s?.statusReason ? t('listing.calendar.reason', { reason: s.statusReason }) : null,
    s?.speaker ? t('listing.calendar.speaker', { name: s.speaker.name }) : null,
    online ? t('listing.calendar.onlineLink') : null,
    t('listing.calendar.details', { url }),
  ];
  const v = g.venue;
  const address = v ? [v.name, v.street, [v.city, v.province].filter(Boolean).join(', '), v.postalCode].filter(Boolean).join(', ') : '';
  const location =
    g.delivery === 'online' || s?.status === 'moved_online' || !address
      ? t('listing.calendar.online')
      : g.delivery === 'hybrid'
        ? t('listing.calendar.hybridLocation', { address })
        : address;
  return { summary, description: lines.filter(Boolean).join('\n\n'), location };
}

function host(url: string) {
  return new URL(url).host;
}

/** One session as a calendar event, worded in the context's language, at the revision its emails carried. */
export function sessionEvent(g: PublicGroup, s: PublicSession, ctx: Context, url: string, sequences: Map<string, number>): CalendarEvent {
  return {
    uid: `session-${s.id}@${host(url)}`,
    // The same revision as the emails of its changes carry, so neither undoes the other.
    sequence: sequences.get(s.id) ?? 0,
    timeZone: g.timeZone,
    start: s.startsAt,
    end: s.endsAt,
    url,
    status: s.status === 'cancelled' ? 'cancelled' : 'confirmed',
    ...eventText(g, s, ctx, url),
  };
}

/** Whether an occurrence of a schedule differs from what the rule alone says. */
const differs = (s: PublicSession) => s.status !== 'scheduled' || s.topic.en || s.topic.fr || s.speaker;

/**
 * The events of a published group's schedule: each recurring schedule as a recurring event (its
 * rule, skipped dates and cancelled sessions excluded, changed sessions as overrides of their
 * occurrence), then every upcoming session that belongs to no schedule (cohort sessions, extra
 * sessions). Text is in the context's language.
 */
async function groupEvents(ctx: Context, g: PublicGroup, pageUrl: string): Promise<CalendarEvent[]> {
  const schedules = new Map(g.schedules.map((s) => [s.id, s]));
  const sequences = await calendarSequences(ctx, g.sessions.filter((s) => s.status !== 'scheduled').map((s) => s.id));
  const events: CalendarEvent[] = [];
  for (const schedule of g.schedules) {
    const occurrences = g.sessions.filter((s) => s.scheduleId === schedule.id);
    const plannedLocal = (s: PublicSession) =>
      DateTime.fromJSDate(s.originalStartsAt ?? s.startsAt, { zone: g.timeZone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
    const start = DateTime.fromISO(schedule.startsLocal.replace(' ', 'T'), { zone: g.timeZone });
    const uid = `schedule-${schedule.id}@${host(pageUrl)}`;
    events.push({
      uid,
      timeZone: g.timeZone,
      start: start.toJSDate(),
      end: start.plus({ minutes: schedule.durationMinutes }).toJSDate(),
      url: pageUrl,
      status: 'confirmed',
      recurrence: {
        rule: schedule.rrule,
        untilLocal: schedule.untilLocal,
        exceptionsLocal: [...schedule.exceptionsLocal, ...occurrences.filter((s) => s.status === 'cancelled').map(plannedLocal)],
      },
      ...eventText(g, null, ctx, pageUrl),
    });
    for (const s of occurrences.filter((o) => o.status !== 'cancelled' && differs(o))) {
      events.push({ ...sessionEvent(g, s, ctx, pageUrl, sequences), uid, recurrenceId: s.originalStartsAt ?? s.startsAt });
    }
  }
  for (const s of g.sessions.filter((x) => !x.scheduleId || !schedules.has(x.scheduleId))) {
    events.push(sessionEvent(g, s, ctx, pageUrl, sequences));
  }
  return events;
}

/** The whole schedule of a published group as one calendar (see `groupEvents`). */
export async function getGroupCalendar({
  ctx,
  input,
}: {
  ctx: Context;
  input: { ref: string; pageUrl: string };
}): Promise<CalendarFile> {
  const q = parseInput(z.object({ ref: z.string().trim().min(1).max(200), pageUrl }), input);
  const g = await getGroup({ ctx, input: { ref: q.ref, sessionLimit: 200 } });
  const name = pick(g.title, ctx.locale)?.text ?? g.slug;
  return { filename: `${g.slug}.ics`, ics: buildCalendar({ name, events: await groupEvents(ctx, g, q.pageUrl), now: ctx.now }) };
}

/** The most groups one calendar of several holds (an organization's, a search's). */
export const MAX_CALENDAR_GROUPS = 100;

/**
 * Several published groups in one calendar, each with its whole schedule, in the order given;
 * ids that are not published groups are left out. `pageUrl` gives a group's page from its slug in
 * the context's language.
 */
export async function getGroupsCalendar({
  ctx,
  input,
}: {
  ctx: Context;
  input: { groupIds: string[]; name: string; filename: string; pageUrl: (slug: string) => string };
}): Promise<CalendarFile> {
  const events: CalendarEvent[] = [];
  for (const id of input.groupIds.slice(0, MAX_CALENDAR_GROUPS)) {
    let g: PublicGroup;
    try {
      g = await getGroup({ ctx, input: { ref: id, sessionLimit: 200 } });
    } catch (err) {
      // Unpublished since it was listed: it is simply not in the calendar.
      if (err instanceof NotFound) continue;
      throw err;
    }
    events.push(...(await groupEvents(ctx, g, pageUrl.parse(input.pageUrl(g.slugs[ctx.locale])))));
  }
  return { filename: input.filename, ics: buildCalendar({ name: input.name, events, now: ctx.now }) };
}

/** Every published group of an organization in one calendar, most recently published first. */
export async function getOrganizationCalendar({
  ctx,
  input,
}: {
  ctx: Context;
  input: { organizationSlug: string; pageUrl: (slug: string) => string };
}): Promise<CalendarFile> {
  const slug = z.string().trim().min(1).max(200).parse(input.organizationSlug);
  const [org] = await ctx.db.select().from(organizations).where(eq(organizations.slug, slug));
  if (!org) throw new NotFound('organization');
  const rows = await ctx.db
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.organizationId, org.id), eq(groups.status, 'published')))
    .orderBy(desc(groups.publishedAt), asc(groups.id))
    .limit(MAX_CALENDAR_GROUPS);
  const name = (ctx.locale === 'fr' ? org.nameFr : null) ?? org.nameEn;
  return getGroupsCalendar({ ctx, input: { groupIds: rows.map((r) => r.id), name, filename: `${org.slug}.ics`, pageUrl: input.pageUrl } });
}

/**
 * One session of a published group as a calendar with one event (also for a cancelled session).
 * `discreet`: the entry a person in discreet mode adds from their manage page, an "Appointment"
 * with nothing of the group, under a neutral file name.
 */
export async function getSessionCalendar({
  ctx,
  input,
}: {
  ctx: Context;
  input: { ref: string; sessionId: string; pageUrl: string; discreet?: boolean };
}): Promise<CalendarFile> {
  const q = parseInput(z.object({ ref: z.string().trim().min(1).max(200), sessionId: z.string(), pageUrl, discreet: z.boolean().default(false) }), input);
  if (!isUuid(q.sessionId)) throw new NotFound('session');
  const [row] = await ctx.db
    .select({ startsAt: sessions.startsAt })
    .from(sessions)
    .innerJoin(groups, eq(groups.id, sessions.groupId))
    .where(and(eq(sessions.id, q.sessionId), groupSlugIs(q.ref), eq(groups.status, 'published')))
    .limit(1);
  if (!row) throw new NotFound('session');
  // The group as the public sees it, with its sessions from this one's start on.
  const g = await getGroup({ ctx: { ...ctx, now: row.startsAt }, input: { ref: q.ref, sessionLimit: 200 } });
  const s = g.sessions.find((x) => x.id === q.sessionId);
  if (!s) throw new NotFound('session');
  const date = DateTime.fromJSDate(s.startsAt, { zone: g.timeZone }).toFormat('yyyy-MM-dd');
  const event = sessionEvent(g, s, ctx, q.pageUrl, await calendarSequences(ctx, [s.id]));
  if (q.discreet) {
    return { filename: `${date}.ics`, ics: buildCalendar({ name: getT(ctx.locale)('email.discreet.event'), events: [discreetEvent(event, ctx.locale)], now: ctx.now }) };
  }
  const name = pick(g.title, ctx.locale)?.text ?? g.slug;
  return { filename: `${g.slug}-${date}.ics`, ics: buildCalendar({ name, events: [event], now: ctx.now }) };
}
