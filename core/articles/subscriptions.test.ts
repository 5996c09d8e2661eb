import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { articleSubscribers, emailOutbox } from '../../db/schema';
import { seedArticles, seedTopics } from '../../db/seed';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createUser } from '../../tests/support/factories';
import { createContext, type Context } from '../context';
import { CoreError } from '../errors';
import { unsubscribe } from '../participants/my-data';
import { renderEmail } from '../../server/email/render';
import type { NoticePayload } from '../email/enqueue';
import { announceNewArticles, confirmSubscription, getSubscription, publishArticle, saveArticle, subscribeToArticles, updateSubscription } from './index';

const NOW = new Date('2026-11-30T15:00:00Z');
let t: TestDatabase;
let adminId: string;
const visitor = (ip = '198.51.100.20'): Context => createContext(t.db, { now: NOW, client: { ip } });
const system = (): Context => createContext(t.db, { now: NOW, actor: { type: 'system' } });
const as = (userId: string): Context => createContext(t.db, { now: NOW, actor: { type: 'user', userId } });
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (err: unknown) => (err instanceof CoreError ? (err.reason ?? err.issues[0]?.code ?? err.issues[0]?.message ?? err.code) : `unexpected: ${String(err)}`),
  );
const mails = (to: string, template?: string) =>
  t.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toEmail, to), ...(template ? [eq(emailOutbox.template, template)] : [])));
/** The token at the end of the link a message carries. */
const tokenOf = (url: string) => url.split('/').pop()!;
async function subscribed(email: string, locale: 'en' | 'fr', topics: string[] = []): Promise<string> {
  await subscribeToArticles({ ctx: visitor(), input: { email, locale, topics } });
  const [confirm] = await mails(email.toLowerCase(), 'article_confirm');
  const sub = await confirmSubscription({ ctx: visitor(), input: { token: tokenOf((confirm!.payload as NoticePayload).url!) } });
  return sub.manageToken!;
}
async function publishFrench(title: string, topics: string[]) {
  const saved = await saveArticle({ ctx: as(adminId), input: { locale: 'fr', title, summary: 'Un résumé.', body: 'Un texte.', authorName: 'Ada', topics } });
  await publishArticle({ ctx: as(adminId), input: { articleId: saved.articleId, locale: 'fr', publish: true } });
  return saved;
}

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
  await seedTopics(t.db);
  await seedArticles(t.db, { now: NOW });
  adminId = (await createUser(t, { isPlatformAdmin: true })).id;
});
afterAll(async () => {
  await t.close();
});

