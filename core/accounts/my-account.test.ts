import { mkdtempSync, rmSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createMember, createUser } from '../../tests/support/factories';
import { createCommunity, joinedMember } from '../../tests/support/communities';
import { communityConversations, communityImages, communityMembers, communityMessages, communityPosts, emailOutbox, organizationMembers, users } from '../../db/schema';
import { createContext, type Context } from '../context';
import { diskStore } from '../files/store';
import { createComment, createPost } from '../communities/posts';
import { getPost, listFeed } from '../communities/feed';
import { sendMessage, setBlock } from '../communities/messages';
import { setExperience } from '../communities/people';
import { changeMemberRole } from '../organizations/change-member-role';
import { deleteAccount, exportAccountData } from './my-account';

const NOW = new Date('2026-12-06T15:00:00Z');
const BEFORE = new Date(NOW.getTime() - 30 * 86_400_000);
let t: TestDatabase;
let dir: string;
const as = (userId: string, now: Date = NOW): Context => createContext(t.db, { now, actor: { type: 'user', userId }, files: diskStore(path.join(dir, 'files')) });

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
  dir = mkdtempSync(path.join(tmpdir(), 'cercle-account-'));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A community where Ana wrote a post with an image and a comment, Birchwood answered, and they spoke privately. */
async function setting() {
  const { user: owner, organizationId } = await createMember(t, 'owner');
  const g = await createCommunity(t, { organizationId });
  const ana = await joinedMember(t, g.id, owner.id, 'Ana', BEFORE);
  const birch = await joinedMember(t, g.id, owner.id, 'Birchwood', BEFORE);
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } }).png().toBuffer();
  const { postId } = await createPost({ ctx: as(ana.id), input: { community: g.id, body: 'The first winter without him.', images: [{ data: png, alt: 'Snow on a bench' }] } });
  const { postId: anonymousId } = await createPost({ ctx: as(ana.id), input: { community: g.id, body: 'Something I never told anyone.', anonymous: true } });
  await createComment({ ctx: as(ana.id), input: { postId: anonymousId, body: 'Thank you all for reading.' } });
  await createComment({ ctx: as(birch.id), input: { postId, body: 'I remember that first winter too.' } });
  await setExperience({ ctx: as(ana.id), input: { community: g.id, findable: true, year: 2024, region: 'CA-QC' } });
  const { conversationId } = await sendMessage({ ctx: as(birch.id), input: { community: g.id, to: ana.memberId, body: 'Your post helped me.' } });
  await sendMessage({ ctx: as(ana.id, new Date(NOW.getTime() + 60_000)), input: { conversationId, body: 'I am glad.' } });
  await setBlock({ ctx: as(ana.id), input: { community: g.id, memberId: (await createBlocked(g.id, owner.id)).memberId, blocked: true } });
  return { owner, organizationId, g, ana, birch, postId, anonymousId, conversationId };
}

async function createBlocked(groupId: string, ownerId: string) {
  return joinedMember(t, groupId, ownerId, 'Pushy', BEFORE);
}

