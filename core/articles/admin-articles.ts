import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { articles, articleTexts, auditLog, users, type GroupKind, type Locale } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { NotFound } from '../errors';
import { requirePlatformAdmin } from '../policy/permissions';

// What administrators see of articles: every text, draft or published.

export interface ArticleTextForEditing {
  id: string;
  locale: Locale;
  slug: string;
  title: string;
  summary: string;
  body: string;
  authorName: string;
  status: 'draft' | 'published';
  publishedAt: Date | null;
  updatedAt: Date;
}

export interface ArticleForEditing {
  id: string;
  topics: string[];
  kinds: GroupKind[];
  texts: Partial<Record<Locale, ArticleTextForEditing>>;
}

function gather(rows: { a: typeof articles.$inferSelect; t: typeof articleTexts.$inferSelect | null }[]): ArticleForEditing[] {
  const byId = new Map<string, ArticleForEditing>();
  for (const { a, t } of rows) {
    let article = byId.get(a.id);
    if (!article) byId.set(a.id, (article = { id: a.id, topics: a.topics, kinds: a.kinds, texts: {} }));
    if (t) {
      const { articleId: _a, search: _s, ...text } = t;
      article.texts[t.locale] = text;
    }
  }
  return [...byId.values()];
}

/** Every article with its texts, the most recently changed first. */
export async function listArticlesForAdmin({ ctx }: { ctx: Context }): Promise<ArticleForEditing[]> {
  await requirePlatformAdmin(ctx);
  const rows = await ctx.db
    .select({ a: articles, t: articleTexts })
    .from(articles)
    .leftJoin(articleTexts, eq(articleTexts.articleId, articles.id))
    .orderBy(desc(articles.createdAt), asc(articles.id));
  const list = gather(rows);
  const latest = (a: ArticleForEditing) => Math.max(...Object.values(a.texts).map((t) => t.updatedAt.getTime()), 0);
  return list.sort((x, y) => latest(y) - latest(x));
}

export const getArticleForEditingInput = z.object({ articleId: z.string().trim().max(100) });

/** One article with both its texts, for its editor. */
export async function getArticleForEditing({ ctx, input }: { ctx: Context; input: z.input<typeof getArticleForEditingInput> }): Promise<ArticleForEditing> {
  const q = parseInput(getArticleForEditingInput, input);
  await requirePlatformAdmin(ctx);
  if (!z.uuid().safeParse(q.articleId).success) throw new NotFound('article');
  const rows = await ctx.db
    .select({ a: articles, t: articleTexts })
    .from(articles)
    .leftJoin(articleTexts, eq(articleTexts.articleId, articles.id))
    .where(inArray(articles.id, [q.articleId]));
  const [article] = gather(rows);
  if (!article) throw new NotFound('article');
  return article;
}

export interface ArticleHistoryLine {
  at: Date;
  action: string;
  actorName: string | null;
  locale: Locale | null;
  /** The fields an edit changed. */
  changed: string[];
}

/** An article's lines of the audit log, newest first: who wrote, edited, published or took it back, and when. */
export async function getArticleHistory({ ctx, input }: { ctx: Context; input: z.input<typeof getArticleForEditingInput> }): Promise<ArticleHistoryLine[]> {
  const q = parseInput(getArticleForEditingInput, input);
  await requirePlatformAdmin(ctx);
  if (!z.uuid().safeParse(q.articleId).success) throw new NotFound('article');
  const rows = await ctx.db
    .select({ a: auditLog, name: users.name })
    .from(auditLog)
    .leftJoin(users, and(eq(auditLog.actorType, 'user'), eq(users.id, auditLog.actorId)))
    .where(and(eq(auditLog.entityType, 'article'), eq(auditLog.entityId, q.articleId)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(100);
  return rows.map(({ a, name }) => {
    const data = a.data as { locale?: Locale; changed?: string[] };
    return { at: a.createdAt, action: a.action, actorName: name, locale: data.locale ?? null, changed: data.changed ?? [] };
  });
}
