import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { articles, articleTexts, GROUP_KINDS, LOCALES, topics, type Locale } from '../../db/schema';
import type { Context } from '../context';
import { Invalid } from '../errors';
import { bilingualDocument } from '../search/bilingual-text';

export const ARTICLE_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const ARTICLE_PAGE_SIZE = 20;
/** The shape of a topic's slug in the taxonomy. */
export const TOPIC_SLUG_PATTERN = /^[a-z0-9-]{1,80}$/;

/** What an administrator writes for one language of an article. */
export const articleTextInput = z.object({
  locale: z.enum(LOCALES),
  /** Left empty, it is made from the title. */
  slug: z.union([z.literal(''), z.string().trim().toLowerCase().max(120, 'too_long').regex(ARTICLE_SLUG, 'invalid_slug')]).default(''),
  title: z.string().trim().min(1, 'required').max(200, 'too_long'),
  summary: z.string().trim().min(1, 'required').max(500, 'too_long'),
  body: z.string().trim().min(1, 'required').max(100_000, 'too_long'),
  authorName: z.string().trim().min(1, 'required').max(120, 'too_long'),
  topics: z.array(z.string().trim().min(1).max(80)).max(20).default([]),
  kinds: z.array(z.enum(GROUP_KINDS)).max(GROUP_KINDS.length).default([]),
});
export type ArticleTextInput = z.input<typeof articleTextInput>;

/** The words a text is found by: its title, summary and body in both languages' stems. */
export function articleDocument(t: { title: string; summary: string; body: string }): SQL {
  return bilingualDocument(`${t.title}\n${t.summary}\n${t.body}`);
}

/** Refuses topic slugs that are not in the taxonomy. */
export async function checkTopics(ctx: Context, slugs: readonly string[]): Promise<string[]> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return [];
  const found = await ctx.db.select({ slug: topics.slug }).from(topics).where(inArray(topics.slug, unique));
  const known = new Set(found.map((r) => r.slug));
  const unknown = unique.filter((s) => !known.has(s));
  if (unknown.length) throw new Invalid(unknown.map((s) => ({ path: 'topics', message: `unknown topic ${s}`, code: 'unknown_topic' })));
  return unique;
}

/** Whether another article's text in `locale` already has `slug`. */
export async function slugTaken(ctx: Context, locale: Locale, slug: string, exceptTextId: string | null): Promise<boolean> {
  const rows = await ctx.db
    .select({ id: articleTexts.id })
    .from(articleTexts)
    .where(and(eq(articleTexts.locale, locale), eq(articleTexts.slug, slug)));
  return rows.some((r) => r.id !== exceptTextId);
}

/** Articles about `topic` or one of its sub-topics (as the taxonomy says: a topic's parent). */
export function aboutTopic(topic: string): SQL {
  return sql`exists (select 1 from unnest(${articles.topics}) as a(slug) where a.slug = ${topic}
    or exists (select 1 from ${topics} c join ${topics} p on p.id = c.parent_id where c.slug = a.slug and p.slug = ${topic}))`;
}

/** Articles about the parent topic of `topic` (none when it has none). */
export function aboutParentOf(topic: string): SQL {
  return sql`exists (select 1 from ${topics} c join ${topics} p on p.id = c.parent_id where c.slug = ${topic} and p.slug = any(${articles.topics}))`;
}

