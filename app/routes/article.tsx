import '../../i18n/areas/articles';
import { data, Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/article';
import { getArticle, relatedArticles } from '../../core/articles';
import { NotFound } from '../../core/errors';
import { getT, type Locale } from '../../i18n';
import { localeOfPath, pathTo } from '../lib/paths';
import { coreContext } from '../lib/context.server';
import { articleCard, articleDay, matchingGroupsHref } from '../lib/articles.server';
import { articleJsonLd } from '../lib/article-json-ld';
import { jsonLdScript } from '../lib/group-json-ld';
import { ArticleList, TopicTags } from '../components/article-list';

// One published article in the page's language, with its translation, the groups it is about,
// and what to read next.

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const locale = localeOfPath(new URL(request.url).pathname) as Locale;
  const ctx = coreContext(context, locale);
  let article;
  try {
    article = await getArticle({ ctx, input: { locale, slug: params.slug } });
  } catch (err) {
    if (err instanceof NotFound) throw data(getT(locale)('errors.notFound'), { status: 404 });
    throw err;
  }
  const other: Locale = locale === 'en' ? 'fr' : 'en';
  const site = context.settings.publicUrl;
  const pageUrl = new URL(pathTo(locale, 'article', { slug: article.slug }), site).toString();
  const translationPath = article.translation ? pathTo(other, 'article', { slug: article.translation.slug }) : null;
  const related = await relatedArticles({
    ctx,
    input: { locale, topics: article.topics.map((t) => t.slug), kinds: article.kinds, exceptArticleId: article.articleId, limit: 3 },
  });
  return {
    locale,
    article: {
      title: article.title,
      summary: article.summary,
      html: article.html,
      author: article.authorName,
      published: articleDay(article.publishedAt, locale),
      publishedIso: article.publishedAt.toISOString(),
      updated: articleDay(article.updatedAt, locale),
      updatedIso: article.updatedAt.toISOString(),
      topics: article.topics.map((topic) => ({ label: topic.label, href: `${pathTo(locale, 'articles')}?topic=${topic.slug}` })),
      kinds: article.kinds,
    },
    translation: article.translation && translationPath ? { locale: other, title: article.translation.title, href: translationPath } : null,
    // The language switch goes to the translation, or to the other language's articles.
    localeHref: { [other]: translationPath ?? pathTo(other, 'articles') },
    guideHref: pathTo(locale, 'guide'),
    groupsHref: matchingGroupsHref(article, locale),
    related: related.map((a) => articleCard(a, locale)),
    jsonLd: jsonLdScript(articleJsonLd(article, { page: pageUrl, translation: translationPath && new URL(translationPath, site).toString(), site })),
  };
}

export const meta: Route.MetaFunction = ({ data }) =>
  data
    ? [
        { title: `${data.article.title} · Cercle` },
        { name: 'description', content: data.article.summary },
      ]
    : [];

export default function ArticlePage({ loaderData: d }: Route.ComponentProps) {
  const { t } = useTranslation();
  const a = d.article;
  return (
    <div className="page article-page">
      <nav aria-label={t('articles.article.breadcrumb')} className="breadcrumb">
        <Link to={pathTo(d.locale, 'articles')}>{t('articles.article.breadcrumb')}</Link>
      </nav>
      <article aria-labelledby="article-title">
        <header>
          <h1 id="article-title">{a.title}</h1>
          <p className="lead">{a.summary}</p>
          <p className="muted">
            {t('articles.article.by', { author: a.author })} ·{' '}
            <time dateTime={a.publishedIso}>{t('articles.article.published', { date: a.published })}</time>
            {a.updated !== a.published && (
              <>
                {' · '}
                <time dateTime={a.updatedIso}>{t('articles.article.updated', { date: a.updated })}</time>
              </>
            )}
          </p>
          {d.translation && (
            <p>
              <Link to={d.translation.href} hrefLang={d.translation.locale} lang={d.translation.locale === 'fr' ? 'fr-CA' : 'en-CA'}>
                {t('articles.article.translation', { title: d.translation.title })}
              </Link>
            </p>
          )}
        </header>
        <div className="article-body" dangerouslySetInnerHTML={{ __html: a.html }} />
        <footer>
          {(a.topics.length > 0 || a.kinds.length > 0) && (
            <dl className="facts">
              {a.topics.length > 0 && (
                <div>
                  <dt>{t('articles.article.topics')}</dt>
                  <dd>
                    <TopicTags topics={a.topics} />
                  </dd>
                </div>
              )}
              {a.kinds.length > 0 && (
                <div>
                  <dt>{t('articles.article.kinds')}</dt>
                  <dd>{a.kinds.map((k) => t(`kind.${k}`)).join(', ')}</dd>
                </div>
              )}
            </dl>
          )}
        </footer>
      </article>
      <section aria-labelledby="find-a-group" className="card">
        <h2 id="find-a-group">{t('articles.article.findTitle')}</h2>
        <p>{t('articles.article.findLead')}</p>
        <p className="actions">
          <Link className="button" to={d.guideHref}>
            {t('articles.article.findGuide')}
          </Link>{' '}
          <Link to={d.groupsHref}>{t('articles.article.findGroups')}</Link>
        </p>
      </section>
      {d.related.length > 0 && (
        <section aria-labelledby="read-next">
          <h2 id="read-next">{t('articles.article.relatedTitle')}</h2>
          <ArticleList articles={d.related} headingLevel={3} />
        </section>
      )}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: d.jsonLd }} />
    </div>
  );
}
