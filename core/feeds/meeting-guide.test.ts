import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { readStandard } from '../../tests/support/standards';
import { createCohort, createGroup, createOrganization, createSchedule } from '../../tests/support/factories';
import { createContext } from '../context';
import { meetingGuideEntries, type MeetingGuideEntry } from './meeting-guide';

// The Meeting Guide specification has no JSON Schema: each entry is checked against its required
// fields, its field formats and the official list of type codes (types.json).
const TYPES = readStandard<Record<string, { en: string; fr: string }>>('meeting-guide', 'types.json');

const NOW = new Date('2026-10-01T12:00:00Z');
const pageUrl = (slug: string) => `https://cercle.example/page/${slug}`;

function followsSpecification(e: MeetingGuideEntry) {
  expect(e.name.length).toBeGreaterThan(0);
  expect(e.slug).toMatch(/^[a-z0-9-]+$/);
  for (const d of Array.isArray(e.day) ? e.day : [e.day]) expect(Number.isInteger(d) && d >= 0 && d <= 6).toBe(true);
  expect(e.time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
  expect(e.end_time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
  expect(DateTime.local().setZone(e.timezone).isValid).toBe(true);
  expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  for (const code of e.types) expect(TYPES, `type ${code}`).toHaveProperty([code]);
  expect(['in_person', 'online', 'hybrid']).toContain(e.attendance_option);
}

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
  const org = await createOrganization(t, { nameEn: 'Harbour Hospice', nameFr: 'Hospice du Port' });
  const weekly = await createGroup(t, {
    organizationId: org.id,
    slug: 'grief-circle',
    slugFr: 'cercle-du-deuil',
    titleEn: 'Grief circle',
    titleFr: 'Cercle du deuil',
    venueName: 'Maple Hall',
    latitude: 45.42,
    longitude: -75.69,
    languages: ['en', 'fr'],
    gender: 'women',
    accessibility: ['step_free', 'asl', 'captions'],
    dropInStyle: 'speaker',
  });
  const online = await createGroup(t, {
    organizationId: org.id,
    delivery: 'online',
    onlineUrl: 'https://meet.example.org/never-published',
    venueName: null,
    street: null,
    languages: ['es'],
  });
  const monthly = await createGroup(t, { organizationId: org.id });
  const ended = await createGroup(t, { organizationId: org.id });
  const draft = await createGroup(t, { organizationId: org.id, status: 'draft', publishedAt: null });
  const closed = await createGroup(t, { organizationId: org.id, format: 'closed' });
  const cohort = await createCohort(t, { groupId: closed.id, startsOn: '2026-09-02', endsOn: '2026-10-28' });
  await createSchedule(t, { groupId: weekly.id, rrule: 'FREQ=WEEKLY;BYDAY=TU,TH', startsLocal: '2026-09-01T19:00:00', durationMinutes: 90 });
  await createSchedule(t, { groupId: online.id, rrule: 'FREQ=WEEKLY', startsLocal: '2026-09-06T23:30:00', durationMinutes: 60 });
  await createSchedule(t, { groupId: monthly.id, rrule: 'FREQ=MONTHLY;BYDAY=1MO', startsLocal: '2026-09-07T18:00:00' });
  await createSchedule(t, { groupId: monthly.id, rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', startsLocal: '2026-09-07T18:00:00' });
  await createSchedule(t, { groupId: ended.id, rrule: 'FREQ=WEEKLY;BYDAY=FR', startsLocal: '2026-01-02T10:00:00', untilLocal: '2026-06-26T10:00:00' });
  await createSchedule(t, { groupId: draft.id, rrule: 'FREQ=WEEKLY;BYDAY=FR', startsLocal: '2026-09-04T10:00:00' });
  await createSchedule(t, { groupId: closed.id, cohortId: cohort.id, rrule: 'FREQ=WEEKLY;BYDAY=WE', startsLocal: '2026-09-02T10:00:00' });
});

afterAll(async () => {
  await t?.close();
});

async function feed(locale: 'en' | 'fr', batch?: number) {
  const out: MeetingGuideEntry[] = [];
  const ctx = createContext(t.db, { now: NOW, locale });
  for await (const e of meetingGuideEntries({ ctx, pageUrl, onlineNotes: `notes-${locale}`, batch })) out.push(e);
  return out;
}

describe('the Meeting Guide feed', () => {
  it('lists the weekly schedules of published drop-in groups, each as the specification asks', async () => {
    const entries = await feed('en');
    expect(entries).toHaveLength(2);
    for (const e of entries) followsSpecification(e);
    const inPerson = entries.find((e) => e.attendance_option === 'in_person')!;
    expect(inPerson).toMatchObject({
      name: 'Grief circle',
      day: [2, 4],
      time: '19:00',
      end_time: '20:30',
      timezone: 'America/Toronto',
      location: 'Maple Hall',
      formatted_address: '1 Test Street, Ottawa, ON, CA',
      latitude: 45.42,
      longitude: -75.69,
      region: 'Ottawa',
      group: 'Harbour Hospice',
      url: pageUrl('grief-circle'),
    });
    expect(inPerson.slug).toMatch(/^grief-circle-[0-9a-f]{8}$/);
    // Speaker meeting, women, English and French, wheelchair access, sign language; captions have no code.
    expect(inPerson.types).toEqual(['ASL', 'EN', 'FR', 'SP', 'W', 'X']);
    expect(inPerson).not.toHaveProperty('conference_url');
  });

  it('never publishes an online meeting’s link: its entry points to the group’s page', async () => {
    const entries = await feed('en');
    const online = entries.find((e) => e.attendance_option === 'online')!;
    // Sunday 23:30 to 00:30: the end wraps past midnight.
    expect(online).toMatchObject({ day: 0, time: '23:30', end_time: '00:30', approximate: 'yes', conference_url_notes: 'notes-en' });
    expect(online.conference_url).toBe(online.url);
    expect(online.types).toEqual(['D', 'S']);
    expect(online).not.toHaveProperty('formatted_address');
    expect(JSON.stringify(entries)).not.toContain('meet.example.org');
  });

  it('speaks the asked language, and reads the same in small batches', async () => {
    const fr = await feed('fr', 1);
    expect(fr.map((e) => e.name).sort()).toEqual(['Cercle du deuil', expect.stringMatching(/^Groupe /)].sort());
    expect(fr.find((e) => e.name === 'Cercle du deuil')).toMatchObject({ group: 'Hospice du Port', url: pageUrl('cercle-du-deuil') });
    expect((await feed('en', 1)).map((e) => e.slug)).toEqual((await feed('en')).map((e) => e.slug));
  });
});
