import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import {
  addFacilitator,
  createCohort,
  createFacilitator,
  createGroup,
  createOrganization,
  createSession,
  createTopic,
  register,
  tagGroup,
} from '../../tests/support/factories';
import { createContext } from '../context';
import { findGroups } from './find-groups';
import { refreshGroupSearch } from './refresh-group-search';
import { attachSearchIndex, detachSearchIndex, searchIndexFor } from './search-index';
import { WEEKDAYS, type FindGroupsInput } from './search-input';

// One fixed set of groups for the whole file; every expectation below knows all of them.
const NOW = new Date();
const ZONE = 'America/Toronto';
const local = (days: number, hour: number) => DateTime.fromJSDate(NOW, { zone: ZONE }).startOf('day').plus({ days }).set({ hour });
// Published one day apart, in the order of their letters: g last, so it is the newest.
const publishedDaysAgo = (days: number) => ({ publishedAt: new Date(NOW.getTime() - days * 86_400_000) });
const weekday = (d: DateTime) => WEEKDAYS[d.weekday - 1]!;

const OTTAWA = { city: 'Ottawa', province: 'ON', latitude: 45.4215, longitude: -75.6972 };
const GATINEAU = { city: 'Gatineau', province: 'QC', latitude: 45.4765, longitude: -75.7013 };
const TORONTO = { city: 'Toronto', province: 'ON', latitude: 43.6532, longitude: -79.3832 };
const MONTREAL = { city: 'Montréal', province: 'QC', latitude: 45.5019, longitude: -73.5674 };
const ONLINE = { delivery: 'online' as const, street: null, city: null, province: null, latitude: null, longitude: null };

