import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createGroup, createOrganization, createSchedule, createTopic, tagGroup } from '../../tests/support/factories';
import { hsdsValidator } from '../../tests/support/hsds';
import { readStandard } from '../../tests/support/standards';
import { createContext } from '../context';
import { NotFound } from '../errors';
import { hsdsAllServices, hsdsOrganizationById, hsdsOrganizationsPage, hsdsServiceById, hsdsServicesPage } from './hsds';
import { hsdsService } from './hsds-schema';

const NOW = new Date('2026-10-01T12:00:00Z');
const links = { pageUrl: (slug: string) => `https://cercle.example/page/${slug}` };
const validate = hsdsValidator();

let t: TestDatabase;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
  const org = await createOrganization(t, { nameEn: 'Harbour Hospice', nameFr: 'Hospice du Port', descriptionEn: 'Care at the end of life.', email: 'hello@harbour.example', website: 'https://harbour.example', phone: '613-555-0100' });
  const quiet = await createOrganization(t, { nameEn: 'No groups yet' });
  const topic = await createTopic(t, { slug: 'grief', labelEn: 'Grief', labelFr: 'Deuil' });
  const inPerson = await createGroup(t, {
    organizationId: org.id,
    titleEn: 'Grief circle',
    titleFr: 'Cercle du deuil',
    descriptionEn: 'We meet to talk about loss.',
    venueName: 'Maple Hall',
    postalCode: 'K1A 0B1',
    latitude: 45.42,
    longitude: -75.69,
    languages: ['en', 'fr'],
    ageMin: 18,
    costType: 'fee',
    feeCents: 1500,
    feeCurrency: 'CAD',
    feePer: 'session',
    contactEmail: 'circle@harbour.example',
    contactPhone: '613-555-0101',
  });
  await tagGroup(t, inPerson.id, topic.id);
  await createSchedule(t, { groupId: inPerson.id, rrule: 'FREQ=WEEKLY;BYDAY=TU,TH', startsLocal: '2026-09-01T19:00:00', durationMinutes: 90 });
  await createSchedule(t, { groupId: inPerson.id, rrule: 'FREQ=MONTHLY;BYDAY=1MO', startsLocal: '2026-09-07T18:00:00', untilLocal: '2027-06-07T18:00:00' });
  await createSchedule(t, { groupId: inPerson.id, rrule: 'FREQ=DAILY', startsLocal: '2026-09-07T08:00:00' });
  const online = await createGroup(t, { organizationId: org.id, delivery: 'online', onlineUrl: 'https://meet.example.org/never-published', venueName: null, street: null, costType: 'pay_what_you_can', suggestedDonationCents: 1000 });
  const draft = await createGroup(t, { organizationId: org.id, status: 'draft', publishedAt: null });
  Object.assign(ids, { org: org.id, quiet: quiet.id, inPerson: inPerson.id, online: online.id, draft: draft.id });
});

afterAll(async () => {
  await t?.close();
});

const ctx = (locale: 'en' | 'fr' = 'en') => createContext(t.db, { now: NOW, locale });

