import '../../i18n/areas/articles';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ArticleCardData } from '../lib/articles.server';

/** Articles as a list of cards: title (a link), date, summary and topics. */
export function ArticleList({ articles, headingLevel = 2 }: { articles: ArticleCardData[]; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="article-list">
      {articles.map((a) => (
        <li key={a.href} className="card">
          <Heading>
            <Link to={a.href}>{a.title}</Link>
          </Heading>
          <p className="muted">
            <time dateTime={a.publishedIso}>{t('articles.list.published', { date: a.published })}</time>
          </p>
          <p>{a.summary}</p>
          <TopicTags topics={a.topics} />
        </li>
      ))}
    </ul>
  );
}

/** An article's topics as tags, each a link to the articles of that topic. */
export function TopicTags({ topics }: { topics: { label: string; href: string }[] }) {
  if (topics.length === 0) return null;
  return (
    <ul className="tags">
      {topics.map((topic) => (
        <li key={topic.href}>
          <Link className="tag" to={topic.href}>
            {topic.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
