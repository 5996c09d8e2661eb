import { describe, expect, it } from 'vitest';
import { createMember, createTopic, createUser } from '../../tests/support/factories';
import { communityTestDatabase, createCommunity, joinedMember } from '../../tests/support/communities';
import { findPeople, getExperience, setExperience } from './people';
import { sanctionMember } from './moderation';

const NOW = new Date('2026-12-06T15:00:00Z');
const { db, as } = communityTestDatabase(NOW);

describe('finding people with the same experience', () => {
  it('ranks findable members by shared topics and the nearest year, or by region, showing only what each chose to show', async () => {
    const { user: owner, organizationId } = await createMember(db(), 'owner');
    const g = await createCommunity(db(), { organizationId });
    const other = await createCommunity(db(), { organizationId });
    const child = await createTopic(db(), { labelEn: 'Loss of a child', labelFr: 'Perte d’un enfant' });
    const suicide = await createTopic(db(), { labelEn: 'Loss to suicide', labelFr: 'Deuil par suicide' });
    const partner = await createTopic(db(), { labelEn: 'Loss of a partner', labelFr: 'Perte d’un conjoint' });
    const me = await joinedMember(db(), g.id, owner.id, 'Me', NOW);
    const close = await joinedMember(db(), g.id, owner.id, 'Close', NOW);
    const yearOnly = await joinedMember(db(), g.id, owner.id, 'YearOnly', NOW);
    const far = await joinedMember(db(), g.id, owner.id, 'Far', NOW);
    const hidden = await joinedMember(db(), g.id, owner.id, 'Hidden', NOW);
    const shy = await joinedMember(db(), g.id, owner.id, 'Shy', NOW);
    const elsewhere = await joinedMember(db(), other.id, owner.id, 'Elsewhere', NOW);
    const set = (who: string, community: string, input: Partial<Parameters<typeof setExperience>[0]['input']>) =>
      setExperience({ ctx: as(who), input: { community, findable: true, ...input } });

    await expect(findPeople({ ctx: as(me.id), input: { community: g.id, by: 'experience' } })).rejects.toMatchObject({ code: 'conflict', reason: 'describe_first' });
    await set(me.id, g.id, { topics: [child.slug, suicide.slug], year: 2024, region: 'CA-QC', findable: false });
    await set(close.id, g.id, { topics: [child.slug, suicide.slug], year: 2023, region: 'CA-QC', showRegion: true });
    await set(yearOnly.id, g.id, { topics: [partner.slug], year: 2024, region: 'CA-QC' }); // region not shown
    await set(far.id, g.id, { topics: [child.slug], year: 1990, showYear: false, region: 'CA-ON', showRegion: true });
    await set(hidden.id, g.id, { topics: [child.slug, suicide.slug], year: 2024, showTopics: false }); // topics hidden: compared by year only
    await set(shy.id, g.id, { topics: [child.slug, suicide.slug], year: 2024, findable: false });
    await set(elsewhere.id, other.id, { topics: [child.slug, suicide.slug], year: 2024 });

    const found = await findPeople({ ctx: as(me.id), input: { community: g.id, by: 'experience' } });
    expect(found.map((p) => p.nickname)).toEqual(['Close', 'Far', 'Hidden', 'YearOnly']);
    expect(found[0]).toEqual({
      memberId: close.memberId,
      nickname: 'Close',
      canMessage: true,
      topics: [expect.objectContaining({ slug: child.slug, shared: true }), expect.objectContaining({ slug: suicide.slug, shared: true })],
      year: 2023,
      region: 'CA-QC',
    });
    // Far's year is not shown, so it is neither compared nor told; Hidden's topics are not told.
    expect([found[1]!.year, found[2]!.topics, found[3]!.region]).toEqual([null, null, null]);
    expect(await findPeople({ ctx: as(me.id), input: { community: g.id, by: 'nearby' } })).toEqual([expect.objectContaining({ nickname: 'Close' })]);

    // Not findable: nobody finds Me; a banned member is not found either.
    expect((await findPeople({ ctx: as(close.id), input: { community: g.id, by: 'experience' } })).map((p) => p.nickname)).not.toContain('Me');
    await sanctionMember({ ctx: as(owner.id), input: { memberId: far.memberId, sanction: 'ban', reason: 'x' } });
    expect((await findPeople({ ctx: as(me.id), input: { community: g.id, by: 'experience' } })).map((p) => p.nickname)).not.toContain('Far');
    await expect(findPeople({ ctx: as(far.id), input: { community: g.id, by: 'experience' } })).rejects.toMatchObject({ code: 'forbidden', reason: 'banned' });

    // One's own description, back as given; bad input refused; outsiders (and the organization as such) refused.
    expect(await getExperience({ ctx: as(me.id), input: { community: g.id } })).toMatchObject({ findable: false, year: 2024, region: 'CA-QC' });
    await expect(set(me.id, g.id, { topics: ['no-such-topic'] })).rejects.toMatchObject({ code: 'invalid' });
    await expect(set(me.id, g.id, { year: 2030 })).rejects.toMatchObject({ code: 'invalid' });
    // What a form sends for words that are not a year (Number('soon')).
    await expect(set(me.id, g.id, { year: Number('soon') })).rejects.toMatchObject({ code: 'invalid', issues: [expect.objectContaining({ path: 'year' })] });
    await expect(set(me.id, g.id, { region: 'XX' as never })).rejects.toMatchObject({ code: 'invalid' });
    const stranger = await createUser(db());
    await expect(findPeople({ ctx: as(stranger.id), input: { community: g.id, by: 'experience' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(findPeople({ ctx: as(owner.id), input: { community: g.id, by: 'experience' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(findPeople({ ctx: as(elsewhere.id), input: { community: g.id, by: 'experience' } })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
