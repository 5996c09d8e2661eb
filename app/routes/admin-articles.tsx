import '../../i18n/areas/admin';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/admin-articles';
import { listArticlesForAdmin } from '../../core/articles';
import { requirePlatformAdminUser } from '../lib/auth.server';
import { localeOf } from '../lib/organize.server';
import { pathTo } from '../lib/paths';
import { languageInSentence, languageName } from '../lib/format';
import { adminMeta, formatWhen } from './admin-shared';

// The articles, for platform administrators: each with its English and French texts, their state,
// and a link to write or edit each.

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const { ctx } = await requirePlatformAdminUser({ request, context }, locale);
  const list = await listArticlesForAdmin({ ctx });
  return {
    locale,
    articles: list.map((a) => ({
      id: a.id,
      heading: (a.texts[locale] ?? a.texts.en ?? a.texts.fr)?.title ?? '',
      headingLang: a.texts[locale] ? locale : a.texts.en ? 'en' : 'fr',
      texts: (['en', 'fr'] as const).map((lang) => {
        const text = a.texts[lang];
        return {
          lang,
          language: languageName(lang, locale),
          inSentence: languageInSentence(lang, locale),
          title: text?.title ?? null,
          status: text?.status ?? null,
          updated: text ? formatWhen(text.updatedAt, locale) : '',
          editHref: pathTo(locale, 'adminArticle', { article: a.id, lang }),
          publicHref: text?.status === 'published' ? pathTo(lang, 'article', { slug: text.slug }) : null,
        };
      }),
    })),
  };
}

export const meta: Route.MetaFunction = (args) => adminMeta(args, 'admin.articles.listTitle');

export default function AdminArticles({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, articles } = loaderData;
  return (
    <>
      <h1>{t('admin.articles.listTitle')}</h1>
      <p className="muted">{t('admin.articles.listLead')}</p>
      <p>
        <Link className="button" to={pathTo(locale, 'adminArticleNew')}>
          {t('admin.articles.newArticle')}
        </Link>
      </p>
      {articles.length === 0 ? (
        <p className="empty">{t('admin.articles.none')}</p>
      ) : (
        <ul className="queue">
          {articles.map((a) => (
            <li key={a.id} className="queue-item card">
              <h2 lang={a.headingLang === locale ? undefined : a.headingLang}>{a.heading}</h2>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.articles.language')}</th>
                    <th scope="col">{t('admin.articles.status')}</th>
                    <th scope="col">{t('admin.articles.updated')}</th>
                    <td />
                  </tr>
                </thead>
                <tbody>
                  {a.texts.map((x) => (
                    <tr key={x.lang}>
                      <th scope="row">{x.language}</th>
                      <td>{x.status === 'published' ? t('admin.articles.published') : x.status === 'draft' ? t('admin.articles.draft') : t('admin.articles.missing')}</td>
                      <td>{x.updated}</td>
                      <td>
                        <Link to={x.editHref}>{t(x.status ? 'admin.articles.edit' : 'admin.articles.write', { language: x.inSentence })}</Link>
                        {x.publicHref && (
                          <>
                            {' · '}
                            <Link to={x.publicHref}>{t('admin.articles.view')}</Link>
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
