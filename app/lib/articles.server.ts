import { DateTime } from 'luxon';
import type { ArticleSummary, Article } from '../../core/articles';
import type { Locale } from '../../i18n';
import { formatDay } from './format';
import { pathTo } from './paths';

// What the article pages show of an article, and the addresses around it.

/** The day an article was published or changed, in the platform's zone and the page's language. */
export function articleDay(date: Date, locale: Locale): string {
  return formatDay(DateTime.fromJSDate(date, { zone: 'America/Toronto' }).toISODate()!, locale);
}

export function articleCard(a: ArticleSummary, locale: Locale) {
  return {
    href: pathTo(locale, 'article', { slug: a.slug }),
    title: a.title,
    summary: a.summary,
    published: articleDay(a.publishedAt, locale),
    publishedIso: a.publishedAt.toISOString(),
    topics: a.topics.map((topic) => ({ label: topic.label, href: `${pathTo(locale, 'articles')}?topic=${topic.slug}` })),
  };
}
export type ArticleCardData = ReturnType<typeof articleCard>;

/** The group search that finds what an article is about: its topics and kinds as the search's filters. */
export function matchingGroupsHref(a: Pick<Article, 'topics' | 'kinds'>, locale: Locale): string {
  const query = new URLSearchParams();
  for (const topic of a.topics) query.append('topic', topic.slug);
  for (const kind of a.kinds) query.append('kind', kind);
  const q = query.toString();
  return q ? `${pathTo(locale, 'groups')}?${q}` : pathTo(locale, 'groups');
}