describe('the HSDS export', () => {
  it('the specification’s validator accepts its own examples and refuses a broken service', () => {
    expect(validate('service', readStandard('hsds', 'examples', 'service_full.json'))).toEqual([]);
    expect(validate('service', { id: 'not-a-uuid', name: 'x' })).not.toEqual([]);
  });

  it('writes each published group as a service the HSDS 3 schemas accept', async () => {
    const page = await hsdsServicesPage(ctx(), links, { page: 1, perPage: 10 });
    expect(page).toMatchObject({ total_items: 2, total_pages: 1, page_number: 1, size: 2, first_page: true, last_page: true, empty: false });
    for (const service of page.contents) {
      expect(validate('service', service), service.name).toEqual([]);
      // Our own schema (the one the import reads with) takes it as it is.
      expect(hsdsService.parse(service)).toEqual(service);
    }
    const s = page.contents.find((c) => c.id === ids.inPerson)!;
    expect(s).toMatchObject({ name: 'Grief circle', alternate_name: 'Cercle du deuil', status: 'active', url: links.pageUrl(s.url!.split('/').pop()!), minimum_age: 18, email: 'circle@harbour.example' });
    expect(s.organization).toMatchObject({ id: ids.org, name: 'Harbour Hospice', alternate_name: 'Hospice du Port', description: 'Care at the end of life.' });
    // Weekly and monthly schedules with their rule and zone; a daily one has no HSDS form.
    expect(s.schedules!.map((x) => [x.freq, x.byday, x.opens_at, x.closes_at, x.timezone, x.dtstart, x.until])).toEqual([
      ['WEEKLY', 'TU,TH', '19:00', '20:30', -4, '2026-09-01', undefined],
      ['MONTHLY', '1MO', '18:00', '19:30', -4, '2026-09-07', '2027-06-07'],
    ]);
    expect(s.schedules![0]!.attributes!.map((a) => [a.label, a.value])).toEqual([['time_zone', 'America/Toronto'], ['rrule', 'FREQ=WEEKLY;BYDAY=TU,TH']]);
    expect(s.service_at_locations![0]!.location).toMatchObject({ location_type: 'physical', name: 'Maple Hall', latitude: 45.42, addresses: [{ address_1: '1 Test Street', city: 'Ottawa', state_province: 'ON', postal_code: 'K1A 0B1', country: 'CA' }] });
    expect(s.languages!.map((l) => [l.code, l.name])).toEqual([['en', 'English'], ['fr', 'French']]);
    expect(s.cost_options).toMatchObject([{ option: 'fee', amount: 15, currency: 'CAD', amount_description: 'session' }]);
    expect(s.attributes!.find((a) => a.label === 'topic')!.taxonomy_term).toMatchObject({ code: 'grief', name: 'Grief', taxonomy: 'cercle-topics' });
    for (const sal of s.service_at_locations!) expect(validate('location', sal.location)).toEqual([]);
  });

  it('gives an online group its page as a virtual location, never its meeting link', async () => {
    const s = await hsdsServiceById(ctx(), links, ids.online!);
    expect(s.service_at_locations!.map((l) => l.location!.location_type)).toEqual(['virtual']);
    expect(s.service_at_locations![0]!.location!.url).toBe(s.url);
    expect(s.cost_options).toMatchObject([{ option: 'pay_what_you_can', amount: 10 }]);
    expect(JSON.stringify(s)).not.toContain('meet.example.org');
  });

  it('speaks French, keeps the same ids, and leaves drafts and unknown ids out', async () => {
    const en = await hsdsServiceById(ctx('en'), links, ids.inPerson!);
    const fr = await hsdsServiceById(ctx('fr'), links, ids.inPerson!);
    expect(fr).toMatchObject({ name: 'Cercle du deuil', alternate_name: 'Grief circle' });
    expect(fr.languages!.map((l) => l.name)).toEqual(['anglais', 'français']);
    const idsOf = (x: unknown): string[] => (Array.isArray(x) ? x.flatMap(idsOf) : x && typeof x === 'object' ? Object.entries(x).flatMap(([k, v]) => (k === 'id' ? [String(v)] : idsOf(v))) : []);
    expect(idsOf(fr)).toEqual(idsOf(en));
    await expect(hsdsServiceById(ctx(), links, ids.draft!)).rejects.toBeInstanceOf(NotFound);
    await expect(hsdsServiceById(ctx(), links, 'nope')).rejects.toBeInstanceOf(NotFound);
  });

  it('lists the organizations that publish, and streams every service in batches', async () => {
    const orgs = await hsdsOrganizationsPage(ctx(), { page: 1, perPage: 10 });
    expect(orgs.contents.map((o) => o.id)).toEqual([ids.org]);
    for (const o of orgs.contents) expect(validate('organization', o)).toEqual([]);
    await expect(hsdsOrganizationById(ctx(), ids.quiet!)).rejects.toBeInstanceOf(NotFound);
    const streamed = [];
    for await (const s of hsdsAllServices(ctx(), links, 1)) streamed.push(s.id);
    expect(streamed).toEqual([ids.inPerson, ids.online].sort());
    const second = await hsdsServicesPage(ctx(), links, { page: 2, perPage: 1 });
    expect(second).toMatchObject({ page_number: 2, size: 1, first_page: false, last_page: true, total_pages: 2 });
  });
});
