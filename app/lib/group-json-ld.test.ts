import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createGroup, createSession, register } from '../../tests/support/factories';
import { loadSchemaOrg } from '../../tests/support/schema-org';
import { createContext } from '../../core/context';
import { getGroup } from '../../core/groups';
import { groupJsonLd, jsonLdScript } from './group-json-ld';

const NOW = new Date('2026-11-27T15:00:00Z');
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);
const PAGE = 'https://cercle.example/en/groups/x';
const vocab = loadSchemaOrg();
let t: TestDatabase;

type Ev = Record<string, unknown> & { location: unknown; offers: Record<string, unknown> };
async function eventsOf(slug: string): Promise<{ doc: { '@graph': Ev[] }; text: string }> {
  const g = await getGroup({ ctx: createContext(t.db, { now: NOW }), input: { ref: slug } });
  const doc = groupJsonLd(g, { pageUrl: PAGE, locale: 'en' }) as { '@graph': Ev[] };
  return { doc, text: JSON.stringify(doc) };
}

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

describe('group JSON-LD', () => {
  it('has one schema.org Event per upcoming session, with status and attendance mode, valid against the vocabulary', async () => {
    const g = await createGroup(t, {
      delivery: 'hybrid',
      onlineUrl: 'https://meet.example.org/very-private-room',
      venueName: 'Community hall',
      costType: 'fee',
      feeCents: 2500,
      feeCurrency: 'CAD',
      feePer: 'session',
      sessionCapacity: 1,
      languages: ['en', 'fr'],
      latitude: 45.42,
      longitude: -75.69,
    });
    const scheduled = await createSession(t, { groupId: g.id, startsAt: hours(24), topicEn: 'Holidays' });
    await register(t, scheduled.id, 'confirmed');
    await createSession(t, { groupId: g.id, startsAt: hours(48), status: 'cancelled', statusReason: 'Snow storm' });
    await createSession(t, { groupId: g.id, startsAt: hours(96), status: 'postponed', originalStartsAt: hours(72) });
    await createSession(t, { groupId: g.id, startsAt: hours(120), status: 'moved_online', statusReason: 'Ice' });
    const { doc, text } = await eventsOf(g.slug);

    expect(vocab.check(doc)).toEqual([]);
    expect(text).not.toContain('very-private-room');
    const events = doc['@graph'];
    expect(events.map((e) => e.eventStatus)).toEqual([
      'https://schema.org/EventScheduled',
      'https://schema.org/EventCancelled',
      'https://schema.org/EventRescheduled',
      'https://schema.org/EventMovedOnline',
    ]);
    expect(events.map((e) => e.eventAttendanceMode)).toEqual([
      'https://schema.org/MixedEventAttendanceMode',
      'https://schema.org/MixedEventAttendanceMode',
      'https://schema.org/MixedEventAttendanceMode',
      'https://schema.org/OnlineEventAttendanceMode',
    ]);
    const [first, , postponed, movedOnline] = events;
    expect(first).toMatchObject({
      '@type': 'Event',
      name: `${g.titleEn} · Holidays`,
      // In the group's zone, with its offset.
      startDate: '2026-11-28T10:00:00-05:00',
      remainingAttendeeCapacity: 0,
      offers: { price: '25.00', priceCurrency: 'CAD', availability: 'https://schema.org/SoldOut' },
      organizer: { '@type': 'Organization' },
    });
    expect(first?.location).toEqual([
      expect.objectContaining({ '@type': 'Place', address: expect.objectContaining({ '@type': 'PostalAddress', addressLocality: 'Ottawa' }) }),
      { '@type': 'VirtualLocation', url: PAGE },
    ]);
    expect(postponed?.previousStartDate).toBe('2026-11-30T10:00:00-05:00');
    expect(movedOnline?.location).toEqual({ '@type': 'VirtualLocation', url: PAGE });
  });

  it('describes in-person and online groups with only the location they have', async () => {
    const inPerson = await createGroup(t, { delivery: 'in_person' });
    await createSession(t, { groupId: inPerson.id, startsAt: hours(5) });
    const online = await createGroup(t, { delivery: 'online', street: null, city: null, province: null, onlineUrl: 'https://zoom.example/j/123' });
    await createSession(t, { groupId: online.id, startsAt: hours(5) });

    const a = await eventsOf(inPerson.slug);
    expect(vocab.check(a.doc)).toEqual([]);
    expect(a.doc['@graph'][0]).toMatchObject({
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place' },
      isAccessibleForFree: true,
      offers: { price: '0', availability: 'https://schema.org/InStock' },
    });
    const b = await eventsOf(online.slug);
    expect(vocab.check(b.doc)).toEqual([]);
    expect(b.doc['@graph'][0]).toMatchObject({
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      location: { '@type': 'VirtualLocation', url: PAGE },
    });
    expect(b.text).not.toContain('zoom.example');
  });

  it('the checker catches what is not schema.org (so the test above can fail)', () => {
    const bad = {
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'Event',
          eventStatus: 'https://schema.org/EventFinishedEarly',
          eventAttendanceMode: 'https://schema.org/EventScheduled',
          isbn: 'x',
          location: { '@type': 'Organization', name: 'x' },
          startDate: 'tomorrow',
          seats: 3,
        },
        { '@type': 'Meetup' },
      ],
    };
    const errors = vocab.check(bad).join('\n');
    expect(errors).toContain('eventStatus: https://schema.org/EventFinishedEarly is not a member');
    expect(errors).toContain('eventAttendanceMode: https://schema.org/EventScheduled is not a member');
    expect(errors).toContain('isbn: does not apply to schema:Event');
    expect(errors).toContain('location: Organization is not in the range');
    expect(errors).toContain('startDate: "tomorrow" does not fit');
    expect(errors).toContain('seats: not a schema.org property');
    expect(errors).toContain('unknown type Meetup');
  });

  it('escapes < so that no text can end the script element', () => {
    expect(jsonLdScript({ name: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});
