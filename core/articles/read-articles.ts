import { and, asc, count, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { articles, articleTexts, GROUP_KINDS, LOCALES, topics, type GroupKind, type Locale } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { NotFound } from '../errors';
import { bilingualQuery } from '../search/bilingual-text';
import { understand } from '../search/understand';
import { aboutParentOf, aboutTopic, ARTICLE_PAGE_SIZE, ARTICLE_SLUG, TOPIC_SLUG_PATTERN } from './shared';
import { renderArticleBody } from './markdown';
import { pgArray } from '../search/search-sql';
import { rows as sqlRows } from '../search/rows';

// What visitors read: published texts only, in the page's language.

export interface ArticleTopic {
  slug: string;
  label: string;
}

export interface ArticleSummary {
  articleId: string;
  slug: string;
  title: string;
  summary: string;
  publishedAt: Date;
  updatedAt: Date;
  topics: ArticleTopic[];
  kinds: GroupKind[];
}

export interface Article extends ArticleSummary {
  textId: string;
  locale: Locale;
  authorName: string;
  /** Sanitized HTML of the body. */
  html: string;
  /** Its published text in the other language. */
  translation: { locale: Locale; slug: string; title: string } | null;
}

const published = (locale: Locale) => and(eq(articleTexts.locale, locale), eq(articleTexts.status, 'published'));

/** Topic slugs with their label in `locale`, in the taxonomy's order. */
async function labelled(ctx: Context, slugs: readonly string[], locale: Locale): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await ctx.db
    .select({ slug: topics.slug, en: topics.labelEn, fr: topics.labelFr })
    .from(topics)
    .where(inArray(topics.slug, [...new Set(slugs)]))
    .orderBy(asc(topics.position));
  return new Map(rows.map((r) => [r.slug, locale === 'fr' ? r.fr : r.en]));
}

async function summaries(ctx: Context, rows: { a: typeof articles.$inferSelect; t: typeof articleTexts.$inferSelect }[], locale: Locale): Promise<ArticleSummary[]> {
  const labels = await labelled(ctx, rows.flatMap((r) => r.a.topics), locale);
  return rows.map(({ a, t }) => ({
    articleId: a.id,
    slug: t.slug,
    title: t.title,
    summary: t.summary,
    publishedAt: t.publishedAt!,
    updatedAt: t.updatedAt,
    topics: a.topics.flatMap((slug) => (labels.has(slug) ? [{ slug, label: labels.get(slug)! }] : [])),
    kinds: a.kinds,
  }));
}

export const getArticleInput = z.object({ locale: z.enum(LOCALES), slug: z.string().trim().max(200) });

/** A published article in a language, by its address there. */
export async function getArticle({ ctx, input }: { ctx: Context; input: z.input<typeof getArticleInput> }): Promise<Article> {
  const q = parseInput(getArticleInput, input);
  if (!ARTICLE_SLUG.test(q.slug)) throw new NotFound('article');
  const [row] = await ctx.db
    .select({ a: articles, t: articleTexts })
    .from(articleTexts)
    .innerJoin(articles, eq(articles.id, articleTexts.articleId))
    .where(and(published(q.locale), eq(articleTexts.slug, q.slug)));
  if (!row) throw new NotFound('article');
  const other: Locale = q.locale === 'en' ? 'fr' : 'en';
  const [translation] = await ctx.db
    .select({ slug: articleTexts.slug, title: articleTexts.title })
    .from(articleTexts)
    .where(and(eq(articleTexts.articleId, row.a.id), published(other)));
  const [summary] = await summaries(ctx, [row], q.locale);
  return {
    ...summary!,
    textId: row.t.id,
    locale: q.locale,
    authorName: row.t.authorName,
    html: renderArticleBody(row.t.body),
    translation: translation ? { locale: other, ...translation } : null,
  };
}

