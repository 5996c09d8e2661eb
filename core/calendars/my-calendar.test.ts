import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import ical, { type VEvent } from 'node-ical';
import { DateTime } from 'luxon';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createCohort, createGroup, createParticipant, createSession } from '../../tests/support/factories';
import { applications, registrations } from '../../db/schema';
import { createContext, TEST_SETTINGS } from '../context';
import { manageToken } from '../participants/manage-link';
import { getMyRegistrations } from '../participants/get-my-registrations';
import { getMyCalendar, setCalendarFeed } from './my-calendar';

// A person's private calendar: their seats, across the end of daylight time in Toronto
// (1 November 2026), cancelled and postponed sessions marked, nothing of what they do not hold.
const NOW = new Date('2026-10-20T12:00:00Z');
const ZONE = 'America/Toronto';
const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
const wall = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");
const pageUrl = (slug: string) => `https://cercle.example/en/groups/${slug}`;

let t: TestDatabase;
let token: string;

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
  const person = await createParticipant(t, { emailConfirmedAt: NOW });
  token = manageToken(TEST_SETTINGS, person.id);
  const g = await createGroup(t, { timeZone: ZONE, titleEn: 'Evening circle', delivery: 'hybrid', onlineUrl: 'https://meet.example.org/my-secret' });
  const hold = async (startsAt: Date, status: 'confirmed' | 'waitlisted', extra: object = {}) => {
    const s = await createSession(t, { groupId: g.id, startsAt, endsAt: new Date(startsAt.getTime() + 90 * 60_000), ...extra });
    await t.db.insert(registrations).values({ sessionId: s.id, participantId: person.id, status, waitlistPosition: status === 'waitlisted' ? 1 : null, displayName: 'Sam', consentAt: NOW });
    return s;
  };
  await hold(local('2026-10-27T19:00'), 'confirmed');
  await hold(local('2026-11-03T19:00'), 'confirmed');
  await hold(local('2026-11-10T19:00'), 'confirmed', { status: 'cancelled', statusReason: 'Hall closed' });
  await hold(local('2026-11-26T19:00'), 'confirmed', { status: 'postponed', originalStartsAt: local('2026-11-24T19:00') });
  await hold(local('2026-11-17T19:00'), 'waitlisted');
  await hold(local('2026-08-04T19:00'), 'confirmed'); // long past: not kept
  await createSession(t, { groupId: g.id, startsAt: local('2026-12-01T19:00') }); // not theirs
  // A closed group whose cohort accepted them: its sessions are theirs too.
  const closed = await createGroup(t, { timeZone: ZONE, titleEn: 'Eight weeks', format: 'closed' });
  const cohort = await createCohort(t, { groupId: closed.id, startsOn: '2026-11-02', endsOn: '2026-11-09' });
  for (const day of ['2026-11-02T18:00', '2026-11-09T18:00']) await createSession(t, { groupId: closed.id, cohortId: cohort.id, startsAt: local(day), endsAt: local(day.replace('18:00', '20:00')) });
  await t.db.insert(applications).values({ cohortId: cohort.id, participantId: person.id, status: 'accepted', displayName: 'Sam', committedAt: NOW, consentAt: NOW });
});
afterAll(async () => {
  await t?.close();
});

const ctx = (locale: 'en' | 'fr' = 'en') => createContext(t.db, { now: NOW, locale });

describe('the private calendar feed', () => {
  it('is off until the person makes it; its link then holds their seats, read alike by ical.js and node-ical', async () => {
    expect((await getMyRegistrations({ ctx: ctx(), input: { token } })).calendarFeedToken).toBeNull();
    const { feedToken } = await setCalendarFeed({ ctx: ctx(), input: { token, on: true } });
    expect(feedToken).toMatch(/^k1\./);
    expect((await getMyRegistrations({ ctx: ctx(), input: { token } })).calendarFeedToken).toBe(feedToken);

    const { ics } = await getMyCalendar({ ctx: ctx(), input: { feedToken: feedToken!, pageUrl } });
    expect(ics).not.toContain('my-secret');
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('My sessions · Cercle');
    ICAL.TimezoneService.register(cal.getFirstSubcomponent('vtimezone')!);
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const seen = events.map((e) => [wall(e.startDate.toJSDate()), e.summary, e.component.getFirstPropertyValue('status')]).sort();
    expect(seen).toEqual([
      ['2026-10-27T19:00', 'Evening circle', 'CONFIRMED'],
      ['2026-11-02T18:00', 'Eight weeks', 'CONFIRMED'],
      ['2026-11-03T19:00', 'Evening circle', 'CONFIRMED'],
      ['2026-11-09T18:00', 'Eight weeks', 'CONFIRMED'],
      ['2026-11-10T19:00', 'Cancelled: Evening circle', 'CANCELLED'],
      ['2026-11-26T19:00', 'Evening circle (new date)', 'CONFIRMED'],
    ]);
    // 19:00 in Toronto on both sides of the change: 23:00Z, then 00:00Z.
    const parsed = Object.values(ical.sync.parseICS(ics)).filter((c): c is VEvent => c?.type === 'VEVENT');
    const starts = parsed.filter((e) => e.summary === 'Evening circle').map((e) => e.start.toISOString()).sort();
    expect(starts).toEqual(['2026-10-27T23:00:00.000Z', '2026-11-04T00:00:00.000Z']);
  });

  it('speaks French, and stops for good: a stopped link never works again, a new one has a new number', async () => {
    const { feedToken: first } = await setCalendarFeed({ ctx: ctx(), input: { token, on: true } });
    expect((await getMyCalendar({ ctx: ctx('fr'), input: { feedToken: first!, pageUrl } })).ics).toContain('Annulée');
    expect(await setCalendarFeed({ ctx: ctx(), input: { token, on: false } })).toEqual({ feedToken: null });
    await expect(getMyCalendar({ ctx: ctx(), input: { feedToken: first!, pageUrl } })).rejects.toMatchObject({ code: 'not_found' });
    const { feedToken: second } = await setCalendarFeed({ ctx: ctx(), input: { token, on: true } });
    expect(second).toMatch(/^k2\./);
    await expect(getMyCalendar({ ctx: ctx(), input: { feedToken: first!, pageUrl } })).rejects.toMatchObject({ code: 'not_found' });
    expect((await getMyCalendar({ ctx: ctx(), input: { feedToken: second!, pageUrl } })).ics).toContain('BEGIN:VEVENT');
  });

  it('takes no other link: a manage link opens no calendar, a calendar link opens no manage page, a forged one nothing', async () => {
    await expect(getMyCalendar({ ctx: ctx(), input: { feedToken: token, pageUrl } })).rejects.toMatchObject({ code: 'not_found' });
    const { feedToken } = await setCalendarFeed({ ctx: ctx(), input: { token, on: true } });
    await expect(getMyRegistrations({ ctx: ctx(), input: { token: feedToken! } })).rejects.toMatchObject({ code: 'not_found' });
    const forged = feedToken!.replace(/^k\d+\./, 'k9.');
    await expect(getMyCalendar({ ctx: ctx(), input: { feedToken: forged, pageUrl } })).rejects.toMatchObject({ code: 'not_found' });
  });
});
