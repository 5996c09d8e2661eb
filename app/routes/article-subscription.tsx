import '../../i18n/areas/articles';
import { data, Form, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/article-subscription';
import { confirmSubscription, getSubscription, listArticles, updateSubscription } from '../../core/articles';
import { NotFound } from '../../core/errors';
import { getT, type Locale } from '../../i18n';
import { localeOfPath, pathTo } from '../lib/paths';
import { coreContext } from '../lib/context.server';
import { checked, field, listField } from '../lib/form-values';
import { formProblem } from '../lib/problem.server';
import { languageName } from '../lib/format';
import { Checks, Choice, ErrorSummary } from '../components/form-kit';

// A subscription to new articles, reached by the links of its emails only: the confirmation link
// asks to confirm (a button, so that a mail scanner that opens links confirms nothing); the
// manage link shows and changes its topics and language, and stops or resumes it.

const DONE = ['confirmed', 'saved', 'stopped', 'resumed'] as const;
type Done = (typeof DONE)[number];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const locale = localeOfPath(url.pathname) as Locale;
  const ctx = coreContext(context, locale);
  let sub;
  try {
    sub = await getSubscription({ ctx, input: { token: params.token } });
  } catch (err) {
    if (err instanceof NotFound) throw data(getT(locale)('articles.subscription.notFound'), { status: 404 });
    throw err;
  }
  // The topics one may choose: those with articles in the subscription's language.
  const topics = (await listArticles({ ctx, input: { locale: sub.locale } })).topics;
  const done = url.searchParams.get('done');
  return {
    locale,
    email: sub.email,
    confirming: sub.purpose === 'confirm' && !sub.confirmed,
    active: sub.active && sub.confirmed,
    lang: sub.locale,
    topics: sub.topics,
    topicOptions: topics.map((x) => [x.slug, x.label] as [string, string]),
    languages: (['en', 'fr'] as const).map((l) => [l, languageName(l, locale)] as [string, string]),
    done: (DONE as readonly unknown[]).includes(done) ? (done as Done) : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const locale = localeOfPath(new URL(request.url).pathname) as Locale;
  const t = getT(locale);
  const ctx = coreContext(context, locale);
  const form = await request.formData();
  const intent = field(form, 'intent');
  try {
    if (intent === 'confirm') {
      const sub = await confirmSubscription({ ctx, input: { token: params.token } });
      // From now on the page is reached by the subscription's own link.
      return redirect(`${pathTo(locale, 'articleSubscription', { token: sub.manageToken! })}?done=confirmed`, 303);
    }
    const lang = field(form, 'lang');
    await updateSubscription({
      ctx,
      input: { token: params.token, locale: lang === 'fr' || lang === 'en' ? lang : locale, topics: listField(form, 'topics'), active: intent === 'stop' ? false : intent === 'resume' ? true : checked(form, 'active') },
    });
    const done: Done = intent === 'stop' ? 'stopped' : intent === 'resume' ? 'resumed' : 'saved';
    return redirect(`${pathTo(locale, 'articleSubscription', { token: params.token })}?done=${done}`, 303);
  } catch (err) {
    if (err instanceof NotFound) throw data(t('articles.subscription.notFound'), { status: 404 });
    const problem = formProblem(err, t, 'articles');
    return data({ problem }, { status: problem.status });
  }
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data ? getT(data.locale)('articles.subscription.title') : ''} · Cercle` },
  { name: 'robots', content: 'noindex' },
];

export default function ArticleSubscription({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const notice = d.done === 'confirmed' ? 'confirmed' : d.done === 'saved' ? 'saved' : d.done === 'resumed' ? 'resumed' : null;
  return (
    <div className="page narrow">
      <h1>{t('articles.subscription.title')}</h1>
      {notice && (
        <p className="notice success" role="status">
          {t(`articles.subscription.${notice}`)}
        </p>
      )}
      {actionData?.problem && <ErrorSummary message={actionData.problem.message} fields={actionData.problem.fields} />}
      {d.confirming ? (
        <Form method="post">
          <p>{t('articles.subscription.confirmLead', { email: d.email })}</p>
          <button type="submit" name="intent" value="confirm">
            {t('articles.subscription.confirm')}
          </button>
        </Form>
      ) : (
        <>
          <p role={d.done === 'stopped' ? 'status' : undefined}>{d.active ? t('articles.subscription.active', { email: d.email }) : t('articles.subscription.stopped', { email: d.email })}</p>
          {d.active ? (
            <>
              <Form method="post">
                <input type="hidden" name="active" value="on" />
                <Choice name="lang" label={t('articles.subscription.language')} value={d.lang} options={d.languages} />
                {d.topicOptions.length > 0 && <Checks name="topics" legend={t('articles.subscription.topics')} selected={d.topics} options={d.topicOptions} />}
                <button type="submit" name="intent" value="save">
                  {t('articles.subscription.save')}
                </button>
              </Form>
              <Form method="post">
                <input type="hidden" name="lang" value={d.lang} />
                {d.topics.map((x) => (
                  <input key={x} type="hidden" name="topics" value={x} />
                ))}
                <button type="submit" name="intent" value="stop" className="secondary">
                  {t('articles.subscription.stop')}
                </button>
              </Form>
            </>
          ) : (
            <Form method="post">
              <input type="hidden" name="lang" value={d.lang} />
              {d.topics.map((x) => (
                <input key={x} type="hidden" name="topics" value={x} />
              ))}
              <button type="submit" name="intent" value="resume">
                {t('articles.subscription.resume')}
              </button>
            </Form>
          )}
        </>
      )}
    </div>
  );
}