let t: TestDatabase;
const slugs: Record<string, string> = {};
const evening = local(3, 19);
const saturdayish = local(10, 10);
const find = (input: FindGroupsInput) => findGroups({ ctx: createContext(t.db, { now: NOW }), input });
const found = async (input: FindGroupsInput) => (await find(input)).results.map((g) => g.slug).sort();
const named = (...names: string[]) => names.map((n) => slugs[n]).sort();

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
  const hospice = await createOrganization(t, { nameEn: 'Riverside Hospice', nameFr: 'Hospice Riverside' });
  const grief = await createTopic(t, { slug: 'grief', labelEn: 'Grief & bereavement', labelFr: 'Deuil' });
  const child = await createTopic(t, { slug: 'grief-child', labelEn: 'Loss of a child', labelFr: "Perte d'un enfant", parentId: grief.id });
  const anxiety = await createTopic(t, { slug: 'anxiety', labelEn: 'Anxiety', labelFr: 'Anxiété' });

  const a = await createGroup(t, {
    slug: 'a-bereavement-circle',
    ...publishedDaysAgo(6),
    organizationId: hospice.id,
    titleEn: 'Bereavement support circle',
    titleFr: 'Cercle de soutien pour personnes endeuillées',
    summaryEn: 'For parents after the death of a child.',
    summaryFr: 'Pour les parents après la mort d’un enfant.',
    languages: ['en', 'fr'],
    accessibility: ['step_free', 'hearing_loop'],
    sessionCapacity: 2,
    signupCutoffMinutes: 0,
    ...OTTAWA,
  });
  const dana = await createFacilitator(t, { displayName: 'Dana Whitfield' });
  await addFacilitator(t, a.id, dana.id);
  await tagGroup(t, a.id, child.id);
  await createSession(t, { groupId: a.id, startsAt: evening.toJSDate() });
  await createSession(t, { groupId: a.id, startsAt: evening.plus({ weeks: 1 }).toJSDate() });

  const b = await createGroup(t, {
    slug: 'b-therapie-anxiete',
    ...publishedDaysAgo(5),
    kind: 'group_therapy',
    leadership: 'licensed',
    format: 'closed',
    dropInStyle: null,
    delivery: 'hybrid',
    titleEn: null,
    titleFr: 'Thérapie de groupe pour l’anxiété',
    summaryEn: null,
    summaryFr: 'Huit rencontres pour apprivoiser l’anxiété.',
    costType: 'fee',
    feeCents: 4000,
    feeCurrency: 'CAD',
    feePer: 'session',
    insuranceReceipts: true,
    languages: ['fr'],
    ageMin: 18,
    ageMax: 65,
    ...GATINEAU,
  });
  await tagGroup(t, b.id, anxiety.id);
  await createCohort(t, { groupId: b.id, startsOn: local(20, 0).toISODate()!, endsOn: local(76, 0).toISODate()!, capacity: 8 });

  const c = await createGroup(t, {
    slug: 'c-grief-walk',
    ...publishedDaysAgo(4),
    kind: 'workshop',
    workshopActivity: 'walking',
    titleEn: 'Grief walking workshop',
    titleFr: null,
    summaryEn: 'Walk and talk, or walk in silence.',
    summaryFr: null,
    costType: 'pay_what_you_can',
    suggestedDonationCents: 1000,
    languages: ['en'],
    gender: 'women',
    faith: 'Christian',
    ...TORONTO,
  });
  await tagGroup(t, c.id, grief.id);
  await createSession(t, { groupId: c.id, startsAt: saturdayish.toJSDate() });

  const d = await createGroup(t, {
    slug: 'd-caregivers-online',
    ...publishedDaysAgo(3),
    kind: 'online_community',
    format: 'ongoing',
    dropInStyle: null,
    titleEn: 'Online caregivers community',
    titleFr: 'Communauté en ligne des proches aidants',
    ...ONLINE,
  });

  const e = await createGroup(t, {
    slug: 'e-deuil-perinatal',
    ...publishedDaysAgo(2),
    leadership: 'professional',
    titleEn: null,
    titleFr: 'Deuil périnatal : groupe de parole',
    summaryEn: null,
    summaryFr: 'Un groupe pour les parents en deuil d’un bébé.',
    costType: 'fee',
    feeCents: 1000,
    feeCurrency: 'CAD',
    feePer: 'session',
    languages: ['fr'],
    ...ONLINE,
  });
  await createSession(t, { groupId: e.id, startsAt: local(40, 14).toJSDate() });

  const g = await createGroup(t, { slug: 'g-montreal-grief', titleEn: 'Montreal grief circle', titleFr: null, sessionCapacity: 1, ...MONTREAL });
  const full = await createSession(t, { groupId: g.id, startsAt: local(2, 19).toJSDate() });
  await register(t, full.id, 'confirmed');
  await refreshGroupSearch(t.db, [g.id], NOW);

  await createGroup(t, { slug: 'f-draft', status: 'draft', titleEn: 'Grief draft circle' });
  Object.assign(slugs, { a: a.slug, b: b.slug, c: c.slug, d: d.slug, e: e.slug, g: g.slug });
});
afterAll(async () => {
  await t.close();
});

