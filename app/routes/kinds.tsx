import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/kinds';
import { getT, type Locale } from '../../i18n';
import { GROUP_KINDS, GROUP_FORMATS, LEADERSHIPS } from '../../db/schema/values';
import { localeOfPath, pathTo } from '../lib/paths';
import { relatedArticles } from '../../core/articles';
import { coreContext } from '../lib/context.server';
import { articleCard } from '../lib/articles.server';
import { RelatedArticles } from '../components/related-articles';

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = localeOfPath(new URL(request.url).pathname) as Locale;
  // The guides about the kinds of group and how they differ.
  const articles = await relatedArticles({ ctx: coreContext(context, locale), input: { locale, kinds: [...GROUP_KINDS], limit: 4 } });
  return { locale, title: getT(locale)('kinds.title'), articles: articles.map((a) => articleCard(a, locale)) };
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.title ?? ''} · Cercle` }];

const ROWS = [
  { key: 'who', label: 'kinds.rowWho' },
  { key: 'format', label: 'kinds.rowFormat' },
  { key: 'cost', label: 'kinds.rowCost' },
  { key: 'talk', label: 'kinds.rowTalk' },
  { key: 'best', label: 'kinds.rowBest' },
] as const;

/** The four kinds of groups side by side, then what formats and leadership mean. */
export default function Kinds({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale } = loaderData;
  const groupsHref = pathTo(locale, 'groups');
  return (
    <div className="page">
      <h1>{t('kinds.title')}</h1>
      <p className="lead">{t('kinds.lead')}</p>
      <div className="table-scroll" role="region" aria-labelledby="kinds-caption" tabIndex={0}>
        <table className="compare">
          <caption id="kinds-caption">{t('kinds.tableCaption')}</caption>
          <thead>
            <tr>
              <td />
              {GROUP_KINDS.map((kind) => (
                <th key={kind} scope="col" id={`kind-${kind}`}>
                  {t(`kind.${kind}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.key}>
                <th scope="row">{t(row.label)}</th>
                {GROUP_KINDS.map((kind) => (
                  <td key={kind}>{t(`kinds.${kind}.${row.key}`)}</td>
                ))}
              </tr>
            ))}
            <tr>
              <td />
              {GROUP_KINDS.map((kind) => (
                <td key={kind}>
                  <Link to={`${groupsHref}?kind=${kind}`}>
                    {t('kinds.findThese')}
                    <span className="visually-hidden">: {t(`kind.${kind}`)}</span>
                  </Link>
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>

      <section aria-labelledby="formats-title">
        <h2 id="formats-title">{t('kinds.formatsTitle')}</h2>
        <dl className="plain-words">
          {GROUP_FORMATS.map((format) => (
            <div key={format} id={`format-${format}`}>
              <dt>{t(`format.${format}`)}</dt>
              <dd>{t(`formatPlain.${format}`)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="leadership-title">
        <h2 id="leadership-title">{t('kinds.leadershipTitle')}</h2>
        <dl className="plain-words">
          {LEADERSHIPS.map((l) => (
            <div key={l} id={`leadership-${l}`}>
              <dt>{t(`leadership.${l}`)}</dt>
              <dd>{t(`leadershipPlain.${l}`)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <RelatedArticles articles={loaderData.articles} />
    </div>
  );
}
