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
    const matches = await findGuideMatches({ ctx: ctx(), ranking, input: { where: { topic: 'fm-grief', language: 'fr' } } });
    expect(matches.map((m) => m.option)).toEqual(ranking.options.slice(0, 3).map((o) => o.id));
    expect(matches[0]?.groups.map((g) => g.id)).toEqual([community.id]);
    // Drop-ins: the paid one (free only) and the in-person one (the person lives far) are left out.
    expect(matches[1]?.groups.map((g) => g.id)).toEqual([freeHybrid.id]);

    const anyLanguage = await findGuideMatches({ ctx: ctx(), ranking, input: { where: { topic: 'fm-grief' } } });
    expect(anyLanguage[0]?.groups.map((g) => g.id).sort()).toEqual([community.id, englishOnly.id].sort());
  });

  it('puts groups in the person’s city first, ignoring accents and case, and shows a group under one option only', async () => {
    const org = await createOrganization(t);
    const topic = await createTopic(t, { slug: 'fm-caregiving' });
    const toronto = await createGroup(t, { organizationId: org.id, city: 'Toronto', titleEn: 'Toronto circle' });
    const montreal = await createGroup(t, { organizationId: org.id, city: 'Montréal', titleEn: 'Montreal circle', dropInStyle: 'topic' });
    for (const g of [toronto, montreal]) await tagGroup(t, g.id, topic.id);
    // Toronto's session is sooner, so it comes first without a city.
    await createSession(t, { groupId: toronto.id, startsAt: new Date(NOW.getTime() + 86_400_000) });
    await createSession(t, { groupId: montreal.id, startsAt: new Date(NOW.getTime() + 5 * 86_400_000) });
    const ranking = rankKinds({ sameLoss: 'general', budget: 'free' });
    const plain = await findGuideMatches({ ctx: ctx(), ranking, input: { where: { topic: 'fm-caregiving' }, perOption: 5 } });
    expect(plain[0]?.groups.map((g) => g.id)).toEqual([toronto.id, montreal.id]);
    const near = await findGuideMatches({ ctx: ctx(), ranking, input: { where: { topic: 'fm-caregiving', city: 'MONTREAL' }, perOption: 5 } });
    expect(near[0]?.groups.map((g) => g.id)).toEqual([montreal.id, toronto.id]);
    // The topic drop-in option would also take Montréal's group, but it is already shown.
    expect(near.find((m) => m.option === 'topic_drop_in')?.groups).toEqual([]);
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
