import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createMember, createUser } from '../../tests/support/factories';
import { actingAs, createCommunity, joinedMember } from '../../tests/support/communities';
import { auditLog, communityMembers, emailOutbox, groups } from '../../db/schema';
import { renderEmail } from '../../server/email/render';
import { setModerator, requestToJoin } from './membership';
import { createComment, createPost, editPost, react } from './posts';
import { getPost, listFeed } from './feed';
import { getCommunity } from './community-page';
import { dismissReports, listQueue, removeContent, report, restoreContent, sanctionMember, updateRules } from './moderation';

const NOW = new Date('2026-12-06T15:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const DAY = 24 * 60;
let t: TestDatabase;
const as = (userId: string, now = NOW, locale: 'en' | 'fr' = 'en') => actingAs(t, userId, now, locale);

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

/** A community with its owner, a moderator and two members who joined a month before NOW. */
async function setting() {
  const { user: owner, organizationId } = await createMember(t, 'owner');
  const g = await createCommunity(t, { organizationId, titleFr: 'Parents endeuillés' });
  const before = later(-30 * DAY);
  const mod = await joinedMember(t, g.id, owner.id, 'Mod', before);
  await setModerator({ ctx: as(owner.id, before), input: { memberId: mod.memberId, moderator: true } });
  const ana = await joinedMember(t, g.id, owner.id, 'Ana', before, 'fr');
  const bo = await joinedMember(t, g.id, owner.id, 'Bo', before);
  return { owner, organizationId, g, mod, ana, bo };
}

const actions = async (organizationId: string) =>
  (await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.organizationId, organizationId))).map((a) => a.action);

