import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createGroup, createOrganization, createSession, createTopic, tagGroup } from '../../tests/support/factories';
import { createContext } from '../context';
import { findGuideMatches, listTopicChoices, rankKinds } from './index';

const NOW = new Date('2026-11-27T15:00:00Z');
let t: TestDatabase;
const ctx = () => createContext(t.db, { now: NOW });

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

describe('findGuideMatches', () => {
  it('returns real groups for the best options, filtered by topic (with sub-topics), language, budget and delivery', async () => {
    const org = await createOrganization(t);
    const grief = await createTopic(t, { slug: 'fm-grief', position: 100 });
    const child = await createTopic(t, { slug: 'fm-grief-child', parentId: grief.id, position: 101 });
    const other = await createTopic(t, { slug: 'fm-cancer', position: 200 });
    const base = { organizationId: org.id, kind: 'online_community', format: 'ongoing', dropInStyle: null, delivery: 'online', street: null } as const;
    const community = await createGroup(t, { ...base, titleEn: 'Parents who lost a child', languages: ['en', 'fr'] });
    await tagGroup(t, community.id, child.id);
    const englishOnly = await createGroup(t, { ...base, titleEn: 'English grief forum', languages: ['en'] });
    await tagGroup(t, englishOnly.id, grief.id);
    const offTopic = await createGroup(t, { ...base, titleEn: 'Cancer forum', languages: ['fr'] });
    await tagGroup(t, offTopic.id, other.id);
    const paidDropIn = await createGroup(t, { organizationId: org.id, costType: 'fee', feeCents: 2000, feeCurrency: 'CAD', feePer: 'session', languages: ['fr'], delivery: 'hybrid' });
    await tagGroup(t, paidDropIn.id, grief.id);
    const inPersonOnly = await createGroup(t, { organizationId: org.id, languages: ['fr'], delivery: 'in_person' });
    await tagGroup(t, inPersonOnly.id, grief.id);
    const freeHybrid = await createGroup(t, { organizationId: org.id, languages: ['fr'], delivery: 'hybrid', titleEn: 'Free hybrid drop-in' });
    await tagGroup(t, freeHybrid.id, grief.id);

    const ranking = rankKinds({ schedule: 'odd_hours', budget: 'free', place: 'far' });
    expect(ranking.options.slice(0, 2).map((o) => o.id)).toEqual(['online_community', 'drop_in_group']);
    const { matches } = await findGuideMatches({ ctx: ctx(), ranking, input: { where: { topic: 'fm-grief', language: 'fr' } } });
    expect(matches.map((m) => m.option)).toEqual(ranking.options.slice(0, 3).map((o) => o.id));
    expect(matches[0]?.groups.map((g) => g.id)).toEqual([community.id]);
    // Drop-ins: the paid one (free only) and the in-person one (the person lives far) are left out.
    expect(matches[1]?.groups.map((g) => g.id)).toEqual([freeHybrid.id]);

    const { matches: anyLanguage } = await findGuideMatches({ ctx: ctx(), ranking, input: { where: { topic: 'fm-grief' } } });
    expect(anyLanguage[0]?.groups.map((g) => g.id).sort()).toEqual([community.id, englishOnly.id].sort());
  });

  it('puts groups in the person’s city first, then nearby ones, then online ones; none farther away; a group under one option only', async () => {
    const org = await createOrganization(t);
    const topic = await createTopic(t, { slug: 'fm-caregiving' });
    const at = (lat: number, lon: number) => ({ latitude: lat, longitude: lon });
    const toronto = await createGroup(t, { organizationId: org.id, city: 'Toronto', titleEn: 'Toronto circle', ...at(43.6532, -79.3832) });
    const montreal = await createGroup(t, { organizationId: org.id, city: 'Montréal', titleEn: 'Montreal circle', dropInStyle: 'topic', ...at(45.5019, -73.5674) });
    const laval = await createGroup(t, { organizationId: org.id, city: 'Laval', titleEn: 'Laval circle', ...at(45.6066, -73.7124) });
    const online = await createGroup(t, { organizationId: org.id, titleEn: 'Online circle', delivery: 'online', street: null, city: null });
    for (const g of [toronto, montreal, laval, online]) await tagGroup(t, g.id, topic.id);
    // Toronto's session is sooner, so it comes first without a city.
    await createSession(t, { groupId: toronto.id, startsAt: new Date(NOW.getTime() + 86_400_000) });
    await createSession(t, { groupId: laval.id, startsAt: new Date(NOW.getTime() + 2 * 86_400_000) });
    await createSession(t, { groupId: online.id, startsAt: new Date(NOW.getTime() + 3 * 86_400_000) });
    await createSession(t, { groupId: montreal.id, startsAt: new Date(NOW.getTime() + 5 * 86_400_000) });
    const ranking = rankKinds({ sameLoss: 'general', budget: 'free' });
    const plain = await findGuideMatches({ ctx: ctx(), ranking, input: { where: { topic: 'fm-caregiving' }, perOption: 5 } });
    expect(plain.matches[0]?.groups.map((g) => g.id).slice(0, 2)).toEqual([toronto.id, laval.id]);
    expect(plain.matches[0]?.groups.map((g) => g.id).sort()).toEqual([toronto.id, laval.id, online.id, montreal.id].sort());
    expect(plain.place).toBeNull();
    const near = await findGuideMatches({ ctx: ctx(), ranking, input: { where: { topic: 'fm-caregiving', city: 'MONTREAL' }, perOption: 5 } });
    expect(near.place?.label).toContain('Montr');
    expect(near.matches[0]?.groups.map((g) => [g.id, g.fit.place])).toEqual([
      [montreal.id, 'city'],
      [laval.id, 'near'],
      [online.id, 'online'],
    ]);
    // "All groups of this kind" searches the same place.
    expect(near.matches[0]?.search).toMatchObject({ topic: ['fm-caregiving'], near: near.place?.label });
    // The topic drop-in option would also take Montréal's group, but it is already shown.
    expect(near.matches.find((m) => m.option === 'topic_drop_in')?.groups).toEqual([]);
    // A place the gazetteer does not know is said, and does not limit the groups.
    const unknown = await findGuideMatches({ ctx: ctx(), ranking, input: { where: { topic: 'fm-caregiving', city: 'Zzyzxville' }, perOption: 5 } });
    expect(unknown.placeUnknown).toBe(true);
    expect(unknown.matches[0]?.groups).toHaveLength(4);
  });

  it('widens a sub-topic to its parent unless the same loss is wanted, leaves out other sub-topics and age groups, and puts verified organizations first', async () => {
    const org = await createOrganization(t);
    const verified = await createOrganization(t, { verification: 'verified' });
    const loss = await createTopic(t, { slug: 'fm-loss' });
    const parent = await createTopic(t, { slug: 'fm-loss-parent', parentId: loss.id });
    const pet = await createTopic(t, { slug: 'fm-loss-pet', parentId: loss.id });
    const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
    const general = await createGroup(t, { organizationId: org.id, titleEn: 'Any loss drop-in' });
    await tagGroup(t, general.id, loss.id);
    const generalVerified = await createGroup(t, { organizationId: verified.id, titleEn: 'Any loss, verified' });
    await tagGroup(t, generalVerified.id, loss.id);
    const parents = await createGroup(t, { organizationId: org.id, titleEn: 'Loss of a parent' });
    await tagGroup(t, parents.id, parent.id);
    const pets = await createGroup(t, { organizationId: org.id, titleEn: 'Loss of a pet' });
    await tagGroup(t, pets.id, pet.id);
    const teens = await createGroup(t, { organizationId: org.id, titleEn: 'Teens who lost a parent', ageMin: 13, ageMax: 17 });
    await tagGroup(t, teens.id, parent.id);
    const adults = await createGroup(t, { organizationId: org.id, titleEn: 'Adults who lost a parent', ageMin: 18 });
    await tagGroup(t, adults.id, parent.id);
    for (const [g, n] of [[general, 1], [generalVerified, 2], [parents, 3], [pets, 1], [teens, 1], [adults, 4]] as const) {
      await createSession(t, { groupId: g.id, startsAt: day(n) });
    }
    const ids = (m: Awaited<ReturnType<typeof findGuideMatches>>) => m.matches.find((o) => o.option === 'drop_in_group')?.groups.map((g) => g.id);

    const any = await findGuideMatches({ ctx: ctx(), ranking: rankKinds({ sameLoss: 'general' }), input: { where: { topic: 'fm-loss-parent' }, perOption: 10 } });
    expect(any.topic?.widenedTo?.slug).toBe('fm-loss');
    // Verified first among equals; the pet group (another loss) and the teen group (no age given) are left out.
    expect(ids(any)).toEqual([generalVerified.id, general.id, parents.id, adults.id]);
    const dropIns = any.matches.find((o) => o.option === 'drop_in_group')!.groups;
    expect(dropIns.find((g) => g.id === general.id)?.fit.topic).toBe('general');
    expect(dropIns.find((g) => g.id === parents.id)?.fit.topic).toBe('exact');

    const exact = await findGuideMatches({ ctx: ctx(), ranking: rankKinds({ sameLoss: 'exact' }), input: { where: { topic: 'fm-loss-parent' }, perOption: 10 } });
    expect(ids(exact)).toEqual([parents.id, adults.id]);

    // When the person gives an age that fits, the age group is suggested.
    const teen = await findGuideMatches({ ctx: ctx(), ranking: rankKinds({ sameLoss: 'exact' }), input: { where: { topic: 'fm-loss-parent', age: 15 }, perOption: 10 } });
    expect(ids(teen)).toEqual([teens.id, parents.id]);
  });

  it('rejects a malformed topic with an invalid error', async () => {
    await expect(
      findGuideMatches({ ctx: ctx(), ranking: rankKinds({}), input: { where: { topic: 'DROP TABLE' } } }),
    ).rejects.toMatchObject({ code: 'invalid' });
  });
});

describe('listTopicChoices', () => {
  it('lists parents with their sub-topics', async () => {
    const choices = await listTopicChoices({ ctx: ctx() });
    const grief = choices.find((c) => c.slug === 'fm-grief');
    expect(grief?.children.map((c) => c.slug)).toEqual(['fm-grief-child']);
    expect(choices.some((c) => c.slug === 'fm-grief-child')).toBe(false);
  });
});
