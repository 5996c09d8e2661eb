import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { articleComments, auditLog } from '../../db/schema';
import { seedArticles, seedTopics } from '../../db/seed';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createUser } from '../../tests/support/factories';
import { createContext, type Context } from '../context';
import { CoreError, RateLimited } from '../errors';
import { getAdminOverview } from '../admin';
import { commentFormToken, countLinks, getArticle, listArticleComments, listCommentsForModeration, moderateComment, postComment, publishArticle } from './index';

const NOW = new Date('2026-11-30T15:00:00Z');
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
let t: TestDatabase;
let adminId: string;
let textId: string;
let articleId: string;
const visitor = (now = later(30), ip = '198.51.100.7'): Context => createContext(t.db, { now, client: { ip } });
const as = (userId: string): Context => createContext(t.db, { now: later(60), actor: { type: 'user', userId } });
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (err: unknown) => (err instanceof CoreError ? (err.reason ?? err.issues[0]?.code ?? err.issues[0]?.message ?? err.code) : `unexpected: ${String(err)}`),
  );
const token = () => commentFormToken(createContext(t.db, { now: NOW }), textId);
const comment = (overrides: Record<string, string> = {}) => ({ textId, nickname: 'Robin', body: 'Thank you, this helped before my first meeting.', formToken: token(), ...overrides });

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
  await seedTopics(t.db);
  await seedArticles(t.db, { now: NOW });
  adminId = (await createUser(t, { isPlatformAdmin: true })).id;
  const a = await getArticle({ ctx: createContext(t.db, { now: NOW }), input: { locale: 'en', slug: 'what-to-expect-at-your-first-support-group' } });
  textId = a.textId;
  articleId = a.articleId;
});
afterAll(async () => {
  await t.close();
});

describe('comments on articles', () => {
  it('are held until an administrator approves them, then shown escaped; rejected and spam ones never show', async () => {
    await postComment({ ctx: visitor(later(30)), input: comment({ body: 'Line one\n<b>not bold</b>' }) });
    await postComment({ ctx: visitor(later(31)), input: comment({ nickname: 'Buyer', body: 'Cheap pills at pills.example.com' }) });
    await postComment({ ctx: visitor(later(32)), input: comment({ nickname: 'Sam', body: 'Off topic.' }) });
    expect(await listArticleComments({ ctx: visitor(), textId })).toEqual([]);
    expect((await getAdminOverview({ ctx: as(adminId) })).pendingComments).toBe(3);
    const queue = await listCommentsForModeration({ ctx: as(adminId), input: {} });
    expect(queue.map((c) => c.nickname)).toEqual(['Robin', 'Buyer', 'Sam']);
    expect(queue[0]!.article).toEqual({ title: 'What to expect at your first support group', slug: 'what-to-expect-at-your-first-support-group', locale: 'en' });

    await moderateComment({ ctx: as(adminId), input: { commentId: queue[0]!.id, outcome: 'approved' } });
    await moderateComment({ ctx: as(adminId), input: { commentId: queue[1]!.id, outcome: 'spam' } });
    await moderateComment({ ctx: as(adminId), input: { commentId: queue[2]!.id, outcome: 'rejected' } });
    const shown = await listArticleComments({ ctx: visitor(), textId });
    expect(shown.map((c) => [c.nickname, c.html])).toEqual([['Robin', '<p>Line one<br>&lt;b&gt;not bold&lt;/b&gt;</p>']]);
    expect((await listCommentsForModeration({ ctx: as(adminId), input: {} })).length).toBe(0);
    expect((await getAdminOverview({ ctx: as(adminId) })).pendingComments).toBe(0);
    expect((await listCommentsForModeration({ ctx: as(adminId), input: { status: 'spam' } })).map((c) => c.nickname)).toEqual(['Buyer']);
    const log = await t.db.select().from(auditLog).where(eq(auditLog.entityType, 'article_comment'));
    expect(log.map((l) => [l.action, l.actorId]).sort()).toEqual([
      ['article_comment.approved', adminId],
      ['article_comment.rejected', adminId],
      ['article_comment.spam', adminId],
    ]);
  });

  it('moderation is for platform administrators only', async () => {
    const someone = (await createUser(t)).id;
    const [row] = await t.db.select().from(articleComments).limit(1);
    expect(await code(moderateComment({ ctx: as(someone), input: { commentId: row!.id, outcome: 'approved' } }))).toBe('forbidden');
    expect(await code(listCommentsForModeration({ ctx: as(someone), input: {} }))).toBe('forbidden');
    expect(await code(moderateComment({ ctx: visitor(), input: { commentId: row!.id, outcome: 'approved' } }))).toBe('forbidden');
  });

  it('keeps spam out without a third party: hidden field, time on the form, links, limits per address', async () => {
    const count = async () => (await t.db.select().from(articleComments)).length;
    const before = await count();
    // A bot that fills the hidden field is answered like anyone, and nothing is kept.
    expect(await postComment({ ctx: visitor(), input: comment({ website: 'http://spam.example' }) })).toEqual({ held: true });
    // Sent two seconds after the form was shown: too soon, and the answer says how long to wait.
    const soon = await postComment({ ctx: visitor(later(2)), input: comment() }).catch((e: unknown) => e);
    expect(soon).toBeInstanceOf(RateLimited);
    expect((soon as RateLimited).retryAfterSeconds).toBe(2);
    expect(await code(postComment({ ctx: visitor(), input: comment({ formToken: `${NOW.getTime()}.forged` }) }))).toBe('comment_form_expired');
    expect(await code(postComment({ ctx: visitor(), input: comment({ formToken: '' }) }))).toBe('comment_form_expired');
    expect(await code(postComment({ ctx: visitor(later(4 * 86_400)), input: comment() }))).toBe('comment_form_expired');
    expect(await code(postComment({ ctx: visitor(), input: comment({ body: 'see https://a.example and www.b.example and c.example.com' }) }))).toBe('too_many_links');
    expect(await code(postComment({ ctx: visitor(), input: comment({ nickname: ' ' }) }))).toBe('required');
    expect(await count()).toBe(before);
    expect(countLinks('two: https://one.example/x and www.two.example')).toBe(2);

    // Five comments from one address in ten minutes, then a wait.
    for (let i = 0; i < 5; i++) await postComment({ ctx: visitor(later(30), '203.0.113.9'), input: comment({ body: `Comment ${i}` }) });
    expect(await code(postComment({ ctx: visitor(later(30), '203.0.113.9'), input: comment() }))).toBe('too_many_requests');
    expect(await code(postComment({ ctx: visitor(later(30), '203.0.113.10'), input: comment() }))).toBe('ok');
  });

  it('is refused on a text that is not published', async () => {
    await publishArticle({ ctx: as(adminId), input: { articleId, locale: 'en', publish: false } });
    expect(await code(postComment({ ctx: visitor(later(30), '192.0.2.1'), input: comment() }))).toBe('not_found');
  });
});