describe('reports and the moderation queue', () => {
  it('takes reports of posts, comments and authors, puts crisis first, and keeps reporters and anonymous authors hidden from members', async () => {
    const { owner, organizationId, g, mod, ana, bo } = await setting();
    const calm = await createPost({ ctx: as(ana.id), input: { community: g.id, body: 'Buy cheap pills at example.com', anonymous: true } });
    const crisis = await createPost({ ctx: as(bo.id, later(1)), input: { community: g.id, body: 'Some nights I want to die.' } });
    const c = await createComment({ ctx: as(bo.id, later(2)), input: { postId: calm.postId, body: 'This is spam.' } });

    await report({ ctx: as(bo.id, later(3)), input: { postId: calm.postId, reason: 'spam' } });
    await report({ ctx: as(mod.id, later(4)), input: { postId: calm.postId, reason: 'unsafe_advice', details: 'Pills.' } });
    // Twice by the same person while open: one report.
    await report({ ctx: as(bo.id, later(5)), input: { postId: calm.postId, reason: 'spam' } });
    await report({ ctx: as(ana.id, later(6)), input: { commentId: c.commentId, aboutAuthor: true, reason: 'harassment' } });
    // One's own writing, an unknown reason, "other" without words: refused.
    await expect(report({ ctx: as(ana.id), input: { postId: calm.postId, reason: 'spam' } })).rejects.toMatchObject({ code: 'conflict', reason: 'own' });
    await expect(report({ ctx: as(bo.id), input: { postId: calm.postId, reason: 'crisis' as never } })).rejects.toMatchObject({ code: 'invalid' });
    await expect(report({ ctx: as(bo.id), input: { commentId: c.commentId, reason: 'other' } })).rejects.toMatchObject({ code: 'invalid', issues: [expect.objectContaining({ path: 'details' })] });
    // Someone outside the community reports nothing.
    const stranger = await createUser(t);
    await expect(report({ ctx: as(stranger.id), input: { postId: calm.postId, reason: 'spam' } })).rejects.toMatchObject({ code: 'forbidden' });

    const queue = await listQueue({ ctx: as(mod.id, later(7)), input: { community: g.slug } });
    expect(queue.map((i) => [i.kind, i.crisis, i.reports.length])).toEqual([
      ['post', true, 1],
      ['post', false, 2],
      ['member', false, 1],
    ]);
    expect(queue[0]!.id).toBe(crisis.postId);
    // Moderators know who wrote an anonymous post, and can mute or ban them from here.
    expect(queue[1]!.author).toMatchObject({ nickname: 'Ana', anonymous: true, memberId: ana.memberId });
    expect(queue[2]!.author).toMatchObject({ nickname: 'Bo', memberId: bo.memberId });
    expect(queue[1]!.reports.map((r) => [r.reason, r.details])).toEqual([
      ['spam', null],
      ['unsafe_advice', 'Pills.'],
    ]);
    // The queue is for moderators; the organization's one for its owners and admins.
    await expect(listQueue({ ctx: as(bo.id), input: { community: g.id } })).rejects.toMatchObject({ code: 'forbidden', reason: 'not_a_moderator' });
    expect((await listQueue({ ctx: as(owner.id), input: { organizationId } })).map((i) => i.key)).toEqual(queue.map((i) => i.key));
    await expect(listQueue({ ctx: as(mod.id), input: { organizationId } })).rejects.toMatchObject({ code: 'not_found' });
    const { user: facilitator } = await createMember(t, 'facilitator', organizationId);
    await expect(listQueue({ ctx: as(facilitator.id), input: { organizationId } })).rejects.toMatchObject({ code: 'forbidden' });
    // A moderator of another community sees nothing of this one.
    const other = await createCommunity(t, { organizationId });
    const otherMod = await joinedMember(t, other.id, owner.id, 'Other', NOW);
    await setModerator({ ctx: as(owner.id), input: { memberId: otherMod.memberId, moderator: true } });
    await expect(listQueue({ ctx: as(otherMod.id), input: { community: g.id } })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('removes content with a reason the author sees and is emailed in their language, restores it, and dismisses', async () => {
    const { organizationId, g, mod, ana, bo } = await setting();
    const post = await createPost({ ctx: as(ana.id), input: { community: g.id, body: 'Call me at 555-0100, Bo lives at 12 Elm St.' } });
    const kept = await createPost({ ctx: as(bo.id), input: { community: g.id, body: 'A kind word.' } });
    const reply = await createComment({ ctx: as(bo.id), input: { postId: kept.postId, body: 'Rude words.' } });
    await report({ ctx: as(bo.id), input: { postId: post.postId, reason: 'private_information' } });
    await report({ ctx: as(ana.id), input: { postId: kept.postId, reason: 'other', details: 'I just do not like it.' } });

    await expect(removeContent({ ctx: as(bo.id), input: { postId: post.postId, reason: 'x' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(removeContent({ ctx: as(mod.id), input: { postId: post.postId, reason: ' ' } })).rejects.toMatchObject({ code: 'invalid' });
    await removeContent({ ctx: as(mod.id, later(1)), input: { postId: post.postId, reason: 'It shared where another member lives.' } });
    await expect(removeContent({ ctx: as(mod.id), input: { postId: post.postId, reason: 'again' } })).rejects.toMatchObject({ code: 'conflict' });

    // Gone for the others; its author still sees it, marked, with the reason.
    expect((await listFeed({ ctx: as(bo.id), input: { community: g.id } })).posts.map((p) => p.id)).toEqual([kept.postId]);
    await expect(getPost({ ctx: as(bo.id), input: { postId: post.postId } })).rejects.toMatchObject({ code: 'not_found' });
    const own = (await listFeed({ ctx: as(ana.id), input: { community: g.id } })).posts.find((p) => p.id === post.postId);
    expect(own?.removed).toEqual({ reason: 'It shared where another member lives.' });
    expect((await getPost({ ctx: as(mod.id), input: { postId: post.postId } })).post.removed).toBeTruthy();
    // No one replies to or reacts on a removed post; its author cannot edit it back.
    await expect(createComment({ ctx: as(bo.id), input: { postId: post.postId, body: 'hi' } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(react({ ctx: as(bo.id), input: { postId: post.postId, kind: 'support', on: true } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(editPost({ ctx: as(ana.id), input: { postId: post.postId, body: 'changed' } })).rejects.toMatchObject({ code: 'conflict', reason: 'removed' });

    const [mail] = await t.db.select().from(emailOutbox).where(and(eq(emailOutbox.toEmail, ana.email), eq(emailOutbox.template, 'community_removed')));
    expect(mail?.locale).toBe('fr');
    const text = renderEmail('community_removed', mail!.payload as never, 'fr', as(mod.id).settings).text;
    expect(text).toContain('Parents endeuillés');
    expect(text).toContain('It shared where another member lives.');

    // A removed comment is gone for the others, kept for its author.
    await removeContent({ ctx: as(mod.id, later(2)), input: { commentId: reply.commentId, reason: 'Unkind.' } });
    expect((await getPost({ ctx: as(ana.id), input: { postId: kept.postId } })).comments).toEqual([]);
    expect((await getPost({ ctx: as(bo.id), input: { postId: kept.postId } })).comments[0]).toMatchObject({ removed: { reason: 'Unkind.' }, deleted: false });

    await restoreContent({ ctx: as(mod.id, later(3)), input: { postId: post.postId } });
    expect((await listFeed({ ctx: as(bo.id), input: { community: g.id } })).posts.map((p) => p.id)).toContain(post.postId);
    await expect(restoreContent({ ctx: as(mod.id), input: { postId: post.postId } })).rejects.toMatchObject({ code: 'conflict' });

    expect((await listQueue({ ctx: as(mod.id), input: { community: g.id } })).map((i) => i.id)).toEqual([kept.postId]);
    expect(await dismissReports({ ctx: as(mod.id, later(4)), input: { postId: kept.postId } })).toEqual({ dismissed: 1 });
    await expect(dismissReports({ ctx: as(mod.id), input: { postId: kept.postId } })).rejects.toMatchObject({ code: 'conflict' });
    expect(await listQueue({ ctx: as(mod.id), input: { community: g.id } })).toEqual([]);

    expect(await actions(organizationId)).toEqual(expect.arrayContaining(['community.content_removed', 'community.content_restored', 'community.reports_dismissed']));
  });
});

describe('muting and banning', () => {
  it('a muted member reads but does not write until the end, and is told why', async () => {
    const { organizationId, g, mod, ana, bo } = await setting();
    await report({ ctx: as(bo.id), input: { postId: (await createPost({ ctx: as(ana.id), input: { community: g.id, body: 'x' } })).postId, aboutAuthor: true, reason: 'harassment' } });
    await expect(sanctionMember({ ctx: as(bo.id), input: { memberId: ana.memberId, sanction: 'mute', days: 3, reason: 'x' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(sanctionMember({ ctx: as(mod.id), input: { memberId: ana.memberId, sanction: 'mute', days: 0, reason: 'x' } })).rejects.toMatchObject({ code: 'invalid' });
    await sanctionMember({ ctx: as(mod.id), input: { memberId: ana.memberId, sanction: 'mute', days: 3, reason: 'Please cool down.' } });
    // The member report closes with the mute.
    expect(await listQueue({ ctx: as(mod.id), input: { community: g.id } })).toEqual([]);

    expect((await listFeed({ ctx: as(ana.id, later(60)), input: { community: g.id } })).posts).toHaveLength(1);
    await expect(createPost({ ctx: as(ana.id, later(60)), input: { community: g.id, body: 'Hello' } })).rejects.toMatchObject({ code: 'forbidden', reason: 'muted' });
    const page = await getCommunity({ ctx: as(ana.id, later(60)), input: { community: g.id } });
    expect([page.viewer.canRead, page.viewer.canPost, page.viewer.mutedUntil, page.viewer.sanctionReason]).toEqual([true, false, later(3 * DAY), 'Please cool down.']);
    const [mail] = await t.db.select().from(emailOutbox).where(and(eq(emailOutbox.toEmail, ana.email), eq(emailOutbox.template, 'community_muted')));
    expect(renderEmail('community_muted', mail!.payload as never, 'fr', as(mod.id).settings).text).toMatch(/jusqu’au 9 décembre 2026/);
    // Three days later, they write again.
    expect((await createPost({ ctx: as(ana.id, later(3 * DAY + 1)), input: { community: g.id, body: 'Back.' } })).postId).toBeTruthy();
    // Muted again, then restored early.
    await sanctionMember({ ctx: as(mod.id, later(4 * DAY)), input: { memberId: ana.memberId, sanction: 'mute', days: 7, reason: 'Again.' } });
    await sanctionMember({ ctx: as(mod.id, later(4 * DAY + 5)), input: { memberId: ana.memberId, sanction: 'restore' } });
    expect((await getCommunity({ ctx: as(ana.id, later(4 * DAY + 6)), input: { community: g.id } })).viewer.canPost).toBe(true);
    await expect(sanctionMember({ ctx: as(mod.id, later(4 * DAY + 7)), input: { memberId: ana.memberId, sanction: 'restore' } })).rejects.toMatchObject({ code: 'conflict' });
    expect(await actions(organizationId)).toEqual(expect.arrayContaining(['community.member_muted', 'community.member_restored']));
  });

  it('a banned member loses access and may not ask again; moderators are sanctioned by the organization only', async () => {
    const { owner, g, mod, ana, bo } = await setting();
    await expect(sanctionMember({ ctx: as(mod.id), input: { memberId: mod.memberId, sanction: 'ban', reason: 'x' } })).rejects.toMatchObject({ code: 'forbidden' });
    const mod2 = await joinedMember(t, g.id, owner.id, 'Mod2', NOW);
    await setModerator({ ctx: as(owner.id), input: { memberId: mod2.memberId, moderator: true } });
    await expect(sanctionMember({ ctx: as(mod.id), input: { memberId: mod2.memberId, sanction: 'ban', reason: 'x' } })).rejects.toMatchObject({ code: 'forbidden' });

    await sanctionMember({ ctx: as(mod.id), input: { memberId: bo.memberId, sanction: 'ban', reason: 'Repeated insults.' } });
    await expect(listFeed({ ctx: as(bo.id), input: { community: g.id } })).rejects.toMatchObject({ code: 'forbidden', reason: 'banned' });
    await expect(requestToJoin({ ctx: as(bo.id), input: { community: g.id, nickname: 'Bo2', acceptRules: true } })).rejects.toMatchObject({ code: 'forbidden', reason: 'banned' });
    const page = await getCommunity({ ctx: as(bo.id), input: { community: g.id } });
    expect([page.viewer.status, page.viewer.canRead, page.viewer.sanctionReason]).toEqual(['banned', false, 'Repeated insults.']);
    const [mail] = await t.db.select().from(emailOutbox).where(and(eq(emailOutbox.toEmail, bo.email), eq(emailOutbox.template, 'community_banned')));
    expect(renderEmail('community_banned', mail!.payload as never, 'en', as(mod.id).settings).text).toContain('Repeated insults.');

    await sanctionMember({ ctx: as(owner.id), input: { memberId: bo.memberId, sanction: 'restore' } });
    expect((await listFeed({ ctx: as(bo.id), input: { community: g.id } })).posts).toEqual([]);
    const [row] = await t.db.select().from(communityMembers).where(eq(communityMembers.id, bo.memberId));
    expect([row?.status, row?.sanctionReason]).toEqual(['member', null]);
    void ana;
  });
});

describe('rules and rate limits', () => {
  it('moderators keep the rules in both languages', async () => {
    const { organizationId, g, mod, bo } = await setting();
    await expect(updateRules({ ctx: as(bo.id), input: { community: g.id, rulesEn: 'x', rulesFr: 'x' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateRules({ ctx: as(mod.id), input: { community: g.id, rulesEn: '', rulesFr: ' ' } })).rejects.toMatchObject({ code: 'invalid' });
    await updateRules({ ctx: as(mod.id), input: { community: g.id, rulesEn: 'No advice about medication.', rulesFr: 'Aucun conseil sur les médicaments.' } });
    const [row] = await t.db.select({ en: groups.rulesEn, fr: groups.rulesFr }).from(groups).where(eq(groups.id, g.id));
    expect(row).toEqual({ en: 'No advice about medication.', fr: 'Aucun conseil sur les médicaments.' });
    expect(await actions(organizationId)).toContain('community.rules_updated');
  });

  it('limit posts, comments and reports per hour, fewer for new members, and join requests per account', async () => {
    const { owner, g, bo } = await setting();
    const fresh = await joinedMember(t, g.id, owner.id, 'Fresh', NOW);
    for (let i = 0; i < 5; i++) await createPost({ ctx: as(fresh.id, later(1)), input: { community: g.id, body: `Post ${i}` } });
    await expect(createPost({ ctx: as(fresh.id, later(2)), input: { community: g.id, body: 'One more' } })).rejects.toMatchObject({ code: 'rate_limited' });
    // A member of a month writes more; the window ends after an hour.
    for (let i = 0; i < 6; i++) await createPost({ ctx: as(bo.id, later(1)), input: { community: g.id, body: `Post ${i}` } });
    expect((await createPost({ ctx: as(fresh.id, later(62)), input: { community: g.id, body: 'Later' } })).postId).toBeTruthy();

    const target = (await listFeed({ ctx: as(bo.id), input: { community: g.id } })).posts.find((p) => !p.author.mine)!;
    for (let i = 0; i < 15; i++) await createComment({ ctx: as(fresh.id, later(70)), input: { postId: target.id, body: `c${i}` } });
    await expect(createComment({ ctx: as(fresh.id, later(70)), input: { postId: target.id, body: 'again' } })).rejects.toMatchObject({ code: 'rate_limited' });

    const others = (await listFeed({ ctx: as(fresh.id), input: { community: g.id, limit: 50 } })).posts.filter((p) => !p.author.mine);
    for (const p of others.slice(0, 5)) await report({ ctx: as(fresh.id, later(80)), input: { postId: p.id, reason: 'spam' } });
    await expect(report({ ctx: as(fresh.id, later(80)), input: { postId: others[5]!.id, reason: 'spam' } })).rejects.toMatchObject({ code: 'rate_limited' });

    // Join requests: a new account asks a few communities a day.
    const person = await createUser(t, { createdAt: NOW });
    for (let i = 0; i < 3; i++) {
      const c = await createCommunity(t, { autoApprove: false });
      await requestToJoin({ ctx: as(person.id), input: { community: c.id, nickname: 'New', acceptRules: true } });
    }
    const fourth = await createCommunity(t, { autoApprove: false });
    await expect(requestToJoin({ ctx: as(person.id), input: { community: fourth.id, nickname: 'New', acceptRules: true } })).rejects.toMatchObject({ code: 'rate_limited' });
  });
});
