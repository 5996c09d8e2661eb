import type { Article } from '../../core/articles';

// schema.org JSON-LD for an article's page: an `Article` with its headline, summary, dates,
// author, language, topics and, when it is published in the other language, its translation.
// Tested against the schema.org vocabulary in ../shared/standards/schema-org.

export function articleJsonLd(a: Article, urls: { page: string; translation: string | null; site: string }): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: a.title,
    description: a.summary,
    url: urls.page,
    mainEntityOfPage: urls.page,
    inLanguage: a.locale === 'fr' ? 'fr-CA' : 'en-CA',
    datePublished: isoSeconds(a.publishedAt),
    dateModified: isoSeconds(a.updatedAt),
    author: { '@type': 'Organization', name: a.authorName },
    publisher: { '@type': 'Organization', name: 'Cercle', url: urls.site },
    ...(a.topics.length ? { keywords: a.topics.map((t) => t.label).join(', ') } : {}),
    ...(a.translation && urls.translation
      ? { workTranslation: { '@type': 'Article', headline: a.translation.title, url: urls.translation, inLanguage: a.translation.locale === 'fr' ? 'fr-CA' : 'en-CA' } }
      : {}),
  };
}

/** A time in ISO 8601 to the second, in UTC. */
function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
