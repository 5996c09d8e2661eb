import '../../i18n/areas/articles';
import { data, Form, Link, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/article';
import { commentFormToken, getArticle, listArticleComments, postComment, relatedArticles } from '../../core/articles';
import { RateLimited } from '../../core/errors';
import { NotFound } from '../../core/errors';
import { getT, type Locale } from '../../i18n';
import { localeOfPath, pathTo } from '../lib/paths';
import { coreContext } from '../lib/context.server';
import { articleCard, articleDay, matchingGroupsHref } from '../lib/articles.server';
import { articleJsonLd } from '../lib/article-json-ld';
import { articlesFeedPath } from '../lib/listing-paths';
import { jsonLdScript } from '../lib/group-json-ld';
import { ArticleList, TopicTags } from '../components/article-list';
import { ErrorSummary, TextField } from '../components/form-kit';
import { formProblem } from '../lib/problem.server';
import { formValues } from '../lib/form-values';
import { retryAfter, retryAfterHeaders } from '../lib/signup.server';

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
  const comments = await listArticleComments({ ctx, textId: article.textId });
  return {
    locale,
    comments: comments.map((c) => ({ id: c.id, nickname: c.nickname, html: c.html, date: articleDay(c.createdAt, locale), iso: c.createdAt.toISOString() })),
    commentForm: commentFormToken(ctx, article.textId),
    textId: article.textId,
    held: new URL(request.url).searchParams.get('comment') === 'held',
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
    feedHref: articlesFeedPath(locale),
    feedTitle: getT(locale)('articles.list.feed'),
    groupsHref: matchingGroupsHref(article, locale),
    related: related.map((a) => articleCard(a, locale)),
    jsonLd: jsonLdScript(articleJsonLd(article, { page: pageUrl, translation: translationPath && new URL(translationPath, site).toString(), site })),
  };
}

/** POST: a comment, held for moderation; then back to the article, saying so (a reload sends nothing twice). */
export async function action({ request, params, context }: Route.ActionArgs) {
  const locale = localeOfPath(new URL(request.url).pathname) as Locale;
  const t = getT(locale);
  const form = await request.formData();
  const values = formValues(form, ['textId', 'nickname', 'body', 'website', 'formToken']);
  try {
    await postComment({ ctx: coreContext(context, locale), input: values });
  } catch (err) {
    if (err instanceof NotFound) throw data(t('errors.notFound'), { status: 404 });
    const problem = formProblem(err, t, 'articles');
    const headers = err instanceof RateLimited ? retryAfter(err) : undefined;
    return data({ problem, values: { nickname: values.nickname, body: values.body } }, { status: problem.status, headers });
  }
  return redirect(`${pathTo(locale, 'article', { slug: params.slug })}?comment=held#comments`, 303);
}

export const headers = retryAfterHeaders;

export const meta: Route.MetaFunction = ({ data }) =>
  data
    ? [
        { title: `${data.article.title} · Cercle` },
        { name: 'description', content: data.article.summary },
        { tagName: 'link', rel: 'alternate', type: 'application/atom+xml', title: data.feedTitle, href: data.feedHref },
      ]
    : [];

export default function ArticlePage({ loaderData: d, actionData }: Route.ComponentProps) {
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
      <section aria-labelledby="comments" className="article-comments">
        <h2 id="comments">{t('articles.comments.title')}</h2>
        {d.held && (
          <p className="notice success" role="status">
            {t('articles.comments.held')}
          </p>
        )}
        {d.comments.length === 0 ? (
          <p className="muted">{t('articles.comments.none')}</p>
        ) : (
          <ol className="comment-list">
            {d.comments.map((c) => (
              <li key={c.id}>
                <p className="muted">
                  <time dateTime={c.iso}>{t('articles.comments.by', { nickname: c.nickname, date: c.date })}</time>
                </p>
                <div dangerouslySetInnerHTML={{ __html: c.html }} />
              </li>
            ))}
          </ol>
        )}
        <h3 id="comment-form-title">{t('articles.comments.formTitle')}</h3>
        <p className="muted">{t('articles.comments.formLead')}</p>
        {actionData?.problem && <ErrorSummary message={actionData.problem.message} fields={actionData.problem.fields} />}
        <Form method="post" aria-labelledby="comment-form-title" className="comment-form">
          <input type="hidden" name="textId" value={d.textId} />
          <input type="hidden" name="formToken" value={d.commentForm} />
          <TextField name="nickname" label={t('articles.comments.nickname')} hint={t('articles.comments.nicknameHint')} value={actionData?.values.nickname} error={actionData?.problem.fields.nickname} maxLength={60} autoComplete="nickname" />
          <TextField name="body" label={t('articles.comments.body')} value={actionData?.values.body} error={actionData?.problem.fields.body} multiline rows={5} maxLength={4000} />
          {/* People never see this field; a bot that fills it is thanked and forgotten. */}
          <p className="trap" aria-hidden="true">
            <label htmlFor="f-website">{t('articles.comments.website')}</label>
            <input id="f-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
          </p>
          <button type="submit">{t('articles.comments.send')}</button>
        </Form>
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
