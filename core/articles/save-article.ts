import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { articles, articleTexts } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Conflict, NotFound } from '../errors';
import { requirePlatformAdmin } from '../policy/permissions';
import { audit } from '../audit';
import { slugOf } from '../text';
import { articleDocument, articleTextInput, checkTopics, slugTaken } from './shared';

export const saveArticleInput = articleTextInput.extend({
  /** The article this text belongs to; absent for a new article. */
  articleId: z.uuid().optional(),
});
export type SaveArticleInput = z.input<typeof saveArticleInput>;

const WORDS = ['slug', 'title', 'summary', 'body', 'authorName'] as const;

/**
 * An administrator writes one language of an article: a new article, a first text in the other
 * language (its translation), or changes to a text. The topics and kinds are the article's, shared
 * by its languages. A published text changed stays published with its new words. Every save is in
 * the audit log with the fields it changed. A slug left empty is made from the title.
 */
export async function saveArticle({ ctx, input }: { ctx: Context; input: SaveArticleInput }): Promise<{ articleId: string; textId: string; slug: string }> {
  const q = parseInput(saveArticleInput, input);
  return withTransaction(ctx, async (tx) => {
    const adminId = await requirePlatformAdmin(tx);
    const topicSlugs = await checkTopics(tx, q.topics);
    const kinds = [...new Set(q.kinds)];
    let articleId = q.articleId;
    let before: { topics: string[]; kinds: string[] } | null = null;
    if (articleId) {
      const [found] = await tx.db.select().from(articles).where(eq(articles.id, articleId)).for('update');
      if (!found) throw new NotFound('article');
      before = { topics: found.topics, kinds: found.kinds };
      await tx.db.update(articles).set({ topics: topicSlugs, kinds }).where(eq(articles.id, articleId));
    } else {
      const [created] = await tx.db.insert(articles).values({ topics: topicSlugs, kinds, createdBy: adminId }).returning({ id: articles.id });
      articleId = created!.id;
    }
    const [existing] = await tx.db
      .select()
      .from(articleTexts)
      .where(and(eq(articleTexts.articleId, articleId), eq(articleTexts.locale, q.locale)));
    let slug = q.slug;
    if (!slug) slug = existing?.slug ?? (await freeSlug(tx, q.locale, slugOf(q.title, 'article'), existing?.id ?? null));
    else if (await slugTaken(tx, q.locale, slug, existing?.id ?? null)) throw new Conflict(`the address ${slug} is taken`, 'slug_taken', { slug });
    const words = { slug, title: q.title, summary: q.summary, body: q.body, authorName: q.authorName };
    let textId: string;
    let changed: string[];
    if (existing) {
      changed = WORDS.filter((w) => existing[w] !== words[w]);
      textId = existing.id;
      if (changed.length) {
        await tx.db
          .update(articleTexts)
          .set({ ...words, updatedAt: tx.now, search: articleDocument(words) })
          .where(eq(articleTexts.id, existing.id));
      }
    } else {
      changed = [...WORDS];
      const [row] = await tx.db
        .insert(articleTexts)
        .values({ articleId, locale: q.locale, ...words, updatedAt: tx.now, search: articleDocument(words) })
        .returning({ id: articleTexts.id });
      textId = row!.id;
    }
    if (before && before.topics.join() !== topicSlugs.join()) changed.push('topics');
    if (before && before.kinds.join() !== kinds.join()) changed.push('kinds');
    if (changed.length) {
      await audit(tx, {
        organizationId: null,
        action: !q.articleId ? 'article.created' : existing ? 'article.edited' : 'article.translated',
        entityType: 'article',
        entityId: articleId,
        data: { locale: q.locale, slug, title: q.title, changed },
      });
    }
    return { articleId, textId, slug };
  });
}

/** `base`, or `base-2`, `base-3`… : the first address in `locale` no other text has. */
async function freeSlug(tx: Context, locale: 'en' | 'fr', base: string, exceptTextId: string | null): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await slugTaken(tx, locale, candidate, exceptTextId))) return candidate;
  }
}