async function exists(file: string) {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function imageFile(postId: string) {
  const [img] = await t.db.select().from(communityImages).where(eq(communityImages.postId, postId));
  return img ? path.join(dir, 'files', img.storageKey) : null;
}

describe('a member’s own data', () => {
  it('is exported whole: account, community membership, posts with images, comments, messages, blocks', async () => {
    const { g, ana, postId, anonymousId } = await setting();
    const data = await exportAccountData({ ctx: as(ana.id) });
    expect(data.account).toMatchObject({ email: ana.email, nickname: 'Ana' });
    expect(data.communities).toHaveLength(1);
    const c = data.communities[0]!;
    expect(c.community.slug).toBe(g.slug);
    expect(c.status).toBe('member');
    expect(c.posts.map((p) => [p.id, p.body, p.anonymous])).toEqual([
      [postId, 'The first winter without him.', false],
      [anonymousId, 'Something I never told anyone.', true],
    ]);
    expect(c.posts[0]!.images).toEqual([expect.objectContaining({ alt: 'Snow on a bench', url: expect.stringMatching(/\/community\/images\/[0-9a-f-]{36}$/) })]);
    // Only their own comments, not Birchwood's answer.
    expect(c.comments.map((x) => x.body)).toEqual(['Thank you all for reading.']);
    expect(c.conversations).toEqual([
      {
        with: 'Birchwood',
        startedAt: expect.any(Date),
        messages: [
          { fromMe: false, body: 'Your post helped me.', at: expect.any(Date) },
          { fromMe: true, body: 'I am glad.', at: expect.any(Date) },
        ],
      },
    ]);
    expect(c.blocked.map((b) => b.nickname)).toEqual(['Pushy']);
    // It goes out as JSON, nothing lost in the conversion.
    expect(JSON.parse(JSON.stringify(data)).communities[0].posts[1].body).toBe('Something I never told anyone.');
    // Someone not signed in has no data to export.
    await expect(exportAccountData({ ctx: createContext(t.db, { now: NOW, actor: { type: 'system' } }) })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('deleting an account', () => {
  it('"erase" removes the text and images of posts and comments and the private messages; replies by others stay', async () => {
    const { g, ana, birch, postId, anonymousId, conversationId } = await setting();
    const file = (await imageFile(postId))!;
    expect(await exists(file)).toBe(true);
    await expect(deleteAccount({ ctx: as(ana.id), input: { content: 'erase', confirm: false as never } })).rejects.toMatchObject({ code: 'invalid' });

    expect(await deleteAccount({ ctx: as(ana.id), input: { content: 'erase', confirm: true } })).toEqual({ deleted: true, content: 'erase' });
    expect(await t.db.select().from(users).where(eq(users.id, ana.id))).toEqual([]);
    expect(await t.db.select().from(communityMembers).where(eq(communityMembers.userId, ana.id))).toEqual([]);
    // Her words are gone from the database, not only from the pages.
    const posts = await t.db.select().from(communityPosts).where(inArray(communityPosts.id, [postId, anonymousId]));
    for (const p of posts) expect([p.body, p.html, p.deletedAt, p.authorId]).toEqual(['', '', NOW, null]);
    expect(await t.db.select().from(communityImages).where(eq(communityImages.postId, postId))).toEqual([]);
    expect(await exists(file)).toBe(false);
    expect(await t.db.select().from(communityConversations).where(eq(communityConversations.id, conversationId))).toEqual([]);
    expect(await t.db.select().from(communityMessages).where(eq(communityMessages.conversationId, conversationId))).toEqual([]);
    // Birchwood's reply is still there to read, under a deleted post it no longer shows.
    const feed = await listFeed({ ctx: as(birch.id), input: { community: g.id } });
    expect(feed.posts.map((p) => p.id)).not.toContain(postId);
    const [reply] = await t.db.select().from(communityPosts).where(eq(communityPosts.id, postId));
    expect(reply!.commentCount).toBe(1);
  });

  it('"keep" leaves posts and comments readable, signed "Deleted member", and anonymous ones still anonymous', async () => {
    const { g, ana, birch, postId, anonymousId, conversationId } = await setting();
    const file = (await imageFile(postId))!;
    await deleteAccount({ ctx: as(ana.id), input: { content: 'keep', confirm: true } });
    expect(await t.db.select().from(users).where(eq(users.id, ana.id))).toEqual([]);
    const seen = await getPost({ ctx: as(birch.id), input: { postId } });
    expect(seen.post.html).toContain('The first winter without him.');
    expect(seen.post.author).toEqual({ nickname: null, anonymous: false, mine: false, deletedMember: true });
    expect(seen.post.images).toHaveLength(1);
    expect(await exists(file)).toBe(true);
    expect(seen.comments.map((c) => c.html)).toEqual([expect.stringContaining('I remember that first winter too.')]);
    const hidden = await getPost({ ctx: as(birch.id), input: { postId: anonymousId } });
    expect(hidden.post.author.anonymous).toBe(true);
    expect(hidden.comments[0]!.author).toMatchObject({ deletedMember: true });
    const feed = await listFeed({ ctx: as(birch.id), input: { community: g.id } });
    expect(feed.posts.map((p) => p.id)).toEqual(expect.arrayContaining([postId, anonymousId]));
    // Private messages go either way.
    expect(await t.db.select().from(communityConversations).where(eq(communityConversations.id, conversationId))).toEqual([]);
    // Birchwood can still answer the post.
    await createComment({ ctx: as(birch.id), input: { postId, body: 'Still thinking of you.' } });
  });

  it('refuses while the person is the last owner of an organization, and clears their account emails', async () => {
    const { user: owner, organizationId } = await createMember(t, 'owner');
    const other = await createUser(t);
    await t.db.insert(organizationMembers).values({ organizationId, userId: other.id, role: 'admin' });
    await t.db.insert(emailOutbox).values({ idempotencyKey: `test:${owner.id}`, toEmail: owner.email, locale: 'en', template: 'password_reset', payload: { url: 'https://example.org/x' }, createdAt: NOW });
    await expect(deleteAccount({ ctx: as(owner.id), input: { content: 'keep', confirm: true } })).rejects.toMatchObject({ code: 'conflict', reason: 'last_owner' });
    expect(await t.db.select().from(users).where(eq(users.id, owner.id))).toHaveLength(1);
    await changeMemberRole({ ctx: as(owner.id), input: { organizationId, userId: other.id, role: 'owner' } });
    await deleteAccount({ ctx: as(owner.id), input: { content: 'keep', confirm: true } });
    expect(await t.db.select().from(organizationMembers).where(eq(organizationMembers.organizationId, organizationId))).toEqual([
      expect.objectContaining({ userId: other.id, role: 'owner' }),
    ]);
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, owner.email))).toEqual([]);
  });
});
