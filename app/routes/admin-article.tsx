import '../../i18n/areas/admin';
import { data, Form, Link, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/admin-article';
import { getArticleForEditing, getArticleHistory, publishArticle, renderArticleBody, saveArticle, type ArticleForEditing } from '../../core/articles';
import { auditActionLabel } from '../lib/audit-labels';
import { listTopicChoices } from '../../core/guide';
import { GROUP_KINDS, type GroupKind } from '../../db/schema/values';
import { pick } from '../../core/text';
import { NotFound } from '../../core/errors';
import { getT, type Locale } from '../../i18n';
import { requireOrganizerForm, requirePlatformAdminUser } from '../lib/auth.server';
import { localeOf } from '../lib/organize.server';
import { pathTo } from '../lib/paths';
import { languageInSentence, languageName } from '../lib/format';
import { field, listField } from '../lib/form-values';
import { formProblem } from '../lib/problem.server';
import { CsrfField } from '../components/csrf-field';
import { Checks, Choice, ErrorSummary, TextField } from '../components/form-kit';
import { adminMeta, formatWhen } from './admin-shared';

// The editor of one language of an article (a new article, or a text of an existing one): write,
// preview, save as a draft, publish, take back to draft. Topics and kinds are the article's.

const WORDS = ['title', 'slug', 'summary', 'body', 'authorName'] as const;
type Values = Record<(typeof WORDS)[number], string> & { lang: Locale; topics: string[]; kinds: string[] };

const isLocale = (v: unknown): v is Locale => v === 'en' || v === 'fr';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { ctx, csrf, user } = await requirePlatformAdminUser({ request, context }, locale);
  let article: ArticleForEditing | null = null;
  if (params.article) {
    if (!isLocale(params.lang)) throw data(t('errors.notFound'), { status: 404 });
    article = await getArticleForEditing({ ctx, input: { articleId: params.article } }).catch((err: unknown) => {
      if (err instanceof NotFound) throw data(t('errors.notFound'), { status: 404 });
      throw err;
    });
  }
  const lang: Locale = isLocale(params.lang) ? params.lang : locale;
  const text = article?.texts[lang] ?? null;
  const other: Locale = lang === 'en' ? 'fr' : 'en';
  const topics = await listTopicChoices({ ctx });
  const history = article ? await getArticleHistory({ ctx, input: { articleId: article.id } }) : [];
  const fieldName = (f: string) => (f === 'topics' || f === 'kinds' ? t(`admin.articles.fields.${f}`) : t(`admin.articles.fields.${f as 'title'}`));
  const done = new URL(request.url).searchParams.get('done');
  return {
    locale,
    csrf,
    articleId: article?.id ?? null,
    isNew: !article,
    values: {
      lang,
      title: text?.title ?? '',
      slug: text?.slug ?? '',
      summary: text?.summary ?? '',
      body: text?.body ?? '',
      authorName: text?.authorName ?? article?.texts[other]?.authorName ?? user.name,
      topics: article?.topics ?? [],
      kinds: article?.kinds ?? [],
    } satisfies Values,
    status: text?.status ?? null,
    updated: text ? formatWhen(text.updatedAt, locale) : null,
    publicHref: text?.status === 'published' ? pathTo(lang, 'article', { slug: text.slug }) : null,
    other: article ? { href: pathTo(locale, 'adminArticle', { article: article.id, lang: other }), language: languageInSentence(other, locale), written: Boolean(article.texts[other]) } : null,
    language: languageInSentence(lang, locale),
    topicOptions: topics.flatMap((p) => {
      const parent = pick(p.label, locale)?.text ?? p.slug;
      return [[p.slug, parent] as [string, string], ...p.children.map((c) => [c.slug, `${parent} › ${pick(c.label, locale)?.text ?? c.slug}`] as [string, string])];
    }),
    kindOptions: GROUP_KINDS.map((k) => [k, t(`kind.${k}`)] as [string, string]),
    history: history.map((h) => ({
      when: formatWhen(h.at, locale),
      what: auditActionLabel(locale, h.action),
      who: h.actorName,
      language: h.locale ? languageName(h.locale, locale) : null,
      // An edit names the fields it changed; a new text changed them all.
      changed: h.action === 'article.edited' ? h.changed.map(fieldName).join(', ') : '',
    })),
    done: done === 'saved' || done === 'published' || done === 'unpublished' ? done : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  await requirePlatformAdminUser({ request, context }, locale);
  const { ctx, form } = await requireOrganizerForm({ request, context }, locale);
  const intent = field(form, 'intent');
  const lang = params.article ? params.lang : field(form, 'lang');
  const values = {
    lang: isLocale(lang) ? lang : locale,
    ...Object.fromEntries(WORDS.map((w) => [w, field(form, w)])),
    topics: listField(form, 'topics'),
    kinds: listField(form, 'kinds'),
  } as Values;
  const done = (articleId: string, what: 'saved' | 'published' | 'unpublished') =>
    redirect(`${pathTo(locale, 'adminArticle', { article: articleId, lang: values.lang })}?done=${what}`);
  try {
    if (intent === 'unpublish' && params.article) {
      await publishArticle({ ctx, input: { articleId: params.article, locale: values.lang, publish: false } });
      return done(params.article, 'unpublished');
    }
    if (intent === 'preview') {
      return { preview: { title: values.title, summary: values.summary, html: renderArticleBody(values.body.slice(0, 100_000)) }, values, problem: null };
    }
    const saved = await saveArticle({
      ctx,
      input: {
        ...(params.article ? { articleId: params.article } : {}),
        locale: values.lang,
        title: values.title,
        slug: values.slug,
        summary: values.summary,
        body: values.body,
        authorName: values.authorName,
        topics: values.topics,
        kinds: values.kinds as GroupKind[],
      },
    });
    if (intent === 'publish') {
      await publishArticle({ ctx, input: { articleId: saved.articleId, locale: values.lang, publish: true } });
      return done(saved.articleId, 'published');
    }
    return done(saved.articleId, 'saved');
  } catch (err) {
    const problem = formProblem(err, t, 'admin');
    return data({ preview: null, values, problem }, { status: problem.status });
  }
}

export const meta: Route.MetaFunction = (args) => adminMeta(args, 'admin.articles.listTitle');

export default function AdminArticle({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const d = loaderData;
  const v: Values = actionData?.values ?? d.values;
  const problem = actionData?.problem ?? null;
  const errors = problem?.fields ?? {};
  const preview = actionData?.preview ?? null;
  const heading = d.isNew ? t('admin.articles.newTitle') : t('admin.articles.editTitle', { title: d.values.title || d.language });
  const textLang = v.lang === 'fr' ? 'fr-CA' : 'en-CA';
  return (
    <>
      <p>
        <Link to={pathTo(d.locale, 'adminArticles')}>{t('admin.articles.listTitle')}</Link>
      </p>
      <h1>{heading}</h1>
      {d.done && (
        <p className="notice success" role="status">
          {t(d.done === 'saved' ? 'admin.articles.saved' : d.done === 'published' ? 'admin.articles.publishedNotice' : 'admin.articles.unpublishedNotice')}
        </p>
      )}
      {problem && <ErrorSummary message={problem.message} fields={problem.fields} />}
      {!d.isNew && (
        <p className="muted">
          {t('admin.articles.textIn', { language: d.language })} · {d.status === 'published' ? t('admin.articles.published') : d.status === 'draft' ? t('admin.articles.draft') : t('admin.articles.missing')}
          {d.updated && ` · ${d.updated}`}
          {d.publicHref && (
            <>
              {' · '}
              <Link to={d.publicHref}>{t('admin.articles.view')}</Link>
            </>
          )}
          {d.other && (
            <>
              {' · '}
              <Link to={d.other.href}>{t(d.other.written ? 'admin.articles.edit' : 'admin.articles.write', { language: d.other.language })}</Link>
            </>
          )}
        </p>
      )}
      {preview && (
        <section aria-labelledby="preview-title" className="card article-preview" lang={textLang}>
          <h2 id="preview-title" lang={d.locale === 'fr' ? 'fr-CA' : 'en-CA'}>
            {t('admin.articles.previewTitle')}
          </h2>
          <p className="muted" lang={d.locale === 'fr' ? 'fr-CA' : 'en-CA'}>
            {t('admin.articles.previewNote')}
          </p>
          <h3>{preview.title}</h3>
          <p className="lead">{preview.summary}</p>
          <div className="article-body" dangerouslySetInnerHTML={{ __html: preview.html }} />
        </section>
      )}
      <Form method="post" noValidate>
        <CsrfField token={d.csrf} />
        {d.isNew && (
          <Choice
            name="lang"
            label={t('admin.articles.language')}
            value={v.lang}
            options={(['en', 'fr'] as const).map((l) => [l, languageName(l, d.locale)])}
          />
        )}
        <TextField name="title" label={t('admin.articles.fields.title')} value={v.title} error={errors.title} maxLength={200} lang={textLang} />
        <TextField name="slug" label={t('admin.articles.fields.slug')} hint={t('admin.articles.fields.slugHint')} value={v.slug} error={errors.slug} maxLength={120} />
        <TextField name="summary" label={t('admin.articles.fields.summary')} hint={t('admin.articles.fields.summaryHint')} value={v.summary} error={errors.summary} multiline rows={3} maxLength={500} lang={textLang} />
        <TextField name="body" label={t('admin.articles.fields.body')} hint={t('admin.articles.fields.bodyHint')} value={v.body} error={errors.body} multiline rows={22} lang={textLang} />
        <TextField name="authorName" label={t('admin.articles.fields.authorName')} value={v.authorName} error={errors.authorName} maxLength={120} />
        <Checks name="topics" legend={t('admin.articles.fields.topics')} selected={v.topics} options={d.topicOptions} error={errors.topics} />
        <Checks name="kinds" legend={t('admin.articles.fields.kinds')} selected={v.kinds} options={d.kindOptions} error={errors.kinds} />
        <p className="actions">
          <button type="submit" name="intent" value="save">
            {d.status === 'published' ? t('admin.articles.saveChanges') : t('admin.articles.save')}
          </button>{' '}
          <button type="submit" name="intent" value="preview" className="secondary">
            {t('admin.articles.preview')}
          </button>{' '}
          {d.status !== 'published' && (
            <button type="submit" name="intent" value="publish">
              {t('admin.articles.publish')}
            </button>
          )}
        </p>
      </Form>
      {d.status === 'published' && (
        <Form method="post">
          <CsrfField token={d.csrf} />
          <button type="submit" name="intent" value="unpublish" className="secondary">
            {t('admin.articles.unpublish')}
          </button>
        </Form>
      )}
      {d.history.length > 0 && (
        <section aria-labelledby="article-history">
          <h2 id="article-history">{t('admin.articles.history')}</h2>
          <ul className="manage-list">
            {d.history.map((h, i) => (
              <li key={i}>
                {h.when} · {h.what}
                {h.language && ` (${h.language})`}
                {h.who && ` · ${h.who}`}
                {h.changed && ` · ${h.changed}`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
