import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { articles, articleTexts, auditLog } from '../../db/schema';
import { seedArticles, seedTopics, SEED_ARTICLES, TOPIC_SLUGS } from '../../db/seed';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createUser } from '../../tests/support/factories';
import { createContext, type Context } from '../context';
import { CoreError } from '../errors';
import { getArticle, getArticleForEditing, getArticleHistory, listArticles, listArticlesForAdmin, publishArticle, relatedArticles, renderArticleBody, saveArticle } from './index';

const NOW = new Date('2026-11-30T15:00:00Z');
const LATER = new Date('2026-12-02T09:00:00Z');
let t: TestDatabase;
let adminId: string;
let organizerId: string;
const as = (userId: string, now = NOW): Context => createContext(t.db, { now, actor: { type: 'user', userId } });
const anonymous = () => createContext(t.db, { now: NOW });
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (err: unknown) => (err instanceof CoreError ? (err.reason ?? err.code) : `unexpected: ${String(err)}`),
  );

const text = (overrides: Record<string, unknown> = {}) => ({
  locale: 'en' as const,
  title: 'Coping with a parent’s death',
  summary: 'What helps in the first months after a parent dies.',
  body: '## The first weeks\n\nMourning a mother or father takes time.\n\n<script>alert(1)</script>',
  authorName: 'Pat Admin',
  topics: ['grief-loss-of-a-parent'],
  kinds: ['support_group' as const],
  ...overrides,
});

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
  await seedTopics(t.db);
  adminId = (await createUser(t, { isPlatformAdmin: true, name: 'Pat Admin' })).id;
  organizerId = (await createUser(t)).id;
});
afterAll(async () => {
  await t.close();
});

