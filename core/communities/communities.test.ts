import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { addMember, createGroup, createMember, createUser } from '../../tests/support/factories';
import { createCommunity, joinedMember } from '../../tests/support/communities';
import { communityMembers, communityPosts, emailOutbox, intakeQuestions, users } from '../../db/schema';
import { createContext, type Context } from '../context';
import { renderEmail } from '../../server/email/render';
import { decideJoinRequest, leaveCommunity, listJoinRequests, listMembers, requestToJoin, setModerator } from './membership';
import { createComment, createPost, deleteComment, deletePost, editComment, editPost, react } from './posts';
import { getPost, listFeed } from './feed';
import { crisisPhrases, hasCrisisLanguage } from './crisis';
import { renderMemberText } from './markdown';

const NOW = new Date('2026-12-06T15:00:00Z');
let t: TestDatabase;
const as = (userId: string, now = NOW, locale: 'en' | 'fr' = 'en'): Context => createContext(t.db, { now, locale, actor: { type: 'user', userId } });
const anonymousVisitor = () => createContext(t.db, { now: NOW });
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

const community = (overrides: Parameters<typeof createCommunity>[1] = {}) => createCommunity(t, overrides);
/** A person who asked and was approved, with their nickname. */
const member = (groupId: string, moderatorId: string, nick: string) => joinedMember(t, groupId, moderatorId, nick, NOW);

