import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createMember, createUser } from '../../tests/support/factories';
import { actingAs, createCommunity, joinedMember } from '../../tests/support/communities';
import { communityMembers, emailOutbox } from '../../db/schema';
import { renderEmail } from '../../server/email/render';
import { unsubscribe } from '../participants/my-data';
import { createComment, createPost } from './posts';
import { removeContent } from './moderation';
import { queueCommunityDigests, setNotifications } from './notifications';
import { deleteAccount } from '../accounts/my-account';

const NOW = new Date('2026-12-06T15:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
let t: TestDatabase;
const as = (userId: string, now = NOW) => actingAs(t, userId, now);

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

const mailsTo = (email: string, template: string) =>
  t.db.select().from(emailOutbox).where(and(eq(emailOutbox.toEmail, email), eq(emailOutbox.template, template)));

async function setting() {
  const { user: owner, organizationId } = await createMember(t, 'owner');
  const g = await createCommunity(t, { organizationId, titleFr: 'Proches aidants' });
  const before = later(-30 * 24 * 60);
  const ana = await joinedMember(t, g.id, owner.id, 'Ana', before, 'fr');
  const bo = await joinedMember(t, g.id, owner.id, 'Birchwood', before);
  const cleo = await joinedMember(t, g.id, owner.id, 'Cleo', before);
  return { owner, g, ana, bo, cleo };
}

describe('emails about replies', () => {
  it('tell the authors of the post and of the comment answered, in their language, never the reply’s text, with a one-click stop', async () => {
    const { g, ana, bo, cleo } = await setting();
    const { postId } = await createPost({ ctx: as(ana.id), input: { community: g.id, body: 'Long night.' } });
    const first = await createComment({ ctx: as(bo.id), input: { postId, body: 'Here with you, tonight.', anonymous: true } });
    // Ana answers Bo: Bo is told; Ana, who wrote it, is not.
    await createComment({ ctx: as(ana.id), input: { postId, parentId: first.commentId, body: 'Thank you.' } });
    // Cleo answers Bo's comment under Ana's post: both are told, once each.
    await createComment({ ctx: as(cleo.id), input: { postId, parentId: first.commentId, body: 'Same here.' } });

    const toAna = await mailsTo(ana.email, 'community_reply');
    const toBo = await mailsTo(bo.email, 'community_reply');
    expect([toAna.length, toBo.length, (await mailsTo(cleo.email, 'community_reply')).length]).toEqual([2, 2, 0]);
    expect(toAna.every((m) => m.locale === 'fr' && !m.transactional)).toBe(true);
    const anonymous = renderEmail('community_reply', toAna[0]!.payload as never, 'fr', as(ana.id).settings);
    expect(anonymous.subject).toBe('Un membre anonyme a répondu dans Proches aidants');
    expect(anonymous.text).not.toContain('Here with you');
    expect(anonymous.text).not.toContain('Birchwood');
    expect(anonymous.text).toContain(`/fr/groupes/${g.slugFr ?? g.slug}/communaute/publications/${postId}`);
    expect(anonymous.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const named = renderEmail('community_reply', toBo[0]!.payload as never, 'en', as(bo.id).settings);
    expect(named.subject).toMatch(/^(Ana|Cleo) replied in /);

    // Ana's one-click link stops replies from this community for her.
    const token = /\/unsubscribe\/([^>]+)>/.exec(anonymous.headers['List-Unsubscribe']!)![1]!;
    await unsubscribe({ ctx: as(ana.id), input: { token } });
    // What was queued for her and not sent yet is dropped; nothing new is queued.
    expect(await mailsTo(ana.email, 'community_reply')).toEqual([]);
    await createComment({ ctx: as(cleo.id), input: { postId, body: 'And again.' } });
    expect(await mailsTo(ana.email, 'community_reply')).toEqual([]);
    expect(await mailsTo(bo.email, 'community_reply')).toHaveLength(2);
    const [row] = await t.db.select().from(communityMembers).where(eq(communityMembers.id, ana.memberId));
    expect(row?.notifyReplies).toBe(false);
  });

  it('are chosen per community, by members only', async () => {
    const { g, ana, bo } = await setting();
    const stranger = await createUser(t);
    await expect(setNotifications({ ctx: as(stranger.id), input: { community: g.id, replies: true, digest: true } })).rejects.toMatchObject({ code: 'forbidden' });
    await setNotifications({ ctx: as(ana.id), input: { community: g.id, replies: false, digest: false } });
    const { postId } = await createPost({ ctx: as(ana.id), input: { community: g.id, body: 'Hello' } });
    await createComment({ ctx: as(bo.id), input: { postId, body: 'Hi' } });
    expect(await mailsTo(ana.email, 'community_reply')).toEqual([]);
  });
});

describe('the daily digest', () => {
  it('lists once a day what others wrote since the last one, anonymous authors kept anonymous, removed posts left out', async () => {
    const { owner, g, ana, bo, cleo } = await setting();
    await setNotifications({ ctx: as(bo.id), input: { community: g.id, replies: true, digest: true } });
    await createPost({ ctx: as(ana.id, later(60)), input: { community: g.id, body: 'A **first** post about the week.' } });
    await createPost({ ctx: as(cleo.id, later(90)), input: { community: g.id, body: 'Something I can only say without my name.', anonymous: true } });
    const removed = await createPost({ ctx: as(cleo.id, later(100)), input: { community: g.id, body: 'Buy pills here' } });
    await removeContent({ ctx: as(owner.id, later(101)), input: { postId: removed.postId, reason: 'Spam.' } });
    await createPost({ ctx: as(bo.id, later(120)), input: { community: g.id, body: 'My own post.' } });

    expect(await queueCommunityDigests(as(owner.id, later(23 * 60)))).toBe(0);
    expect(await queueCommunityDigests(as(owner.id, later(25 * 60)))).toBe(1);
    expect(await queueCommunityDigests(as(owner.id, later(26 * 60)))).toBe(0);
    const [digest] = await mailsTo(bo.email, 'community_digest');
    const mail = renderEmail('community_digest', digest!.payload as never, 'en', as(bo.id).settings);
    expect(mail.text).toContain('Ana — A first post about the week.');
    expect(mail.text).toContain('Anonymous member — Something I can only say without my name.');
    expect(mail.text).not.toContain('Cleo');
    expect(mail.text).not.toContain('Buy pills');
    expect(mail.text).not.toContain('My own post');
    // Nobody else chose one.
    expect(await mailsTo(ana.email, 'community_digest')).toEqual([]);

    // Nothing new: nothing sent; the one-click link stops it.
    expect(await queueCommunityDigests(as(owner.id, later(50 * 60)))).toBe(0);
    const token = /\/unsubscribe\/([^>]+)>/.exec(mail.headers['List-Unsubscribe']!)![1]!;
    await unsubscribe({ ctx: as(bo.id), input: { token } });
    await createPost({ ctx: as(ana.id, later(51 * 60)), input: { community: g.id, body: 'Later.' } });
    expect(await queueCommunityDigests(as(owner.id, later(80 * 60)))).toBe(0);
  });

  it('names ten posts at most, then says how many more, and signs a deleted account’s post "Deleted member"', async () => {
    const { owner, g, ana, bo, cleo } = await setting();
    await setNotifications({ ctx: as(bo.id), input: { community: g.id, replies: true, digest: true } });
    // Twelve posts by two people over the day; Cleo then leaves Cercle, keeping what she wrote.
    for (let i = 0; i < 12; i++) {
      await createPost({ ctx: as(i % 2 ? cleo.id : ana.id, later(30 + i * 60)), input: { community: g.id, body: `Post number ${i + 1}.` } });
    }
    await deleteAccount({ ctx: as(cleo.id, later(13 * 60)), input: { content: 'keep', confirm: true } });
    expect(await queueCommunityDigests(as(owner.id, later(25 * 60)))).toBe(1);
    const [digest] = await mailsTo(bo.email, 'community_digest');
    const text = renderEmail('community_digest', digest!.payload as never, 'en', as(bo.id).settings).text;
    // The ten oldest, in order; the last two counted, not named.
    for (let i = 1; i <= 10; i++) expect(text).toContain(`Post number ${i}.`);
    expect(text).not.toContain('Post number 11.');
    expect(text).toContain('and 2 more posts');
    expect(text).toContain('Deleted member — Post number 2.');
    expect(text).toContain('Ana — Post number 1.');
  });
});