describe('writing and publishing articles', () => {
  it('is for platform administrators only', async () => {
    expect(await code(saveArticle({ ctx: anonymous(), input: text() }))).toBe('forbidden');
    expect(await code(saveArticle({ ctx: as(organizerId), input: text() }))).toBe('forbidden');
    expect(await code(listArticlesForAdmin({ ctx: as(organizerId) }))).toBe('forbidden');
    expect(await t.db.select().from(articles)).toHaveLength(0);
  });

  it('keeps a draft from visitors, publishes it, links its translation both ways and logs every change', async () => {
    const draft = await saveArticle({ ctx: as(adminId), input: text() });
    expect(draft.slug).toBe('coping-with-a-parent-s-death');
    expect(await code(getArticle({ ctx: anonymous(), input: { locale: 'en', slug: draft.slug } }))).toBe('not_found');
    expect((await listArticles({ ctx: anonymous(), input: { locale: 'en' } })).items).toHaveLength(0);

    const first = await publishArticle({ ctx: as(adminId), input: { articleId: draft.articleId, locale: 'en', publish: true } });
    expect(first).toMatchObject({ firstPublication: true, changed: true });
    const en = await getArticle({ ctx: anonymous(), input: { locale: 'en', slug: draft.slug } });
    expect(en).toMatchObject({ title: 'Coping with a parent’s death', authorName: 'Pat Admin', translation: null, kinds: ['support_group'] });
    expect(en.topics).toEqual([{ slug: 'grief-loss-of-a-parent', label: 'Loss of a parent' }]);
    expect(en.html).toContain('<h2>The first weeks</h2>');
    expect(en.html).not.toContain('<script');
    expect(en.publishedAt).toEqual(NOW);

    // The French text: a translation of the same article, with its own address, published on its own.
    const fr = await saveArticle({
      ctx: as(adminId),
      input: text({ articleId: draft.articleId, locale: 'fr', title: 'Traverser le décès d’un parent', summary: 'Ce qui aide.', body: 'Le deuil d’une mère ou d’un père prend du temps.' }),
    });
    expect(fr.slug).toBe('traverser-le-deces-d-un-parent');
    expect((await getArticle({ ctx: anonymous(), input: { locale: 'en', slug: draft.slug } })).translation).toBeNull();
    await publishArticle({ ctx: as(adminId, LATER), input: { articleId: draft.articleId, locale: 'fr', publish: true } });
    expect((await getArticle({ ctx: anonymous(), input: { locale: 'en', slug: draft.slug } })).translation).toEqual({ locale: 'fr', slug: fr.slug, title: 'Traverser le décès d’un parent' });
    expect((await getArticle({ ctx: anonymous(), input: { locale: 'fr', slug: fr.slug } })).translation).toMatchObject({ locale: 'en', slug: draft.slug });

    // An edit of a published text stays published, moves its update date, and names what changed.
    await saveArticle({ ctx: as(adminId, LATER), input: text({ articleId: draft.articleId, summary: 'What helps, month by month.', topics: ['grief-loss-of-a-parent', 'caregiving'] }) });
    const edited = await getArticle({ ctx: anonymous(), input: { locale: 'en', slug: draft.slug } });
    expect(edited).toMatchObject({ summary: 'What helps, month by month.', publishedAt: NOW, updatedAt: LATER });
    // Saving the same words again changes nothing and logs nothing.
    const before = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, draft.articleId))).length;
    await saveArticle({ ctx: as(adminId, LATER), input: text({ articleId: draft.articleId, summary: 'What helps, month by month.', topics: ['grief-loss-of-a-parent', 'caregiving'] }) });
    expect(await t.db.select().from(auditLog).where(eq(auditLog.entityId, draft.articleId))).toHaveLength(before);

    // Unpublished, it is gone for visitors; published again, it keeps its first date and is not news.
    await publishArticle({ ctx: as(adminId), input: { articleId: draft.articleId, locale: 'en', publish: false } });
    expect(await code(getArticle({ ctx: anonymous(), input: { locale: 'en', slug: draft.slug } }))).toBe('not_found');
    expect((await getArticle({ ctx: anonymous(), input: { locale: 'fr', slug: fr.slug } })).translation).toBeNull();
    const again = await publishArticle({ ctx: as(adminId, LATER), input: { articleId: draft.articleId, locale: 'en', publish: true } });
    expect(again.firstPublication).toBe(false);
    expect((await getArticle({ ctx: anonymous(), input: { locale: 'en', slug: draft.slug } })).publishedAt).toEqual(NOW);

    const log = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'article'), eq(auditLog.entityId, draft.articleId))).orderBy(auditLog.createdAt);
    expect(log.map((l) => [l.action, l.actorId, (l.data as { locale: string }).locale]).sort()).toEqual([
      ['article.created', adminId, 'en'],
      ['article.published', adminId, 'en'],
      ['article.unpublished', adminId, 'en'],
      ['article.translated', adminId, 'fr'],
      ['article.published', adminId, 'fr'],
      ['article.edited', adminId, 'en'],
      ['article.published', adminId, 'en'],
    ].sort());
    expect(log.find((l) => l.action === 'article.edited')!.data).toMatchObject({ changed: ['summary', 'topics'] });

    const history = await getArticleHistory({ ctx: as(adminId), input: { articleId: draft.articleId } });
    expect(history).toHaveLength(7);
    expect(history.find((h) => h.action === 'article.edited')).toMatchObject({ actorName: 'Pat Admin', locale: 'en', changed: ['summary', 'topics'] });
    expect(await code(getArticleHistory({ ctx: as(organizerId), input: { articleId: draft.articleId } }))).toBe('forbidden');

    const editing = await getArticleForEditing({ ctx: as(adminId), input: { articleId: draft.articleId } });
    expect(editing.texts.en?.status).toBe('published');
    expect(editing.texts.fr?.body).toBe('Le deuil d’une mère ou d’un père prend du temps.');
    expect(editing.topics).toEqual(['grief-loss-of-a-parent', 'caregiving']);
  });

  it('refuses a taken address, an unknown topic and missing words, and writes nothing', async () => {
    const a = await saveArticle({ ctx: as(adminId), input: text({ title: 'Anxiety at night', slug: 'anxiety-at-night', topics: [] }) });
    const count = (await t.db.select().from(articles)).length;
    expect(await code(saveArticle({ ctx: as(adminId), input: text({ slug: 'anxiety-at-night' }) }))).toBe('slug_taken');
    expect(await code(saveArticle({ ctx: as(adminId), input: text({ topics: ['not-a-topic'] }) }))).toBe('invalid');
    expect(await code(saveArticle({ ctx: as(adminId), input: text({ title: '  ' }) }))).toBe('invalid');
    expect(await code(saveArticle({ ctx: as(adminId), input: text({ slug: 'Has Spaces!' }) }))).toBe('invalid');
    expect(await t.db.select().from(articles)).toHaveLength(count);
    // The same title without an address gets the next free one.
    const b = await saveArticle({ ctx: as(adminId), input: text({ title: 'Anxiety at night', topics: [] }) });
    expect(b.slug).toBe('anxiety-at-night-2');
    expect(await code(publishArticle({ ctx: as(adminId), input: { articleId: a.articleId, locale: 'fr', publish: true } }))).toBe('not_found');
  });
});