describe('joining a community', () => {
  it('asks the questions and the rules, waits for a moderator, and emails the decision in the person’s language', async () => {
    const { user: owner, organizationId } = await createMember(t, 'owner');
    const g = await community({ organizationId, titleFr: 'Communauté des proches endeuillés' });
    const [q] = await t.db
      .insert(intakeQuestions)
      .values({ groupId: g.id, position: 1, type: 'text', labelEn: 'What brings you here?', labelFr: 'Qu’est-ce qui vous amène?', required: true })
      .returning();
    const person = await createUser(t, { name: 'Real Name Withheld' });

    await expect(requestToJoin({ ctx: as(person.id, NOW, 'fr'), input: { community: g.slug, nickname: 'Lune', acceptRules: false as never } })).rejects.toMatchObject({ code: 'invalid' });
    await expect(requestToJoin({ ctx: as(person.id, NOW, 'fr'), input: { community: g.slug, nickname: 'Lune', acceptRules: true } })).rejects.toMatchObject({
      code: 'invalid',
      issues: [expect.objectContaining({ path: `answers.${q!.id}` })],
    });
    expect(await t.db.select().from(communityMembers).where(eq(communityMembers.groupId, g.id))).toEqual([]);

    const asked = await requestToJoin({ ctx: as(person.id, NOW, 'fr'), input: { community: g.slug, nickname: 'Lune', acceptRules: true, answers: { [q!.id]: 'Mon frère' } } });
    expect(asked.status).toBe('pending');
    // Asking twice changes nothing.
    expect((await requestToJoin({ ctx: as(person.id), input: { community: g.id, nickname: 'Lune', acceptRules: true, answers: { [q!.id]: 'x' } } })).memberId).toBe(asked.memberId);
    // Pending: nothing to read yet.
    await expect(listFeed({ ctx: as(person.id), input: { community: g.id } })).rejects.toMatchObject({ code: 'forbidden', reason: 'pending' });

    const queue = await listJoinRequests({ ctx: as(owner.id), input: { community: g.id } });
    expect(queue.map((r) => [r.nickname, r.answers])).toEqual([['Lune', { [q!.id]: 'Mon frère' }]]);
    await decideJoinRequest({ ctx: as(owner.id), input: { memberId: asked.memberId, decision: 'approve' } });
    await expect(decideJoinRequest({ ctx: as(owner.id), input: { memberId: asked.memberId, decision: 'decline' } })).rejects.toMatchObject({ code: 'conflict' });
    expect((await listFeed({ ctx: as(person.id), input: { community: g.id } })).posts).toEqual([]);

    const [mail] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, person.email));
    expect([mail?.template, mail?.locale]).toEqual(['community_approved', 'fr']);
    const rendered = renderEmail('community_approved', mail!.payload as never, 'fr', as(owner.id).settings);
    expect(rendered.subject).toBe('Bienvenue dans Communauté des proches endeuillés');
    expect(rendered.text).toContain('Bonjour Lune,');
    expect(rendered.text).not.toContain('Real Name Withheld');
  });

  it('declines with a reason, lets the person ask again, takes them at once when approval is automatic, and lets them leave in one step', async () => {
    const { user: owner, organizationId } = await createMember(t, 'admin');
    const g = await community({ organizationId });
    const person = await createUser(t);
    const asked = await requestToJoin({ ctx: as(person.id), input: { community: g.id, nickname: 'Pine', acceptRules: true } });
    await decideJoinRequest({ ctx: as(owner.id), input: { memberId: asked.memberId, decision: 'decline', reason: 'This community is for parents.' } });
    const [declined] = await t.db.select().from(emailOutbox).where(and(eq(emailOutbox.toEmail, person.email), eq(emailOutbox.template, 'community_declined')));
    expect(renderEmail('community_declined', declined!.payload as never, 'en', as(owner.id).settings).text).toContain('This community is for parents.');
    expect((await requestToJoin({ ctx: as(person.id, later(5)), input: { community: g.id, nickname: 'Pine', acceptRules: true } })).status).toBe('pending');

    const open = await community({ organizationId, autoApprove: true });
    expect((await requestToJoin({ ctx: as(person.id), input: { community: open.id, nickname: 'Pine', acceptRules: true } })).status).toBe('member');
    expect((await listFeed({ ctx: as(person.id), input: { community: open.id } })).posts).toEqual([]);
    expect(await leaveCommunity({ ctx: as(person.id), input: { community: open.id } })).toEqual({ left: true });
    await expect(listFeed({ ctx: as(person.id), input: { community: open.id } })).rejects.toMatchObject({ code: 'forbidden', reason: 'not_a_member' });
  });

  it('is for published online communities only, and for signed-in people', async () => {
    const drop = await createGroup(t);
    const draft = await community({ status: 'draft' });
    const someone = await createUser(t);
    for (const ref of [drop.id, draft.id, draft.slug, 'no-such-community']) {
      await expect(requestToJoin({ ctx: as(someone.id), input: { community: ref, nickname: 'Ash', acceptRules: true } })).rejects.toMatchObject({ code: 'not_found' });
    }
    const g = await community();
    await expect(requestToJoin({ ctx: anonymousVisitor(), input: { community: g.id, nickname: 'Ash', acceptRules: true } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listFeed({ ctx: anonymousVisitor(), input: { community: g.id } })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('roles', () => {
  it('owners and admins moderate every community of their organization; moderators only theirs; facilitators and members none', async () => {
    const { user: owner, organizationId } = await createMember(t, 'owner');
    const { user: facilitator } = await createMember(t, 'facilitator', organizationId);
    const a = await community({ organizationId });
    const b = await community({ organizationId });
    const mod = await member(a.id, owner.id, 'Heron');
    const [row] = await t.db.select().from(communityMembers).where(and(eq(communityMembers.groupId, a.id), eq(communityMembers.userId, mod.id)));
    // Only the organization's owners and admins choose moderators.
    await expect(setModerator({ ctx: as(mod.id), input: { memberId: row!.id, moderator: true } })).rejects.toMatchObject({ code: 'forbidden' });
    await setModerator({ ctx: as(owner.id), input: { memberId: row!.id, moderator: true } });
    expect((await listMembers({ ctx: as(owner.id), input: { community: a.id } })).map((m) => [m.nickname, m.role])).toEqual([['Heron', 'moderator']]);
    await expect(listMembers({ ctx: as(mod.id), input: { community: a.id } })).rejects.toMatchObject({ code: 'forbidden' });

    const asker = await createUser(t);
    const inA = await requestToJoin({ ctx: as(asker.id), input: { community: a.id, nickname: 'Wren', acceptRules: true } });
    const inB = await requestToJoin({ ctx: as(asker.id), input: { community: b.id, nickname: 'Wren', acceptRules: true } });
    await expect(decideJoinRequest({ ctx: as(mod.id), input: { memberId: inB.memberId, decision: 'approve' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(decideJoinRequest({ ctx: as(facilitator.id), input: { memberId: inA.memberId, decision: 'approve' } })).rejects.toMatchObject({ code: 'forbidden' });
    await decideJoinRequest({ ctx: as(mod.id), input: { memberId: inA.memberId, decision: 'approve' } });
    await expect(decideJoinRequest({ ctx: as(asker.id), input: { memberId: inB.memberId, decision: 'approve' } })).rejects.toMatchObject({ code: 'forbidden' });
    // A facilitator of the organization reads nothing unless they join.
    await expect(listFeed({ ctx: as(facilitator.id), input: { community: a.id } })).rejects.toMatchObject({ code: 'forbidden' });
    // An owner reads without joining, but posts as a member only.
    expect((await listFeed({ ctx: as(owner.id), input: { community: b.id } })).posts).toEqual([]);
    await expect(createPost({ ctx: as(owner.id), input: { community: b.id, body: 'Hello' } })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('posting', () => {
  it('writes posts and one level of replies in a Markdown subset, sanitized, with reactions and an edited mark', async () => {
    const { user: owner, organizationId } = await createMember(t, 'owner');
    const g = await community({ organizationId });
    const ana = await member(g.id, owner.id, 'Ana');
    const bo = await member(g.id, owner.id, 'Bo');
    const body = 'I **finally** slept.\n\n- walked\n- ate\n\n> one day at a time\n\n<script>alert(1)</script> [link](https://example.org) [bad](javascript:alert(1))';
    const { postId, crisis } = await createPost({ ctx: as(ana.id), input: { community: g.id, body } });
    expect(crisis).toBe(false);
    const c1 = await createComment({ ctx: as(bo.id, later(1)), input: { postId, body: 'So glad.' } });
    const r1 = await createComment({ ctx: as(ana.id, later(2)), input: { postId, parentId: c1.commentId, body: 'Thank you.' } });
    // A reply to a reply answers the comment it hangs under: one level only.
    await createComment({ ctx: as(bo.id, later(3)), input: { postId, parentId: r1.commentId, body: 'Any time.' } });
    expect(await react({ ctx: as(bo.id), input: { postId, kind: 'support', on: true } })).toEqual({ support: 1, thanks: 0, me_too: 0 });
    await react({ ctx: as(bo.id), input: { postId, kind: 'support', on: true } });
    await react({ ctx: as(ana.id), input: { commentId: c1.commentId, kind: 'thanks', on: true } });
    await editPost({ ctx: as(ana.id, later(4)), input: { postId, body: `${body}\n\nEdit: and ate breakfast.` } });

    const seen = await getPost({ ctx: as(bo.id), input: { postId } });
    expect(seen.post.html).toContain('<strong>finally</strong>');
    expect(seen.post.html).toContain('<blockquote>');
    expect(seen.post.html).toContain('<a href="https://example.org" rel="nofollow ugc noopener">link</a>');
    expect(seen.post.html).not.toContain('<script');
    expect(seen.post.html).not.toContain('href="javascript');
    expect(seen.post.editedAt).toEqual(later(4));
    expect([seen.post.reactions, seen.post.myReactions, seen.post.commentCount]).toEqual([{ support: 1, thanks: 0, me_too: 0 }, ['support'], 3]);
    expect(seen.comments.map((c) => [c.author?.nickname, c.replies.map((r) => r.author?.nickname)])).toEqual([['Bo', ['Ana', 'Bo']]]);
    expect(seen.comments[0]!.reactions.thanks).toBe(1);

    // Only the author changes a post; deleting erases its text and hides it from the feed.
    await expect(editPost({ ctx: as(bo.id), input: { postId, body: 'mine now' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(deletePost({ ctx: as(bo.id), input: { id: postId } })).rejects.toMatchObject({ code: 'forbidden' });
    await deleteComment({ ctx: as(bo.id), input: { id: c1.commentId } });
    const afterDelete = await getPost({ ctx: as(ana.id), input: { postId } });
    expect(afterDelete.comments.map((c) => [c.deleted, c.html, c.author, c.replies.length])).toEqual([[true, '', null, 2]]);
    await deletePost({ ctx: as(ana.id), input: { id: postId } });
    const [row] = await t.db.select().from(communityPosts).where(eq(communityPosts.id, postId));
    expect([row?.body, row?.html]).toEqual(['', '']);
    expect((await listFeed({ ctx: as(bo.id), input: { community: g.id } })).posts).toEqual([]);
    await expect(getPost({ ctx: as(bo.id), input: { postId } })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses empty, oversized and non-member writing, writing nothing', async () => {
    const { user: owner, organizationId } = await createMember(t, 'owner');
    const g = await community({ organizationId });
    const ana = await member(g.id, owner.id, 'Ana');
    const stranger = await createUser(t);
    await expect(createPost({ ctx: as(ana.id), input: { community: g.id, body: '   ' } })).rejects.toMatchObject({ code: 'invalid', issues: [expect.objectContaining({ path: 'body' })] });
    await expect(createPost({ ctx: as(ana.id), input: { community: g.id, body: 'x'.repeat(10_001) } })).rejects.toMatchObject({ code: 'invalid' });
    await expect(createPost({ ctx: as(stranger.id), input: { community: g.id, body: 'Hi' } })).rejects.toMatchObject({ code: 'forbidden', reason: 'not_a_member' });
    await expect(createPost({ ctx: as(ana.id), input: { community: '00000000-0000-4000-8000-000000000000', body: 'Hi' } })).rejects.toMatchObject({ code: 'not_found' });
    expect(await t.db.select().from(communityPosts).where(eq(communityPosts.groupId, g.id))).toEqual([]);
    const { postId } = await createPost({ ctx: as(ana.id), input: { community: g.id, body: 'Hi' } });
    await expect(createComment({ ctx: as(stranger.id), input: { postId, body: 'Hello' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(react({ ctx: as(stranger.id), input: { postId, kind: 'support', on: true } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getPost({ ctx: as(stranger.id), input: { postId } })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('pages the feed by newest and by recent activity, with no post twice or left out', async () => {
    const { user: owner, organizationId } = await createMember(t, 'owner');
    const g = await community({ organizationId });
    const ana = await member(g.id, owner.id, 'Ana');
    const bo = await member(g.id, owner.id, 'Bo');
    const ids: string[] = [];
    // Several posts in the same instant too: the id breaks the tie. (Two authors: a new member writes a few posts an hour.)
    for (let i = 0; i < 7; i++) ids.push((await createPost({ ctx: as((i % 2 ? bo : ana).id, later(Math.floor(i / 2))), input: { community: g.id, body: `Post ${i}` } })).postId);
    await createComment({ ctx: as(ana.id, later(10)), input: { postId: ids[0]!, body: 'Bump' } });
    const all = async (order: 'newest' | 'active') => {
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await listFeed({ ctx: as(ana.id), input: { community: g.id, order, limit: 3, after } });
        seen.push(...page.posts.map((p) => p.id));
        after = page.next ?? undefined;
      } while (after);
      return seen;
    };
    const newest = await all('newest');
    expect(new Set(newest).size).toBe(7);
    // Oldest last; the two written in the same first minute in either order.
    expect(new Set(newest.slice(-2))).toEqual(new Set([ids[0], ids[1]]));
    expect(newest[0]).toBe(ids[6]);
    const active = await all('active');
    expect(active[0]).toBe(ids[0]);
    expect(new Set(active).size).toBe(7);
    await expect(listFeed({ ctx: as(ana.id), input: { community: g.id, after: 'garbage' } })).rejects.toMatchObject({ code: 'invalid' });
  });
});

describe('anonymous posts', () => {
  it('show no trace of their author to members; moderators and the organization’s admins see who wrote them', async () => {
    const { user: owner, organizationId } = await createMember(t, 'owner');
    const g = await community({ organizationId });
    const secret = await member(g.id, owner.id, 'HiddenNick');
    await t.db.update(users).set({ name: 'Hidden Real Name' }).where(eq(users.id, secret.id));
    const reader = await member(g.id, owner.id, 'Reader');
    const { postId } = await createPost({ ctx: as(secret.id), input: { community: g.id, body: 'Something I cannot say with my name.', anonymous: true } });
    await createComment({ ctx: as(secret.id, later(1)), input: { postId, body: 'And a reply, anonymously.', anonymous: true } });
    const traces = [secret.id, secret.email, 'HiddenNick', 'Hidden Real Name'];
    const forReader = JSON.stringify([await listFeed({ ctx: as(reader.id), input: { community: g.id } }), await getPost({ ctx: as(reader.id), input: { postId } })]);
    for (const trace of traces) expect(forReader).not.toContain(trace);
    expect(forReader).toContain('Something I cannot say');

    const forOwner = await getPost({ ctx: as(owner.id), input: { postId } });
    expect(forOwner.post.author).toMatchObject({ anonymous: true, nickname: null, revealedNickname: 'HiddenNick' });
    expect(forOwner.comments[0]!.author).toMatchObject({ revealedNickname: 'HiddenNick' });
    // The author knows it is theirs (to edit or delete it), without it being shown to others.
    expect((await getPost({ ctx: as(secret.id), input: { postId } })).post.author).toEqual({ nickname: null, anonymous: true, mine: true });
  });
});

describe('crisis words', () => {
  it('are found in both languages, without accents or case, with simple endings, and not in ordinary words', () => {
    for (const text of ['Some days I want to die.', 'I have been SUICIDAL since June', 'j’ai envie d’en finir', 'je veux me tuer', 'Mettre fin a mes jours', 'idées suicidaires, encore', 'I keep hurting myself'])
      expect(hasCrisisLanguage(text), text).toBe(true);
    for (const text of ['I am killing time before the meeting', 'the ending of the film', 'je suis finie de travailler', 'cutting onions for dinner'])
      expect(crisisPhrases(text), text).toEqual([]);
  });

  it('publish the post as usual, answer the author with the resources, and flag it for moderators only', async () => {
    const { user: owner, organizationId } = await createMember(t, 'owner');
    const g = await community({ organizationId });
    const ana = await member(g.id, owner.id, 'Ana');
    const bo = await member(g.id, owner.id, 'Bo');
    const { postId, crisis } = await createPost({ ctx: as(ana.id, NOW, 'fr'), input: { community: g.id, body: 'Ce soir j’ai envie d’en finir.' } });
    expect(crisis).toBe(true);
    expect((await getPost({ ctx: as(bo.id), input: { postId } })).post).not.toHaveProperty('crisis');
    expect((await getPost({ ctx: as(owner.id), input: { postId } })).post.crisis).toBe(true);
    const { crisis: inComment } = await createComment({ ctx: as(bo.id), input: { postId, body: 'Me too, I think about suicide.' } });
    expect(inComment).toBe(true);
    // Crisis language added by an edit flags the comment too, and the edit is marked.
    const quiet = await createComment({ ctx: as(bo.id), input: { postId, body: 'Thinking of you.' } });
    await expect(editComment({ ctx: as(ana.id), input: { commentId: quiet.commentId, body: 'not mine' } })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await editComment({ ctx: as(bo.id, later(3)), input: { commentId: quiet.commentId, body: 'Thinking of you. Some nights I want to die too.' } })).crisis).toBe(true);
    const edited = (await getPost({ ctx: as(owner.id), input: { postId } })).comments.find((c) => c.id === quiet.commentId)!;
    expect([edited.crisis, edited.editedAt]).toEqual([true, later(3)]);
  });
});

describe('the Markdown subset', () => {
  it('keeps bold, italics, lists, links and quotes, and nothing else', () => {
    expect(renderMemberText('# Title\n\n![x](https://e.org/i.png)\n\n`code`')).not.toMatch(/<h1|<img|<code/);
    expect(renderMemberText('*a* __b__')).toBe('<p><em>a</em> <strong>b</strong></p>');
    expect(renderMemberText('1. one\n2. two')).toBe('<ol>\n<li>one</li>\n<li>two</li>\n</ol>');
  });
});

describe('the organization roles that come with a membership', () => {
  it('an organizer can also be a member, and posts like one', async () => {
    const { user: owner, organizationId } = await createMember(t, 'owner');
    const g = await community({ organizationId });
    const { user: admin } = await createMember(t, 'admin', organizationId);
    const asked = await requestToJoin({ ctx: as(admin.id), input: { community: g.id, nickname: 'Host', acceptRules: true } });
    await decideJoinRequest({ ctx: as(owner.id), input: { memberId: asked.memberId, decision: 'approve' } });
    expect((await createPost({ ctx: as(admin.id), input: { community: g.id, body: 'Welcome, everyone.' } })).crisis).toBe(false);
    await addMember(t, organizationId, (await createUser(t)).id, 'facilitator');
  });
});
