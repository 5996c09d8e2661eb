import { Form, Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/groups';
import { listGroups } from '../../core/groups';
import { getT, type Locale } from '../../i18n';
import { GROUP_KINDS, GROUP_FORMATS, LEADERSHIPS, DELIVERIES } from '../../db/schema/enums';
import { coreContext } from '../lib/context.server';
import { localeOfPath, pathTo } from '../lib/paths';
import { groupListQuery, toListInput } from '../lib/group-query';
import { parseQuery, badRequest } from '../lib/query.server';
import { groupCard } from '../lib/group-display.server';
import { GroupCard } from '../components/group-card';

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const locale = localeOfPath(url.pathname) as Locale;
  const t = getT(locale);
  const parsed = parseQuery(groupListQuery, url, t);
  if (!parsed.ok) badRequest(parsed.issues);
  const list = await listGroups({ ctx: coreContext(context, locale), input: toListInput(parsed.value) });
  return {
    locale,
    query: parsed.value,
    total: list.total,
    page: list.page,
    pages: list.pages,
    groups: list.results.map((g) => groupCard(g, t, locale)),
    title: t('groups.title'),
  };
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.title ?? ''} · Cercle` }];

const FILTERS = [
  { name: 'kind', values: GROUP_KINDS, label: 'kind' },
  { name: 'format', values: GROUP_FORMATS, label: 'format' },
  { name: 'leadership', values: LEADERSHIPS, label: 'leadership' },
  { name: 'delivery', values: DELIVERIES, label: 'delivery' },
] as const;

const FILTER_LEGEND = {
  kind: 'groups.filterKind',
  format: 'groups.filterFormat',
  leadership: 'groups.filterLeadership',
  delivery: 'groups.filterDelivery',
} as const;

export default function Groups({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, query, total, page, pages, groups } = loaderData;
  const pageHref = (n: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v != null && k !== 'page') params.set(k, String(v));
    if (n > 1) params.set('page', String(n));
    const qs = params.toString();
    return `${pathTo(locale, 'groups')}${qs ? `?${qs}` : ''}`;
  };
  return (
    <div className="page with-sidebar">
      <h1>{t('groups.title')}</h1>
      <Form method="get" className="filters" aria-labelledby="filters-title">
        <h2 id="filters-title">{t('groups.filters')}</h2>
        <p>
          <label htmlFor="f-q">{t('groups.searchLabel')}</label>
          <input id="f-q" name="q" type="search" defaultValue={query.q ?? ''} />
        </p>
        {FILTERS.map((f) => (
          <p key={f.name}>
            <label htmlFor={`f-${f.name}`}>{t(FILTER_LEGEND[f.name])}</label>
            <select id={`f-${f.name}`} name={f.name} defaultValue={query[f.name] ?? ''}>
              <option value="">{t('groups.any')}</option>
              {f.values.map((v) => (
                <option key={v} value={v}>
                  {t(`${f.label}.${v}` as 'kind.workshop')}
                </option>
              ))}
            </select>
          </p>
        ))}
        <p className="filter-actions">
          <button type="submit">{t('groups.apply')}</button> <Link to={pathTo(locale, 'groups')}>{t('groups.reset')}</Link>
        </p>
      </Form>
      <section aria-labelledby="results-title" className="results">
        <h2 id="results-title" aria-live="polite">
          {t('groups.count', { count: total })}
        </h2>
        {groups.length === 0 ? (
          <div className="empty">
            <p>{t('groups.none')}</p>
            <p>{t('groups.noneHint')}</p>
          </div>
        ) : (
          <ul className="group-list">
            {groups.map((g) => (
              <li key={g.slug}>
                <GroupCard group={g} locale={locale} href={pathTo(locale, 'group', { slug: g.slug })} />
              </li>
            ))}
          </ul>
        )}
        {pages > 1 && (
          <nav aria-label={t('groups.pagination')} className="pagination">
            {page > 1 && (
              <Link to={pageHref(page - 1)} rel="prev">
                {t('groups.previous')}
              </Link>
            )}
            <span aria-current="page">{t('groups.pageOf', { page, pages })}</span>
            {page < pages && (
              <Link to={pageHref(page + 1)} rel="next">
                {t('groups.next')}
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