describe('the guides Cercle ships with', () => {
  it('are six, in both languages, on topics and kinds that exist, added once and never over an edit', async () => {
    expect(SEED_ARTICLES.length).toBeGreaterThanOrEqual(6);
    for (const guide of SEED_ARTICLES) {
      for (const topic of guide.topics) expect(TOPIC_SLUGS).toContain(topic);
      expect(guide.en.slug).not.toBe(guide.fr.slug);
      for (const locale of ['en', 'fr'] as const) {
        expect(guide[locale].body.length, `${guide.key} ${locale}`).toBeGreaterThan(1200);
        expect(renderArticleBody(guide[locale].body)).toMatch(/<h2>/);
      }
    }
    expect(await seedArticles(t.db, { now: NOW })).toBe(SEED_ARTICLES.length);
    const [guide] = await t.db.select().from(articleTexts).where(eq(articleTexts.slug, 'what-to-expect-at-your-first-support-group'));
    await t.db.update(articleTexts).set({ title: 'Edited by an administrator' }).where(eq(articleTexts.id, guide!.id));
    expect(await seedArticles(t.db, { now: LATER })).toBe(0);
    const fr = await getArticle({ ctx: anonymous(), input: { locale: 'fr', slug: 'a-quoi-s-attendre-a-votre-premier-groupe-de-soutien' } });
    expect(fr.translation).toEqual({ locale: 'en', slug: 'what-to-expect-at-your-first-support-group', title: 'Edited by an administrator' });
    expect(fr.authorName).toBe('L’équipe de Cercle');
  });
});

describe('finding articles', () => {
  it('lists a language newest first, by topic (a parent holds its sub-topics), with counts', async () => {
    const all = await listArticles({ ctx: anonymous(), input: { locale: 'en' } });
    expect(all.items.every((a) => a.publishedAt.getTime() <= all.items[0]!.publishedAt.getTime())).toBe(true);
    expect(all.total).toBe(SEED_ARTICLES.length + 1);
    const grief = await listArticles({ ctx: anonymous(), input: { locale: 'en', topic: 'grief' } });
    expect(grief.items.map((a) => a.slug)).toEqual(['coping-with-a-parent-s-death']);
    expect(all.topics).toEqual(
      expect.arrayContaining([
        { slug: 'grief', label: 'Grief & bereavement', count: 1 },
        { slug: 'grief-loss-of-a-parent', label: 'Loss of a parent', count: 1 },
        { slug: 'mental-health', label: expect.any(String), count: 1 },
      ]),
    );
    expect((await listArticles({ ctx: anonymous(), input: { locale: 'en', topic: 'parenting' } })).total).toBe(0);
  });

  it('searches with the full-text search of groups: stems in both languages, and the topics a person’s words name', async () => {
    const slugs = async (locale: 'en' | 'fr', q: string) => (await listArticles({ ctx: anonymous(), input: { locale, q } })).items.map((a) => a.slug);
    expect(await slugs('en', 'licensed therapists')).toContain('when-group-therapy-is-the-right-step');
    expect((await slugs('fr', 'thérapeute'))[0]).toBe('quand-la-therapie-de-groupe-est-la-bonne-etape');
    expect(await slugs('fr', 'therapeute')).toContain('quand-la-therapie-de-groupe-est-la-bonne-etape');
    // "my dad died" names the loss of a parent; the article never says "dad".
    expect((await slugs('en', 'my dad died'))[0]).toBe('coping-with-a-parent-s-death');
    expect(await slugs('en', 'xylophone')).toEqual([]);
  });

  it('suggests related articles by topic and kind, best first, never the one being read', async () => {
    const parent = await getArticle({ ctx: anonymous(), input: { locale: 'en', slug: 'coping-with-a-parent-s-death' } });
    const byTopic = await relatedArticles({ ctx: anonymous(), input: { locale: 'en', topics: ['grief'], kinds: ['support_group'] } });
    expect(byTopic[0]!.slug).toBe('coping-with-a-parent-s-death');
    expect(byTopic).toHaveLength(3);
    const therapy = await relatedArticles({ ctx: anonymous(), input: { locale: 'fr', kinds: ['group_therapy'], limit: 5 } });
    expect(therapy.map((a) => a.slug)).toEqual(['quand-la-therapie-de-groupe-est-la-bonne-etape', 'groupe-ouvert-ou-groupe-ferme', 'types-de-groupes-et-leurs-differences']);
    const except = await relatedArticles({ ctx: anonymous(), input: { locale: 'en', topics: ['grief-loss-of-a-parent'], exceptArticleId: parent.articleId } });
    expect(except.map((a) => a.slug)).not.toContain(parent.slug);
    expect(await relatedArticles({ ctx: anonymous(), input: { locale: 'en' } })).toEqual([]);
  });
});

describe('an article’s Markdown', () => {
  it('keeps headings, lists, emphasis and safe links, and drops raw HTML, images and scripts', () => {
    const html = renderArticleBody('# Title\n\n**Bold** and [a link](https://example.org) and [bad](javascript:alert(1))\n\n- one\n- two\n\n![img](https://tracker.example/x.png)\n\n<img src=x onerror=alert(1)>');
    expect(html).toContain('<h2>Title</h2>');
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).toContain('<a href="https://example.org">a link</a>');
    expect(html).toContain('<li>one</li>');
    expect(html).not.toMatch(/href="javascript|<img|<script/);
  });
});
