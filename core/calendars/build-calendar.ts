import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { DateTime } from 'luxon';
import { getT, type Locale } from '../../i18n';

// RFC 5545 calendars. Every date-time is written in the group's IANA zone (DTSTART;TZID=…) with a
// VTIMEZONE for that zone, so calendar apps expand recurrences on local wall-clock time and keep
// 19:00 at 19:00 across daylight-saving changes. Online meeting links never go in here.

export interface CalendarEvent {
  uid: string;
  timeZone: string;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  status: 'confirmed' | 'cancelled';
  /** A recurring event: an RRULE (without DTSTART) and the local start times it skips. */
  recurrence?: { rule: string; untilLocal: string | null; exceptionsLocal: string[] };
  /** An override of one occurrence of a recurring event with the same uid: its planned start. */
  recurrenceId?: Date;
  /** The event's revision (SEQUENCE, 0 by default): a calendar replaces an entry by a higher one. */
  sequence?: number;
  /** Who runs the event (ORGANIZER), for updates and cancellations sent by email. */
  organizer?: { name: string; email: string } | null;
}

// A zone's VTIMEZONE block never changes while the process runs; building one took a fifth of the
// time of a confirmation's calendar.
const zoneBlocks = new Map<string, string | null>();
function zoneBlock(zone: string): string | null {
  let block = zoneBlocks.get(zone);
  if (block === undefined) zoneBlocks.set(zone, (block = tzlib_get_ical_block(zone)[0] ?? null));
  return block;
}

const inZone = (date: Date, zone: string) => DateTime.fromJSDate(date, { zone });
const localIso = (local: string) => local.trim().replace(' ', 'T');
const basic = (d: DateTime) => d.toFormat("yyyyMMdd'T'HHmmss");

/** `FREQ=…;BYDAY=…` lines of a stored rule, made safe to embed (one line, known characters only). */
function recurrenceLines(event: CalendarEvent): string {
  const r = event.recurrence!;
  const rule = r.rule.replace(/^RRULE:/i, '').trim();
  if (!/^[A-Z]+=[A-Z0-9,+-]+(;[A-Z]+=[A-Z0-9,+-]+)*$/i.test(rule)) throw new Error(`unexpected recurrence rule: ${rule}`);
  const parts = [rule];
  // With a zoned DTSTART, UNTIL must be in UTC (RFC 5545 §3.3.10).
  if (r.untilLocal && !/(^|;)(UNTIL|COUNT)=/i.test(rule)) {
    parts.push(`UNTIL=${DateTime.fromISO(localIso(r.untilLocal), { zone: event.timeZone }).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'")}`);
  }
  const lines = [`RRULE:${parts.join(';')}`];
  if (r.exceptionsLocal.length) {
    const skipped = r.exceptionsLocal.map((x) => basic(DateTime.fromISO(localIso(x), { zone: event.timeZone })));
    lines.push(`EXDATE;TZID=${event.timeZone}:${skipped.join(',')}`);
  }
  return lines.join('\r\n');
}

/**
 * An event as a discreet calendar shows it (issue 36): an "Appointment" at its time and place,
 * with no page, no organizer and only the description given (a meeting link, or nothing).
 */
export function discreetEvent(event: CalendarEvent, locale: Locale, description = ''): CalendarEvent {
  return { ...event, summary: getT(locale)('email.discreet.event'), description, url: null, organizer: null };
}

/**
 * One calendar (.ics text) holding the events, stamped with `now`. `method` is for a file sent by
 * email (RFC 5546): `publish` adds or updates the events, `cancel` removes them; feeds have none.
 */
export function buildCalendar({
  name,
  events,
  now,
  method,
}: {
  name: string;
  events: CalendarEvent[];
  now: Date;
  method?: 'publish' | 'cancel';
}): string {
  const cal = ical({
    name,
    prodId: { company: 'Cercle', product: 'Cercle', language: 'EN' },
    method: method === 'cancel' ? ICalCalendarMethod.CANCEL : method === 'publish' ? ICalCalendarMethod.PUBLISH : null,
  });
  // No calendar-wide zone: each event carries its own, and one VTIMEZONE is written per zone used.
  cal.timezone({ name: null, generator: zoneBlock });
  for (const e of events) {
    cal.createEvent({
      id: e.uid,
      stamp: DateTime.fromJSDate(now, { zone: 'utc' }),
      timezone: e.timeZone,
      start: inZone(e.start, e.timeZone),
      end: inZone(e.end, e.timeZone),
      summary: e.summary,
      description: e.description,
      location: e.location,
      url: e.url,
      status: e.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      repeating: e.recurrence ? recurrenceLines(e) : null,
      recurrenceId: e.recurrenceId ? inZone(e.recurrenceId, e.timeZone) : undefined,
      sequence: e.sequence ?? 0,
      organizer: e.organizer ?? null,
    });
  }
  return cal.toString();
}
