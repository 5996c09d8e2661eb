import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { articleTexts, LOCALES } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { NotFound } from '../errors';
import { requirePlatformAdmin } from '../policy/permissions';
import { audit } from '../audit';

export const publishArticleInput = z.object({
  articleId: z.uuid(),
  locale: z.enum(LOCALES),
  publish: z.boolean(),
});
export type PublishArticleInput = z.input<typeof publishArticleInput>;

/**
 * An administrator publishes one language of an article, or takes it back to a draft. The first
 * publication dates the text; a later one keeps that date. Returns whether this was the text's
 * first publication (what subscribers are told about).
 */
export async function publishArticle({ ctx, input }: { ctx: Context; input: PublishArticleInput }): Promise<{ textId: string; firstPublication: boolean; changed: boolean }> {
  const q = parseInput(publishArticleInput, input);
  return withTransaction(ctx, async (tx) => {
    await requirePlatformAdmin(tx);
    const [text] = await tx.db
      .select()
      .from(articleTexts)
      .where(and(eq(articleTexts.articleId, q.articleId), eq(articleTexts.locale, q.locale)))
      .for('update');
    if (!text) throw new NotFound('article');
    const status = q.publish ? 'published' : 'draft';
    if (text.status === status) return { textId: text.id, firstPublication: false, changed: false };
    const firstPublication = q.publish && text.publishedAt === null;
    await tx.db
      .update(articleTexts)
      .set({ status, publishedAt: q.publish ? sql`coalesce(${articleTexts.publishedAt}, ${tx.now.toISOString()}::timestamptz)` : text.publishedAt })
      .where(eq(articleTexts.id, text.id));
    await audit(tx, {
      organizationId: null,
      action: q.publish ? 'article.published' : 'article.unpublished',
      entityType: 'article',
      entityId: q.articleId,
      data: { locale: q.locale, slug: text.slug, title: text.title },
    });
    return { textId: text.id, firstPublication, changed: true };
  });
}
