import { describe, expect, it } from 'vitest';
import { createMember, createUser } from '../../tests/support/factories';
import { communityTestDatabase, createCommunity, joinedMember } from '../../tests/support/communities';
import { createComment, createPost, deletePost, editPost } from './posts';
import { searchCommunity } from './feed';
import { removeContent } from './moderation';

const NOW = new Date('2026-12-06T15:00:00Z');
const { db, as } = communityTestDatabase(NOW);

describe('searching a community', () => {
  it('finds posts by their words or their replies’ words, in English and French, for members only, and never by an anonymous author’s name', async () => {
    const { user: owner, organizationId } = await createMember(db(), 'owner');
    const g = await createCommunity(db(), { organizationId });
    const other = await createCommunity(db(), { organizationId });
    const ana = await joinedMember(db(), g.id, owner.id, 'Ana', NOW);
    const bo = await joinedMember(db(), g.id, owner.id, 'Bojangles', NOW);
    const sleep = await createPost({ ctx: as(ana.id), input: { community: g.id, body: 'I have not been sleeping since the funeral.' } });
    const french = await createPost({ ctx: as(bo.id), input: { community: g.id, body: 'Les nuits sont longues depuis les funérailles.', anonymous: true } });
    const quiet = await createPost({ ctx: as(bo.id), input: { community: g.id, body: 'A walk by the river helped today.' } });
    await createComment({ ctx: as(ana.id), input: { postId: quiet.postId, body: 'Walking helps me sleep too.' } });
    const gone = await createPost({ ctx: as(ana.id), input: { community: g.id, body: 'Sleep pills from a stranger online.' } });
    await removeContent({ ctx: as(owner.id), input: { postId: gone.postId, reason: 'Unsafe.' } });
    const mine = await createPost({ ctx: as(bo.id), input: { community: g.id, body: 'Insomnia again, sleeping badly.' } });
    await deletePost({ ctx: as(bo.id), input: { id: mine.postId } });
    const otherMember = await joinedMember(db(), other.id, owner.id, 'Else', NOW);
    await createPost({ ctx: as(otherMember.id), input: { community: other.id, body: 'Sleep is hard here too.' } });

    const ids = async (who: string, q: string) => (await searchCommunity({ ctx: as(who), input: { community: g.id, q } })).posts.map((p) => p.id);
    // Stemmed: "sleep" finds "sleeping"; a reply's words find its post; removed, deleted and other communities' posts are not found.
    expect((await ids(bo.id, 'sleep')).sort()).toEqual([sleep.postId, quiet.postId].sort());
    // The post's own words rank above a reply's.
    expect((await ids(bo.id, 'sleep'))[0]).toBe(sleep.postId);
    // French, with or without accents; English words for the same post do not need to match.
    expect(await ids(ana.id, 'funerailles')).toEqual([french.postId]);
    expect(await ids(ana.id, 'nuit')).toEqual([french.postId]);
    // Its author (removed post) still finds their own.
    expect(await ids(ana.id, 'pills')).toEqual([gone.postId]);
    expect(await ids(bo.id, 'pills')).toEqual([]);
    // Nobody finds an anonymous post by its author's nickname.
    expect(await ids(ana.id, 'Bojangles')).toEqual([]);
    // How many replies matched.
    const found = (await searchCommunity({ ctx: as(bo.id), input: { community: g.id, q: 'walking' } })).posts;
    expect(found.map((p) => [p.id, p.matchingReplies])).toEqual([[quiet.postId, 1]]);
    // An edit is searched by its new words.
    await editPost({ ctx: as(ana.id), input: { postId: sleep.postId, body: 'Tired, every night.' } });
    expect(await ids(bo.id, 'tired')).toEqual([sleep.postId]);

    const stranger = await createUser(db());
    await expect(searchCommunity({ ctx: as(stranger.id), input: { community: g.id, q: 'sleep' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(searchCommunity({ ctx: as(ana.id), input: { community: g.id, q: '  ' } })).rejects.toMatchObject({ code: 'invalid' });
  });
});