export const listArticlesInput = z.object({
  locale: z.enum(LOCALES),
  topic: z.string().trim().regex(TOPIC_SLUG_PATTERN, 'must be a topic slug').optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export interface ArticleList {
  items: ArticleSummary[];
  total: number;
  page: number;
  pageCount: number;
  /** Every topic with published articles in the language (a sub-topic's counted under its parent too), with how many. */
  topics: (ArticleTopic & { count: number })[];
}

/**
 * The published articles of a language, newest first; of one topic (and its sub-topics); or those
 * a search finds — by the same bilingual full-text search as groups, and by the topics the search's
 * words name ("my dad died" finds the articles about losing a parent), best match first.
 */
export async function listArticles({ ctx, input }: { ctx: Context; input: z.input<typeof listArticlesInput> }): Promise<ArticleList> {
  const q = parseInput(listArticlesInput, input);
  const conditions: SQL[] = [published(q.locale)!];
  if (q.topic) conditions.push(aboutTopic(q.topic));
  let rank: SQL | null = null;
  if (q.q) {
    const named = understand(q.q, q.locale).concepts.flatMap((c) => c.topics);
    const text = sql`${articleTexts.search} @@ (${bilingualQuery(q.q)})`;
    const byTopic = named.length ? or(...named.map(aboutTopic)) : undefined;
    conditions.push(byTopic ? or(text, byTopic)! : text);
    rank = sql`ts_rank(${articleTexts.search}, ${bilingualQuery(q.q)}) + ${byTopic ? sql`case when ${byTopic} then 1 else 0 end` : sql`0`}`;
  }
  const where = and(...conditions);
  const [total] = await ctx.db.select({ n: count() }).from(articleTexts).innerJoin(articles, eq(articles.id, articleTexts.articleId)).where(where);
  const rows = await ctx.db
    .select({ a: articles, t: articleTexts })
    .from(articleTexts)
    .innerJoin(articles, eq(articles.id, articleTexts.articleId))
    .where(where)
    .orderBy(...(rank ? [desc(rank)] : []), desc(articleTexts.publishedAt), asc(articleTexts.slug))
    .limit(ARTICLE_PAGE_SIZE)
    .offset((q.page - 1) * ARTICLE_PAGE_SIZE);
  // The topics list counts every published article of the language, whatever the search: under
  // each topic it names and under their parents, once per article.
  const counted = await sqlRows<{ slug: string; n: number }>(
    ctx.db,
    sql`select v.slug, count(distinct t.id)::int as n
        from ${articleTexts} t join ${articles} a on a.id = t.article_id
        cross join unnest(a.topics) as s(slug)
        left join ${topics} c on c.slug = s.slug left join ${topics} p on p.id = c.parent_id
        cross join lateral (values (s.slug), (p.slug)) as v(slug)
        where t.locale = ${q.locale} and t.status = 'published' and v.slug is not null
        group by v.slug`,
  );
  const counts = new Map(counted.map((c) => [c.slug, c.n]));
  const labels = await labelled(ctx, [...counts.keys()], q.locale);
  const n = total?.n ?? 0;
  return {
    items: await summaries(ctx, rows, q.locale),
    total: n,
    page: q.page,
    pageCount: Math.max(1, Math.ceil(n / ARTICLE_PAGE_SIZE)),
    topics: [...labels].map(([slug, label]) => ({ slug, label, count: counts.get(slug)! })),
  };
}

export const relatedArticlesInput = z.object({
  locale: z.enum(LOCALES),
  topics: z.array(z.string().max(80)).max(40).default([]),
  kinds: z.array(z.enum(GROUP_KINDS)).max(GROUP_KINDS.length).default([]),
  /** An article not to suggest (the one being read). */
  exceptArticleId: z.uuid().optional(),
  limit: z.number().int().min(1).max(10).default(3),
});

/**
 * Published articles to read next to a group, a kind of group or guide results: those sharing a
 * topic (or its parent or sub-topic) first, then those sharing the most of the kinds; among equals
 * the most specific (fewest kinds, then fewest topics), then the newest.
 */
export async function relatedArticles({ ctx, input }: { ctx: Context; input: z.input<typeof relatedArticlesInput> }): Promise<ArticleSummary[]> {
  const q = parseInput(relatedArticlesInput, input);
  if (q.topics.length === 0 && q.kinds.length === 0) return [];
  const topicMatch = q.topics.length ? or(...q.topics.flatMap((t) => [aboutTopic(t), aboutParentOf(t)]))! : sql`false`;
  const wanted = sql`${pgArray(q.kinds)}::group_kind[]`;
  const kindMatch = q.kinds.length ? sql`${articles.kinds} && ${wanted}` : sql`false`;
  const kindsShared = q.kinds.length ? [desc(sql`(select count(*) from unnest(${articles.kinds}) as k(kind) where k.kind = any(${wanted}))`)] : [];
  const rows = await ctx.db
    .select({ a: articles, t: articleTexts })
    .from(articleTexts)
    .innerJoin(articles, eq(articles.id, articleTexts.articleId))
    .where(and(published(q.locale), or(topicMatch, kindMatch), q.exceptArticleId ? ne(articles.id, q.exceptArticleId) : undefined))
    .orderBy(
      desc(sql`case when ${topicMatch} then 1 else 0 end`),
      ...kindsShared,
      asc(sql`cardinality(${articles.kinds})`),
      asc(sql`cardinality(${articles.topics})`),
      desc(articleTexts.publishedAt),
    )
    .limit(q.limit);
  return summaries(ctx, rows, q.locale);
}

export const latestArticlesInput = z.object({
  locale: z.enum(LOCALES),
  topic: z.string().trim().regex(TOPIC_SLUG_PATTERN, 'must be a topic slug').optional(),
  limit: z.number().int().min(1).max(100).default(30),
});

/** The newest published articles of a language (of one topic and its sub-topics), with their bodies: what feeds carry. */
export async function latestArticles({ ctx, input }: { ctx: Context; input: z.input<typeof latestArticlesInput> }): Promise<(ArticleSummary & { authorName: string; html: string })[]> {
  const q = parseInput(latestArticlesInput, input);
  const rows = await ctx.db
    .select({ a: articles, t: articleTexts })
    .from(articleTexts)
    .innerJoin(articles, eq(articles.id, articleTexts.articleId))
    .where(and(published(q.locale), q.topic ? aboutTopic(q.topic) : undefined))
    .orderBy(desc(articleTexts.publishedAt), asc(articleTexts.slug))
    .limit(q.limit);
  const list = await summaries(ctx, rows, q.locale);
  return list.map((s, i) => ({ ...s, authorName: rows[i]!.t.authorName, html: renderArticleBody(rows[i]!.t.body) }));
}

/** Every published text (both languages), for the sitemap: grouped by article, so that translations name each other. */
export async function publishedArticleTexts(ctx: Context): Promise<{ articleId: string; texts: Partial<Record<Locale, { slug: string; updatedAt: Date }>> }[]> {
  const rows = await ctx.db
    .select({ articleId: articleTexts.articleId, locale: articleTexts.locale, slug: articleTexts.slug, updatedAt: articleTexts.updatedAt })
    .from(articleTexts)
    .where(eq(articleTexts.status, 'published'))
    .orderBy(asc(articleTexts.articleId));
  const byArticle = new Map<string, Partial<Record<Locale, { slug: string; updatedAt: Date }>>>();
  for (const r of rows) {
    const texts = byArticle.get(r.articleId) ?? {};
    texts[r.locale] = { slug: r.slug, updatedAt: r.updatedAt };
    byArticle.set(r.articleId, texts);
  }
  return [...byArticle].map(([articleId, texts]) => ({ articleId, texts }));
}
