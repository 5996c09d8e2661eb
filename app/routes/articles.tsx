import '../../i18n/areas/articles';
import { data, Form, Link, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/articles';
import { listArticles, subscribeToArticles } from '../../core/articles';
import { RateLimited } from '../../core/errors';
import { formProblem } from '../lib/problem.server';
import { field, listField } from '../lib/form-values';
import { retryAfter, retryAfterHeaders } from '../lib/signup.server';
import { Checks, ErrorSummary, TextField } from '../components/form-kit';
import { z } from 'zod';
import { getT, type Locale } from '../../i18n';
import { localeOfPath, pathTo } from '../lib/paths';
import { coreContext } from '../lib/context.server';
import { badRequest, parseQuery } from '../lib/query.server';
import { listArticlesInput } from '../../core/articles/read-articles';
import { articleCard } from '../lib/articles.server';
import { ArticleList } from '../components/article-list';
import { articlesFeedPath } from '../lib/listing-paths';

// The published articles of a language: by topic, or found by a search.

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const locale = localeOfPath(url.pathname) as Locale;
  const parsed = parseQuery(listArticlesInput.omit({ locale: true }).extend({ subscribed: z.literal('1').optional() }), url, getT(locale));
  if (!parsed.ok) badRequest(parsed.issues);
  const query = parsed.value;
  const list = await listArticles({ ctx: coreContext(context, locale), input: { ...query, locale } });
  const here = pathTo(locale, 'articles');
  const pageHref = (page: number) => {
    const p = new URLSearchParams(url.search);
    if (page > 1) p.set('page', String(page));
    else p.delete('page');
    const s = p.toString();
    return s ? `${here}?${s}` : here;
  };
  const topic = list.topics.find((x) => x.slug === query.topic) ?? null;
  const subscribed = url.searchParams.get('subscribed') === '1';
  return {
    locale,
    title: topic ? `${getT(locale)('articles.list.title')} · ${topic.label}` : getT(locale)('articles.list.title'),
    q: query.q ?? '',
    topic: topic ? { slug: topic.slug, label: topic.label } : null,
    topics: list.topics.map((x) => ({ ...x, href: `${here}?topic=${x.slug}` })),
    articles: list.items.map((a) => articleCard(a, locale)),
    total: list.total,
    page: list.page,
    pageCount: list.pageCount,
    prevHref: list.page > 1 ? pageHref(list.page - 1) : null,
    nextHref: list.page < list.pageCount ? pageHref(list.page + 1) : null,
    feedHref: articlesFeedPath(locale, topic?.slug),
    subscribed,
  };
}

/** POST: a subscription to new articles; the answer is the same whether the address was known or not. */
export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOfPath(new URL(request.url).pathname) as Locale;
  const t = getT(locale);
  const form = await request.formData();
  const values = { email: field(form, 'email'), topics: listField(form, 'topics') };
  try {
    await subscribeToArticles({ ctx: coreContext(context, locale), input: { ...values, locale } });
  } catch (err) {
    const problem = formProblem(err, t, 'articles');
    return data({ problem, values }, { status: problem.status, headers: err instanceof RateLimited ? retryAfter(err) : undefined });
  }
  return redirect(`${pathTo(locale, 'articles')}?subscribed=1#subscribe`, 303);
}

export const headers = retryAfterHeaders;

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.title ?? ''} · Cercle` },
  ...(data ? [{ tagName: 'link', rel: 'alternate', type: 'application/atom+xml', title: data.title, href: data.feedHref }] : []),
];

export default function Articles({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const here = pathTo(d.locale, 'articles');
  return (
    <div className="page with-sidebar articles">
      <h1>{t('articles.list.title')}</h1>
      <aside aria-labelledby="article-topics">
        <h2 id="article-topics">{t('articles.list.topicsTitle')}</h2>
        <ul className="topic-list">
          <li>
            <Link to={here} aria-current={!d.topic && !d.q ? 'page' : undefined}>
              {t('articles.list.allTopics')}
            </Link>
          </li>
          {d.topics.map((x) => (
            <li key={x.slug}>
              <Link to={x.href} aria-current={d.topic?.slug === x.slug ? 'page' : undefined}>
                {t('articles.list.topicCount', { label: x.label, count: x.count })}
              </Link>
            </li>
          ))}
        </ul>
        <p>
          <a href={d.feedHref} type="application/atom+xml">
            {d.topic ? t('articles.list.topicFeed', { topic: d.topic.label }) : t('articles.list.feed')}
          </a>
        </p>
      </aside>
      <div>
        <p className="lead">{t('articles.list.lead')}</p>
        <Form method="get" action={here} role="search" className="search-box">
          <label htmlFor="article-q">{t('articles.list.searchLabel')}</label>
          <div className="search-row">
            <input id="article-q" name="q" type="search" defaultValue={d.q} maxLength={200} />
            {d.topic && <input type="hidden" name="topic" value={d.topic.slug} />}
            <button type="submit">{t('articles.list.searchButton')}</button>
          </div>
        </Form>
        <p className="result-count" role="status">
          {d.topic && <strong>{d.topic.label} · </strong>}
          {d.q ? t('articles.list.foundFor', { count: d.total, q: d.q }) : t('articles.list.found', { count: d.total })}
        </p>
        {d.articles.length === 0 ? <p className="empty">{t('articles.list.none')}</p> : <ArticleList articles={d.articles} />}
        {d.pageCount > 1 && (
          <nav aria-label={t('articles.list.pages')} className="pagination">
            {d.prevHref && (
              <Link to={d.prevHref} rel="prev">
                {t('articles.list.previous')}
              </Link>
            )}
            <span>{t('articles.list.pageOf', { page: d.page, count: d.pageCount })}</span>
            {d.nextHref && (
              <Link to={d.nextHref} rel="next">
                {t('articles.list.next')}
              </Link>
            )}
          </nav>
        )}
        <section aria-labelledby="subscribe" className="card subscribe">
          <h2 id="subscribe">{t('articles.subscribe.title')}</h2>
          <p>{t('articles.subscribe.lead')}</p>
          {d.subscribed && (
            <p className="notice success" role="status">
              {t('articles.subscribe.sent')}
            </p>
          )}
          {actionData?.problem && <ErrorSummary message={actionData.problem.message} fields={actionData.problem.fields} />}
          <Form method="post" action={here} aria-labelledby="subscribe" noValidate>
            <TextField name="email" type="email" label={t('articles.subscribe.email')} value={actionData?.values.email} error={actionData?.problem.fields.email} autoComplete="email" maxLength={254} />
            {d.topics.length > 0 && (
              <Checks name="topics" legend={t('articles.subscribe.topics')} selected={actionData?.values.topics ?? (d.topic ? [d.topic.slug] : [])} options={d.topics.map((x) => [x.slug, x.label])} />
            )}
            <button type="submit">{t('articles.subscribe.send')}</button>
          </Form>
        </section>
      </div>
    </div>
  );
}
