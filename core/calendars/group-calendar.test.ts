import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import ical, { type VEvent } from 'node-ical';
import { DateTime } from 'luxon';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createGroup, createSchedule, createSession } from '../../tests/support/factories';
import { expandSchedule } from '../schedules/expand-schedule';
import { createContext } from '../context';
import { eq } from 'drizzle-orm';
import { organizations } from '../../db/schema';
import { getGroupCalendar, getOrganizationCalendar, getSessionCalendar } from './index';

// A weekly Tuesday 19:00 group in Toronto, across the end of daylight-saving time (1 November 2026).
const NOW = new Date('2026-10-01T12:00:00Z');
const ZONE = 'America/Toronto';
const PAGE = 'https://cercle.example/en/groups/tuesday';
const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
const wall = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");

// What both parsers must expand the whole schedule to: 20 October is a skipped date, 10 November
// is cancelled, and the session of 24 November is postponed to Thursday 26.
const EXPECTED_LOCAL_STARTS = [
  '2026-10-06T19:00',
  '2026-10-13T19:00',
  '2026-10-27T19:00',
  '2026-11-03T19:00',
  '2026-11-17T19:00',
  '2026-11-26T19:00',
];

let t: TestDatabase;
let slug: string;
let extraId: string;
let cancelledId: string;
let orgSlug: string;
let otherSlug: string;

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
  const g = await createGroup(t, {
    timeZone: ZONE,
    delivery: 'hybrid',
    onlineUrl: 'https://meet.example.org/calendar-secret',
    venueName: 'Maple Hall',
    titleEn: 'Tuesday circle',
    titleFr: 'Cercle du mardi',
  });
  slug = g.slug;
  orgSlug = (await t.db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, g.organizationId)))[0]!.slug;
  // A second group of the same organization, in another zone, and a draft that stays out.
  const other = await createGroup(t, { organizationId: g.organizationId, timeZone: 'America/Vancouver', titleEn: 'Coast circle', publishedAt: new Date('2026-09-01T00:00:00Z') });
  otherSlug = other.slug;
  await createSession(t, { groupId: other.id, startsAt: new Date('2026-11-02T02:00:00Z'), endsAt: new Date('2026-11-02T03:30:00Z') });
  await createGroup(t, { organizationId: g.organizationId, status: 'draft', publishedAt: null, titleEn: 'Not yet' });
  const rule = { rrule: 'FREQ=WEEKLY;BYDAY=TU', startsLocal: '2026-10-06T19:00:00', untilLocal: '2026-11-24T19:00:00', exceptionsLocal: ['2026-10-20T19:00:00'] };
  const schedule = await createSchedule(t, { groupId: g.id, ...rule });
  // Sessions are materialized from the schedule, as the app does.
  const occurrences = expandSchedule(
    { ...rule, durationMinutes: 90, timeZone: ZONE },
    { from: new Date('2026-10-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') },
  );
  for (const o of occurrences) {
    const base = { groupId: g.id, scheduleId: schedule.id, startsAt: o.startsAt, endsAt: o.endsAt };
    if (o.local === '2026-11-10T19:00') {
      cancelledId = (await createSession(t, { ...base, status: 'cancelled', statusReason: 'Hall closed' })).id;
    } else if (o.local === '2026-11-17T19:00') {
      await createSession(t, { ...base, status: 'moved_online', statusReason: 'Ice storm' });
    } else if (o.local === '2026-11-24T19:00') {
      await createSession(t, {
        ...base,
        status: 'postponed',
        originalStartsAt: o.startsAt,
        startsAt: local('2026-11-26T19:00'),
        endsAt: local('2026-11-26T20:30'),
      });
    } else {
      await createSession(t, base);
    }
  }
  extraId = (await createSession(t, { groupId: g.id, startsAt: local('2026-11-05T18:00'), topicEn: 'Holiday season' })).id;
});
afterAll(async () => {
  await t.close();
});

const ctx = (locale: 'en' | 'fr' = 'en') => createContext(t.db, { now: NOW, locale });