// Every case runs twice: through the database, and through the in-process index of the search
// rows that the server attaches (search-index.ts), which must answer exactly the same.
describe.each(['database', 'in-memory index'] as const)('searching through the %s', (mode) => {
  beforeAll(async () => {
    if (mode === 'in-memory index') await attachSearchIndex(t.db);
    else await detachSearchIndex(t.db);
  });
  afterAll(() => detachSearchIndex(t.db));
  afterEach(() => {
    // The index answered (it did not hand the search to the database).
    if (mode === 'in-memory index') expect(searchIndexFor(t.db)?.searches).toBeGreaterThan(0);
  });

  describe('full text', () => {
    it('stems English and French words, ignoring accents and case, across titles, topics, organizations and facilitators', async () => {
      expect(await found({ q: 'bereaved' })).toContain(slugs.a);
      expect(await found({ q: 'deuils' })).toEqual(named('a', 'c', 'e'));
      expect(await found({ q: 'THERAPIE' })).toEqual(named('b'));
      expect(await found({ q: 'anxiete' })).toEqual(named('b'));
      expect(await found({ q: 'riverside hospice' })).toEqual(named('a'));
      expect(await found({ q: 'whitfield' })).toEqual(named('a'));
      expect(await found({ q: 'proches aidants' })).toEqual(named('d'));
      expect(await found({ q: 'nothing-like-this' })).toEqual([]);
    });

    it('ranks a title match above a passing mention', async () => {
      const r = await find({ q: 'grief' });
      expect(r.sort).toBe('relevance');
      expect(r.results[0]?.slug).toMatch(/c-grief-walk|g-montreal-grief/);
      expect(r.results.map((x) => x.slug)).toContain(slugs.a);
    });

    it('tolerates a typo in a title word and says how it read the query', async () => {
      const r = await find({ q: 'greif' });
      expect(r.correctedQuery).toBe('grief');
      expect(r.results.map((x) => x.slug)).toEqual(expect.arrayContaining(named('c', 'g')));
      expect((await find({ q: 'walking' })).correctedQuery).toBeNull();
    });

    it('never shows drafts', async () => {
      expect(await found({ q: 'draft' })).toEqual([]);
    });
  });

  describe('filters', () => {
    it('applies each filter of SPEC §2', async () => {
      expect(await found({ kind: ['workshop', 'online_community'] })).toEqual(named('c', 'd'));
      expect(await found({ format: ['closed'] })).toEqual(named('b'));
      expect(await found({ leadership: ['professional'] })).toEqual(named('e'));
      expect(await found({ delivery: ['online'] })).toEqual(named('d', 'e'));
      expect(await found({ topic: ['grief'] })).toEqual(named('a', 'c'));
      expect(await found({ topic: ['grief-child'] })).toEqual(named('a'));
      expect(await found({ lang: ['fr'] })).toEqual(named('a', 'b', 'e'));
      expect(await found({ cost: ['free'] })).toEqual(named('a', 'd', 'g'));
      expect(await found({ maxPrice: 20 })).toEqual(named('a', 'c', 'd', 'e', 'g'));
      expect(await found({ insurance: true })).toEqual(named('b'));
      expect(await found({ day: [weekday(saturdayish)] })).toContain(slugs.c);
      expect(await found({ day: [weekday(evening)], time: ['evening'] })).toContain(slugs.a);
      expect(await found({ time: ['morning'] })).toEqual(named('c'));
      expect(await found({ age: 16 })).not.toContain(slugs.b);
      expect(await found({ age: 30 })).toContain(slugs.b);
      expect(await found({ audience: ['women'] })).toEqual(named('c'));
      expect(await found({ access: ['step_free', 'hearing_loop'] })).toEqual(named('a'));
      expect(await found({ faith: ['Christian'] })).toEqual(named('c'));
      // Online communities are always open to join; the Montréal group starts in 2 days but is full.
      expect(await found({ startsWithin: 7 })).toEqual(named('a', 'd', 'g'));
      expect(await found({ startsWithin: 30 })).toEqual(named('a', 'b', 'c', 'd', 'g'));
      expect(await found({ open: true })).toEqual(named('a', 'b', 'c', 'd', 'e'));
      expect(await found({ open: false })).toEqual(named('g'));
    });

    it('combines filters, and counts each facet with the other filters applied', async () => {
      const r = await find({ kind: ['support_group'], lang: ['fr'] });
      expect(r.results.map((x) => x.slug).sort()).toEqual(named('a', 'e'));
      expect(r.total).toBe(2);
      // kind counts ignore the kind filter but apply the language filter, and vice versa.
      expect(r.facets?.kind).toEqual({ support_group: 2, group_therapy: 1 });
      expect(r.facets?.lang).toEqual({ en: 2, fr: 2 });
      expect(r.facets?.delivery).toEqual({ in_person: 1, online: 1 });
      expect(r.facets?.topic).toEqual({ grief: 1, 'grief-child': 1 });
      expect(r.facets?.cost).toEqual({ free: 1, fee: 1 });
      expect(r.facets?.starts_within).toEqual({ '7': 1, '14': 1, '30': 1 });
    });

    it('rejects bad input with an invalid error naming the field', async () => {
      await expect(find({ kind: ['bogus' as never] })).rejects.toMatchObject({ code: 'invalid', issues: [expect.objectContaining({ path: 'kind.0' })] });
      await expect(find({ sort: 'distance' })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: 'sort' })] });
      await expect(find({ near: 'Zzyzx Nowhere' })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: 'near' })] });
    });

    it('suggests which filter to drop when nothing matches', async () => {
      const r = await find({ kind: ['workshop'], lang: ['fr'], q: 'grief' });
      expect(r.total).toBe(0);
      // Without the language: the grief workshop; without the kind: the bilingual bereavement circle.
      expect(r.suggestions).toEqual(expect.arrayContaining([{ filter: 'lang', total: 1 }, { filter: 'kind', total: 1 }]));
      expect(r.suggestions.map((s) => s.filter)).not.toContain('q');
    });
  });

  describe('near a place', () => {
    it('finds groups within the radius, keeps online groups, and sorts by distance', async () => {
      const r = await find({ near: 'ottawa', radiusKm: 20 });
      expect(r.place).toMatchObject({ label: 'Ottawa, ON' });
      expect(r.sort).toBe('distance');
      // Online groups come last, soonest first (the community has no dated session).
      expect(r.results.map((x) => x.slug)).toEqual([slugs.a, slugs.b, slugs.e, slugs.d]);
      expect(r.results[0]?.distanceKm).toBeLessThan(2);
      expect(r.results[1]?.distanceKm).toBeGreaterThan(4);
      expect(r.results[1]?.distanceKm).toBeLessThan(10);
      expect(r.results[2]?.distanceKm).toBeNull();
      expect(r.facets?.delivery).toEqual({ in_person: 1, hybrid: 1, online: 2 });
    });

    it('leaves online groups out only when asked for in person, and accepts coordinates', async () => {
      expect(await found({ near: 'Montreal', radiusKm: 10, delivery: ['in_person', 'hybrid'] })).toEqual(named('g'));
      expect(await found({ lat: 43.65, lon: -79.38, radiusKm: 5, delivery: ['in_person'] })).toEqual(named('c'));
      expect(await found({ near: 'Toronto', radiusKm: 1000, delivery: ['in_person'] })).toEqual(named('a', 'c', 'g'));
    });
  });

  describe('sort and pages', () => {
    it('sorts by soonest start and by newest, a page at a time', async () => {
      const soonest = await find({ sort: 'soonest', perPage: 2 });
      expect(soonest.total).toBe(6);
      expect(soonest.pages).toBe(3);
      expect(soonest.results.map((x) => x.slug)).toEqual([slugs.g, slugs.a]);
      const page3 = await find({ sort: 'soonest', perPage: 2, page: 3 });
      expect(page3.results).toHaveLength(2);
      const newest = await find({ sort: 'newest' });
      expect(newest.results[0]?.slug).toBe(slugs.g);
    });

    it('puts the groups offered in the page’s language first when nothing else decides', async () => {
      for (const locale of ['en', 'fr'] as const) {
        const speaks = new Set(await found({ lang: [locale] }));
        const r = await findGroups({ ctx: createContext(t.db, { now: NOW, locale }), input: {} });
        expect(r.sort).toBe('relevance');
        const order = r.results.map((g) => speaks.has(g.slug));
        // Some first, then none of them.
        expect(order.indexOf(false)).toBeGreaterThan(0);
        expect(order.slice(order.indexOf(false))).not.toContain(true);
      }
    });
  });
});