describe('subscriptions to new articles', () => {
  it('double opt-in: asking sends a confirmation link and nothing else until it is followed', async () => {
    await subscribeToArticles({ ctx: visitor(), input: { email: 'Noor@Example.org', locale: 'fr', topics: ['grief'] } });
    const [row] = await t.db.select().from(articleSubscribers).where(eq(articleSubscribers.email, 'noor@example.org'));
    expect(row).toMatchObject({ locale: 'fr', topics: ['grief'], confirmedAt: null, active: true });
    const [confirm] = await mails('noor@example.org', 'article_confirm');
    const url = (confirm!.payload as NoticePayload).url!;
    expect(url).toMatch(/^http:\/\/localhost:3000\/fr\/articles\/abonnement\/ac\./);
    // Published now, the article is not sent to an address that is not confirmed.
    await publishFrench('Le deuil au travail', ['grief-loss-of-a-parent']);
    expect(await announceNewArticles(system())).toBe(0);
    expect(await mails('noor@example.org', 'article_new')).toHaveLength(0);
    // The confirmation link shows the subscription and asks to confirm; confirming gives a manage link.
    expect(await getSubscription({ ctx: visitor(), input: { token: tokenOf(url) } })).toMatchObject({ purpose: 'confirm', confirmed: false, email: 'noor@example.org' });
    const sub = await confirmSubscription({ ctx: visitor(), input: { token: tokenOf(url) } });
    expect(sub).toMatchObject({ confirmed: true, active: true });
    expect(sub.manageToken).toMatch(/^am\./);
  });

  it('sends each new article once, to the confirmed subscribers of its language and topics, through the outbox', async () => {
    await subscribed('all.fr@example.org', 'fr');
    await subscribed('grief.fr@example.org', 'fr', ['grief']);
    await subscribed('caregiving.fr@example.org', 'fr', ['caregiving']);
    await subscribed('all.en@example.org', 'en');
    const stoppedToken = await subscribed('stopped.fr@example.org', 'fr');
    await updateSubscription({ ctx: visitor(), input: { token: stoppedToken, locale: 'fr', topics: [], active: false } });

    const article = await publishFrench('Perdre sa mère', ['grief-loss-of-a-parent']);
    expect(await announceNewArticles(system())).toBe(3);
    const sentTo = (await t.db.select().from(emailOutbox).where(eq(emailOutbox.template, 'article_new'))).map((m) => m.toEmail).sort();
    expect(sentTo).toEqual(['all.fr@example.org', 'grief.fr@example.org', 'noor@example.org']);
    // Announced once: another pass, an unpublish and a new publication send nothing more.
    expect(await announceNewArticles(system())).toBe(0);
    await publishArticle({ ctx: as(adminId), input: { articleId: article.articleId, locale: 'fr', publish: false } });
    await publishArticle({ ctx: as(adminId), input: { articleId: article.articleId, locale: 'fr', publish: true } });
    expect(await announceNewArticles(system())).toBe(0);

    // The email: its title, a link to the article, and a one-click unsubscribe (RFC 8058).
    const [mail] = await mails('grief.fr@example.org', 'article_new');
    const rendered = renderEmail('article_new', mail!.payload as NoticePayload, 'fr', createContext(t.db, { now: NOW }).settings);
    expect(rendered.subject).toBe('Nouveau sur Cercle : Perdre sa mère');
    expect(rendered.text).toContain('http://localhost:3000/fr/articles/perdre-sa-mere');
    expect(rendered.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const oneClick = /^<(.+)>$/.exec(rendered.headers['List-Unsubscribe']!)![1]!;
    expect(oneClick).toMatch(/\/unsubscribe\/am\./);
    await unsubscribe({ ctx: visitor(), input: { token: tokenOf(oneClick) } });
    const [stopped] = await t.db.select().from(articleSubscribers).where(eq(articleSubscribers.email, 'grief.fr@example.org'));
    expect(stopped!.active).toBe(false);
    await publishFrench('Un autre deuil', ['grief']);
    await announceNewArticles(system());
    // Stopped: nothing more, and the email not delivered yet is dropped too.
    expect(await mails('grief.fr@example.org', 'article_new')).toHaveLength(0);
    expect(await mails('all.fr@example.org', 'article_new')).toHaveLength(2);
  });

  it('never tells whether an address is subscribed, and never changes a confirmed subscription from the form', async () => {
    await subscribeToArticles({ ctx: visitor(), input: { email: 'all.en@example.org', locale: 'fr', topics: ['parenting'] } });
    const [row] = await t.db.select().from(articleSubscribers).where(eq(articleSubscribers.email, 'all.en@example.org'));
    expect(row).toMatchObject({ locale: 'en', topics: [] });
    const [already] = await mails('all.en@example.org', 'article_already');
    expect((already!.payload as NoticePayload).url).toMatch(/\/fr\/articles\/abonnement\/am\./);
  });

  it('refuses bad input, other links and too many requests, and writes nothing', async () => {
    const before = (await t.db.select().from(articleSubscribers)).length;
    expect(await code(subscribeToArticles({ ctx: visitor(), input: { email: 'not-an-address', locale: 'en' } }))).toBe('invalid_email');
    expect(await code(subscribeToArticles({ ctx: visitor(), input: { email: 'x@example.org', locale: 'en', topics: ['no-such-topic'] } }))).toBe('unknown_topic');
    expect((await t.db.select().from(articleSubscribers)).length).toBe(before);
    expect(await code(getSubscription({ ctx: visitor(), input: { token: 'am.00000000-0000-0000-0000-000000000000.forged' } }))).toBe('not_found');
    // A confirmation link does not manage: it cannot stop or change a subscription.
    const [confirm] = await mails('noor@example.org', 'article_confirm');
    expect(await code(updateSubscription({ ctx: visitor(), input: { token: tokenOf((confirm!.payload as NoticePayload).url!), locale: 'en', topics: [], active: false } }))).toBe('not_found');
    for (let i = 0; i < 10; i++) await subscribeToArticles({ ctx: visitor('203.0.113.50'), input: { email: `many${i}@example.org`, locale: 'en' } });
    expect(await code(subscribeToArticles({ ctx: visitor('203.0.113.50'), input: { email: 'one-more@example.org', locale: 'en' } }))).toBe('too_many_requests');
  });
});
