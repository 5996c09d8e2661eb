import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ArticleCardData } from '../lib/articles.server';

// Pages outside the articles (kinds of groups, the guide's results, a group's page) show a few
// articles; they do not load the articles' words for it.

/** A short section of articles to read next to a group, a kind of group or guide results. */
export function RelatedArticles({ articles, id = 'related-articles' }: { articles: ArticleCardData[]; id?: string }) {
  const { t } = useTranslation();
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby={id} className="related-articles">
      <h2 id={id}>{t('relatedArticles.title')}</h2>
      <ul>
        {articles.map((a) => (
          <li key={a.href}>
            <Link to={a.href}>{a.title}</Link> <span className="muted">— {a.summary}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