describe('getGroupCalendar', () => {
  it('is valid RFC 5545 with a VTIMEZONE, and never carries the online link', async () => {
    const { ics, filename } = await getGroupCalendar({ ctx: ctx(), input: { ref: slug, pageUrl: PAGE } });
    expect(filename).toBe(`${slug}.ics`);
    expect(ics).not.toContain('calendar-secret');
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('prodid')).toBeTruthy();
    const tz = cal.getAllSubcomponents('vtimezone');
    expect(tz.map((z) => z.getFirstPropertyValue('tzid'))).toEqual([ZONE]);
    for (const ev of cal.getAllSubcomponents('vevent')) {
      expect(ev.getFirstPropertyValue('uid')).toBeTruthy();
      expect(ev.getFirstPropertyValue('dtstamp')?.toString()).toMatch(/Z$/);
      expect(ev.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(ZONE);
    }
  });

  it('expands (ical.js) to Tuesdays at 19:00 local on both sides of the DST change, with exceptions and changes', async () => {
    const { ics } = await getGroupCalendar({ ctx: ctx(), input: { ref: slug, pageUrl: PAGE } });
    const cal = new ICAL.Component(ICAL.parse(ics));
    ICAL.TimezoneService.register(cal.getFirstSubcomponent('vtimezone')!);
    const vevents = cal.getAllSubcomponents('vevent');
    const master = new ICAL.Event(vevents.find((v) => v.hasProperty('rrule') && !v.hasProperty('recurrence-id'))!);
    for (const v of vevents) if (v.hasProperty('recurrence-id')) master.relateException(new ICAL.Event(v));
    const out: { start: Date; summary: string; description: string }[] = [];
    const it = master.iterator();
    for (let next = it.next(); next; next = it.next()) {
      const d = master.getOccurrenceDetails(next);
      out.push({ start: d.startDate.toJSDate(), summary: d.item.summary, description: d.item.description });
    }
    expect(out.map((o) => wall(o.start))).toEqual(EXPECTED_LOCAL_STARTS);
    // The real instants move by an hour in UTC when DST ends: 23:00Z before, 00:00Z after.
    expect(out[2]?.start.toISOString()).toBe('2026-10-27T23:00:00.000Z');
    expect(out[3]?.start.toISOString()).toBe('2026-11-04T00:00:00.000Z');
    expect(out[4]?.summary).toBe('Tuesday circle (moved online)');
    expect(out[4]?.description).toContain('Reason: Ice storm');
    expect(out[5]?.summary).toBe('Tuesday circle (new date)');
  });

  it('expands (node-ical) to the same local times, and lists the extra session on its own', async () => {
    const { ics } = await getGroupCalendar({ ctx: ctx(), input: { ref: slug, pageUrl: PAGE } });
    const parsed = ical.sync.parseICS(ics);
    const vevents = Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
    const master = vevents.find((v) => v.rrule)!;
    const instances = ical.expandRecurringEvent(master, { from: new Date('2026-10-01T00:00:00Z'), to: new Date('2026-12-31T00:00:00Z') });
    expect(instances.map((i) => wall(i.start))).toEqual(EXPECTED_LOCAL_STARTS);
    expect(instances.find((i) => wall(i.start) === '2026-11-03T19:00')?.start.toISOString()).toBe('2026-11-04T00:00:00.000Z');
    const extra = vevents.find((v) => v.uid.startsWith(`session-${extraId}@`));
    expect(extra && wall(extra.start)).toBe('2026-11-05T18:00');
    expect(extra?.summary).toBe('Tuesday circle · Holiday season');
    expect(String(extra?.location)).toBe('Maple Hall, 1 Test Street, Ottawa, ON (or online)');
  });

  it('writes the text in the reader’s language', async () => {
    const { ics } = await getGroupCalendar({ ctx: ctx('fr'), input: { ref: slug, pageUrl: PAGE.replace('/en/groups/', '/fr/groupes/') } });
    expect(ics).toContain('SUMMARY:Cercle du mardi (tenue en ligne)');
  });

  it('refuses unknown and unpublished groups', async () => {
    await expect(getGroupCalendar({ ctx: ctx(), input: { ref: 'nope', pageUrl: PAGE } })).rejects.toMatchObject({ code: 'not_found' });
    const draft = await createGroup(t, { status: 'draft' });
    await expect(getGroupCalendar({ ctx: ctx(), input: { ref: draft.slug, pageUrl: PAGE } })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('getSessionCalendar', () => {
  it('is one event in the group’s zone, parsed alike by ical.js and node-ical', async () => {
    const { ics, filename } = await getSessionCalendar({ ctx: ctx(), input: { ref: slug, sessionId: extraId, pageUrl: PAGE } });
    expect(filename).toBe(`${slug}-2026-11-05.ics`);
    expect(ics).not.toContain('calendar-secret');
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getAllSubcomponents('vtimezone')).toHaveLength(1);
    ICAL.TimezoneService.register(cal.getFirstSubcomponent('vtimezone')!);
    const ev = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
    expect(ev.startDate.zone?.tzid).toBe(ZONE);
    expect(ev.startDate.toString()).toBe('2026-11-05T18:00:00');
    expect(ev.startDate.toJSDate().toISOString()).toBe('2026-11-05T23:00:00.000Z');
    expect(ev.endDate.toJSDate().toISOString()).toBe('2026-11-06T00:30:00.000Z');
    expect(ev.description).toContain(PAGE);
    expect(ev.description).toContain('The link to join online is sent to confirmed participants only.');
    const parsed = Object.values(ical.sync.parseICS(ics)).find((c): c is VEvent => c?.type === 'VEVENT');
    expect(parsed?.start.toISOString()).toBe('2026-11-05T23:00:00.000Z');
    expect(parsed?.start.tz).toBe(ZONE);
  });

  it('marks a cancelled session as cancelled', async () => {
    const { ics } = await getSessionCalendar({ ctx: ctx(), input: { ref: slug, sessionId: cancelledId, pageUrl: PAGE } });
    const ev = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    expect(ev.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(ev.getFirstPropertyValue('summary')).toBe('Cancelled: Tuesday circle');
  });

  it('refuses a session of another group, a malformed id and an unknown one', async () => {
    const other = await createGroup(t);
    for (const sessionId of [extraId, 'not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      const ref = sessionId === extraId ? other.slug : slug;
      await expect(getSessionCalendar({ ctx: ctx(), input: { ref, sessionId, pageUrl: PAGE } })).rejects.toMatchObject({ code: 'not_found' });
    }
  });
});

describe('getOrganizationCalendar', () => {
  const pageUrl = (s: string) => `https://cercle.example/en/groups/${s}`;

  it('holds every published group of the organization, each in its own zone, across the DST change (ical.js and node-ical)', async () => {
    const { ics, filename } = await getOrganizationCalendar({ ctx: ctx(), input: { organizationSlug: orgSlug, pageUrl } });
    expect(filename).toBe(`${orgSlug}.ics`);
    expect(ics).not.toContain('calendar-secret');
    expect(ics).not.toContain('Not yet');
    const cal = new ICAL.Component(ICAL.parse(ics));
    const zones = cal.getAllSubcomponents('vtimezone');
    expect(zones.map((z) => z.getFirstPropertyValue('tzid')).sort()).toEqual(['America/Toronto', 'America/Vancouver']);
    for (const z of zones) ICAL.TimezoneService.register(z);
    const vevents = cal.getAllSubcomponents('vevent');
    const master = new ICAL.Event(vevents.find((v) => v.hasProperty('rrule') && !v.hasProperty('recurrence-id'))!);
    for (const v of vevents) if (v.hasProperty('recurrence-id')) master.relateException(new ICAL.Event(v));
    const starts: string[] = [];
    const it = master.iterator();
    for (let next = it.next(); next; next = it.next()) starts.push(wall(master.getOccurrenceDetails(next).startDate.toJSDate()));
    expect(starts).toEqual(EXPECTED_LOCAL_STARTS);
    // The other group's session, 1 November 19:00 in Vancouver (still daylight time there: 02:00Z).
    const parsed = Object.values(ical.sync.parseICS(ics)).filter((c): c is VEvent => c?.type === 'VEVENT');
    const coast = parsed.find((v) => v.summary === 'Coast circle')!;
    expect(coast.start.toISOString()).toBe('2026-11-02T02:00:00.000Z');
    expect(coast.start.tz).toBe('America/Vancouver');
    expect(coast.description).toContain(pageUrl(otherSlug));
  });

  it('refuses an unknown organization', async () => {
    await expect(getOrganizationCalendar({ ctx: ctx(), input: { organizationSlug: 'nobody', pageUrl } })).rejects.toMatchObject({ code: 'not_found' });
  });
});
