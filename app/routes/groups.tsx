import type { FormEvent } from 'react';
import { Form, Link, useNavigation, useSubmit } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Route } from './+types/groups';
import { listTopics } from '../../core/search/list-topics';
import {
  DEFAULT_RADIUS_KM,
  GENDERS,
  SORTS,
  STARTS_WITHIN_CHOICES,
  TIMES_OF_DAY,
  WEEKDAYS,
  type Facet,
} from '../../core/search/search-input';
import { pick } from '../../core/text';
import { getT, type Locale } from '../../i18n';
import { ACCESSIBILITY_FEATURES, COST_TYPES, DELIVERIES, GROUP_FORMATS, GROUP_KINDS, LEADERSHIPS } from '../../db/schema/enums';
import { coreContext } from '../lib/context.server';
import { localeOfPath, pathTo } from '../lib/paths';
import { groupSearchQuery, searchParamsOf, toSearchInput, type GroupSearchQuery } from '../lib/group-query';
import { findAlternatives } from '../../core/search/alternatives';
import { parseQuery, badRequest } from '../lib/query.server';
import { searchFromQuery } from '../lib/search.server';
import { groupCard } from '../lib/group-display.server';
import { languageName } from '../lib/format';
import { GroupCard } from '../components/group-card';
import { CrisisNow } from '../components/crisis-now';

const RADII = [5, 10, 25, 50, 100, 250];

interface Option {
  value: string;
  label: string;
  count: number;
  checked: boolean;
  /** Sub-topics are shown indented under their topic. */
  child?: boolean;
}
interface FilterSet {
  name: Facet;
  legend: string;
  options: Option[];
}

const labelOf = (name: Facet, value: string, t: TFunction, locale: Locale): string => {
  switch (name) {
    case 'kind':
    case 'format':
    case 'leadership':
    case 'delivery':
      return t(`${name}.${value}` as 'kind.workshop');
    case 'cost':
      return value === 'fee' ? t('search.costFee') : t(`cost.${value}` as 'cost.free');
    case 'lang':
      return languageName(value, locale);
    case 'day':
      return t(`search.weekday.${value}` as 'search.weekday.mo');
    case 'time':
      return t(`search.timeOfDay.${value}` as 'search.timeOfDay.morning');
    case 'audience':
      return t(`gender.${value}` as 'gender.any');
    case 'access':
      return t(`accessibility.${value}` as 'accessibility.asl');
    case 'faith':
      return value === 'non_denominational' ? t('faith.non_denominational') : value;
    default:
      return value;
  }
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const locale = localeOfPath(url.pathname) as Locale;
  const t = getT(locale);
  const parsed = parseQuery(groupSearchQuery, url, t);
  if (!parsed.ok) badRequest(parsed.issues);
  let query: GroupSearchQuery = parsed.value;
  const ctx = coreContext(context, locale);
  let searched = await searchFromQuery(ctx, query, t);
  let placeNotice: string | null = null;
  // An unknown place is not a broken page: say so and search everywhere.
  if (!searched.ok && searched.issues.every((i) => i.param === 'near' || i.param === 'sort') && query.near) {
    placeNotice = t('search.errors.placeIgnored', { place: query.near });
    query = { ...query, near: undefined, sort: query.sort === 'distance' ? undefined : query.sort };
    searched = await searchFromQuery(ctx, query, t);
  }
  if (!searched.ok) badRequest(searched.issues);
  const r = searched.result;
  const topics = await listTopics({ ctx });
  const facets = r.facets;
  const count = (name: Facet, value: string) => facets?.[name][value] ?? 0;
  const isOn = (name: Facet, value: string) => ((query as Record<string, unknown>)[name] as string[] | undefined)?.includes(value) ?? false;
  const option = (name: Facet, value: string, child = false): Option => ({
    value,
    label: labelOf(name, value, t, locale),
    count: count(name, value),
    checked: isOn(name, value),
    ...(child ? { child } : {}),
  });
  const seen = (name: 'lang' | 'faith', first: string[]) => [
    ...new Set([...first, ...Object.keys(facets?.[name] ?? {}), ...((query[name] as string[] | undefined) ?? [])]),
  ];
  const sets: FilterSet[] = [
    { name: 'kind', values: GROUP_KINDS },
    { name: 'format', values: GROUP_FORMATS },
    { name: 'leadership', values: LEADERSHIPS },
    { name: 'delivery', values: DELIVERIES },
    { name: 'lang', values: seen('lang', ['en', 'fr']) },
    { name: 'cost', values: COST_TYPES },
    { name: 'day', values: WEEKDAYS },
    { name: 'time', values: TIMES_OF_DAY },
    { name: 'audience', values: GENDERS },
    { name: 'access', values: ACCESSIBILITY_FEATURES },
    { name: 'faith', values: seen('faith', ['non_denominational']) },
  ].map(({ name, values }) => ({
    name: name as Facet,
    legend: t(`search.facet.${name}` as 'search.facet.kind'),
    options: (values as readonly string[]).map((v) => option(name as Facet, v)),
  }));
  const topicSet: FilterSet = {
    name: 'topic',
    legend: t('search.facet.topic'),
    options: topics.flatMap((p) => [
      { ...option('topic', p.slug), label: pick(p.label, locale)?.text ?? p.slug },
      ...p.children.map((c) => ({ ...option('topic', c.slug, true), label: pick(c.label, locale)?.text ?? c.slug })),
    ]),
  };
  sets.splice(4, 0, topicSet);

  const base = pathTo(locale, 'groups');
  const hrefWith = (changes: Partial<Record<keyof GroupSearchQuery, unknown>>) => {
    const qs = searchParamsOf({ ...query, page: undefined, ...changes }).toString();
    return `${base}${qs ? `?${qs}` : ''}`;
  };
  const filterName = (param: string) =>
    param in { q: 1, near: 1, age: 1, max_price: 1 } || param in (facets ?? {})
      ? t(`search.facet.${param}` as 'search.facet.kind')
      : param;
  const active = (Object.keys(query) as (keyof GroupSearchQuery)[])
    .filter((k) => query[k] !== undefined && !['page', 'per_page', 'sort', 'facets', 'radius_km', 'lat', 'lon', 'literal'].includes(k))
    .map((k) => ({
      name: t('search.clearFilter', { name: filterName(k) }),
      href: hrefWith({ [k]: undefined, ...(k === 'near' ? { radius_km: undefined, sort: undefined } : {}) }),
    }));
  const suggestions = r.suggestions.slice(0, 3).map((s) => ({
    text: t('search.dropOne', { filter: filterName(s.filter), count: s.total }),
    href: hrefWith({ [s.filter]: undefined }),
  }));

  // How the words were read, with the way back to the words alone (and from there, back again).
  const topicLabel = new Map(
    topics.flatMap((p) => [
      [p.slug, { label: pick(p.label, locale)?.text ?? p.slug, parent: null as string | null }] as const,
      ...p.children.map((c) => [c.slug, { label: pick(c.label, locale)?.text ?? c.slug, parent: p.slug }] as const),
    ]),
  );
  const reading = r.understood;
  const about = [
    ...(reading?.topics ?? []).flatMap((slug) => topicLabel.get(slug)?.label ?? []),
    ...(reading?.kinds ?? []).map((k) => t(`kind.${k}` as 'kind.workshop')),
  ];
  const understood =
    query.q && about.length
      ? { text: t('search.understood', { about: about.join(t('search.understoodAnd')) }), about, href: hrefWith({ literal: true }), link: t('search.wordsOnly', { query: query.q }) }
      : null;
  const wordsOnly = query.q && query.literal ? { text: t('search.wordsOnlyShown', { query: query.q }), href: hrefWith({ literal: undefined }), link: t('search.readAgain') } : null;

  // No dead ends: with no result, what is near — the broader topic, online groups, the other language, the guide.
  const near: { text: string; href: string }[] = [];
  if (r.total === 0) {
    const alt = await findAlternatives({ ctx, input: toSearchInput(query), result: r });
    for (const b of alt.broader) {
      near.push({
        text: t('search.nearBroader', { topic: topicLabel.get(b.topic)?.label ?? b.topic, count: b.total }),
        href: hrefWith({ q: undefined, literal: undefined, topic: [b.topic] }),
      });
    }
    if (alt.online) {
      near.push({
        text: t('search.nearOnline', { count: alt.online }),
        href: hrefWith({ near: undefined, lat: undefined, lon: undefined, radius_km: undefined, sort: undefined, delivery: ['online'] }),
      });
    }
    if (alt.otherLanguage) {
      const { lang, total } = alt.otherLanguage;
      near.push({ text: t('search.nearLanguage', { language: languageName(lang, locale), count: total }), href: hrefWith({ lang: [lang] }) });
    }
  }

  return {
    locale,
    title: t('groups.title'),
    query: {
      q: query.q ?? '',
      near: query.near ?? '',
      radius: query.radius_km ?? DEFAULT_RADIUS_KM,
      sort: r.sort,
      maxPrice: query.max_price ?? '',
      age: query.age ?? '',
      startsWithin: query.starts_within ?? '',
      open: query.open === true,
      insurance: query.insurance === true,
    },
    hasPlace: r.place != null,
    sets,
    startsWithin: STARTS_WITHIN_CHOICES.map((d) => ({
      value: d,
      label: t('search.withCount', { label: t('search.startsWithin', { count: d }), count: count('starts_within', String(d)) }),
    })),
    openLabel: t('search.withCount', { label: t('search.openOnly'), count: count('open', 'true') }),
    insuranceLabel: t('search.withCount', { label: t('search.insuranceOnly'), count: count('insurance', 'true') }),
    found: t('search.found', { count: r.total }),
    total: r.total,
    page: r.page,
    pages: r.pages,
    placeNotice,
    placeUsed: r.place ? t('search.placeUsed', { km: query.radius_km ?? DEFAULT_RADIUS_KM, place: r.place.label }) : null,
    otherPlaces: (r.place?.alternatives ?? []).map((label) => ({ label, href: hrefWith({ near: label }) })),
    corrected: r.correctedQuery ? t('search.corrected', { query: r.correctedQuery }) : null,
    understood,
    wordsOnly,
    crisis: reading?.crisis === true,
    near,
    guideHref: pathTo(locale, 'guide'),
    active,
    clearAll: base,
    suggestions,
    groups: r.results.map((g) => ({
      ...groupCard(g, t, locale),
      distance: g.distanceKm == null ? null : t('search.distance', { km: g.distanceKm.toLocaleString(locale === 'fr' ? 'fr-CA' : 'en-CA') }),
    })),
    prevHref: r.page > 1 ? hrefWith({ page: r.page - 1 > 1 ? r.page - 1 : undefined }) : null,
    nextHref: r.page < r.pages ? hrefWith({ page: r.page + 1 }) : null,
  };
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.title ?? ''} · Cercle` }];

export default function Groups({ loaderData: d }: Route.ComponentProps) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const navigation = useNavigation();
  const q = d.query;
  // With JavaScript, a ticked box or a changed list applies at once (no full reload); typed text
  // waits for the button. Without JavaScript the button submits the same GET form.
  const onChange = (e: FormEvent<HTMLFormElement>) => {
    const target = e.target as HTMLInputElement | HTMLSelectElement;
    if (target.type === 'checkbox' || target.tagName === 'SELECT') void submit(e.currentTarget, { preventScrollReset: true });
  };
  return (
    <div className="page with-sidebar search-page">
      <h1>{t('groups.title')}</h1>
      <Form method="get" className="filters" aria-labelledby="filters-title" onChange={onChange}>
        <h2 id="filters-title">{t('search.filters')}</h2>
        <p>
          <label htmlFor="f-q">{t('search.keywords')}</label>
          <input id="f-q" name="q" type="search" defaultValue={q.q} aria-describedby="f-q-hint" />
          <small id="f-q-hint">{t('search.keywordsHint')}</small>
        </p>
        <p>
          <label htmlFor="f-near">{t('search.near')}</label>
          <input id="f-near" name="near" type="text" defaultValue={q.near} aria-describedby="f-near-hint" autoComplete="address-level2" />
          <small id="f-near-hint">{t('search.nearHint')}</small>
        </p>
        <p>
          <label htmlFor="f-radius">{t('search.radius')}</label>
          <select id="f-radius" name="radius_km" defaultValue={String(q.radius)}>
            {RADII.map((km) => (
              <option key={km} value={km}>
                {t('search.radiusKm', { km })}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="f-sort">{t('search.sortBy')}</label>
          <select id="f-sort" name="sort" defaultValue={q.sort}>
            {SORTS.filter((s) => s !== 'distance' || d.hasPlace).map((s) => (
              <option key={s} value={s}>
                {t(`search.sort.${s}`)}
              </option>
            ))}
          </select>
        </p>
        <p className="filter-actions">
          <button type="submit">{t('search.apply')}</button>
        </p>
        {d.sets.map((set) => (
          <fieldset key={set.name} className="facet">
            <legend>{set.legend}</legend>
            {set.options.map((o) => (
              <div key={o.value} className={o.child ? 'facet-option child' : 'facet-option'}>
                <input type="checkbox" id={`f-${set.name}-${o.value}`} name={set.name} value={o.value} defaultChecked={o.checked} />{' '}
                <label htmlFor={`f-${set.name}-${o.value}`}>{t('search.withCount', { label: o.label, count: o.count })}</label>
              </div>
            ))}
          </fieldset>
        ))}
        <fieldset className="facet">
          <legend>{t('search.facet.starts_within')}</legend>
          <label htmlFor="f-starts">{t('search.facet.starts_within')}</label>
          <select id="f-starts" name="starts_within" defaultValue={String(q.startsWithin)}>
            <option value="">{t('groups.any')}</option>
            {d.startsWithin.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </fieldset>
        <fieldset className="facet">
          <legend>{t('search.facet.open')}</legend>
          <div className="facet-option">
            <input type="checkbox" id="f-open" name="open" value="true" defaultChecked={q.open} />{' '}
            <label htmlFor="f-open">{d.openLabel}</label>
          </div>
          <div className="facet-option">
            <input type="checkbox" id="f-insurance" name="insurance" value="true" defaultChecked={q.insurance} />{' '}
            <label htmlFor="f-insurance">{d.insuranceLabel}</label>
          </div>
        </fieldset>
        <p>
          <label htmlFor="f-max-price">{t('search.maxPriceLabel')}</label>
          <input id="f-max-price" name="max_price" type="number" min={0} step={1} inputMode="numeric" defaultValue={q.maxPrice} />
        </p>
        <p>
          <label htmlFor="f-age">{t('search.ageLabel')}</label>
          <input id="f-age" name="age" type="number" min={0} max={120} inputMode="numeric" defaultValue={q.age} />
        </p>
        <p className="filter-actions">
          <button type="submit">{t('search.apply')}</button> <Link to={d.clearAll}>{t('search.clearAll')}</Link>
        </p>
      </Form>
      <section aria-labelledby="results-title" className="results" aria-busy={navigation.state === 'loading'}>
        {d.crisis && <CrisisNow after={t('search.crisis.groups')} />}
        <h2 id="results-title">{t('groups.results')}</h2>
        <p role="status" aria-live="polite" className="result-count">
          {d.found}
        </p>
        {d.placeNotice && <p className="notice">{d.placeNotice}</p>}
        {d.placeUsed && <p className="place-used">{d.placeUsed}</p>}
        {d.otherPlaces.length > 0 && (
          <p className="other-places">
            {t('search.otherPlaces')}{' '}
            {d.otherPlaces.map((p, i) => (
              <span key={p.href}>
                {i > 0 && ', '}
                <Link to={p.href}>{p.label}</Link>
              </span>
            ))}
          </p>
        )}
        {d.corrected && <p className="corrected">{d.corrected}</p>}
        {d.understood && (
          <p className="understood">
            {d.understood.text} <Link to={d.understood.href}>{d.understood.link}</Link>
          </p>
        )}
        {d.wordsOnly && (
          <p className="understood">
            {d.wordsOnly.text} <Link to={d.wordsOnly.href}>{d.wordsOnly.link}</Link>
          </p>
        )}
        {d.active.length > 0 && (
          <ul className="active-filters">
            {d.active.map((a) => (
              <li key={a.href}>
                <Link to={a.href}>{a.name}</Link>
              </li>
            ))}
          </ul>
        )}
        {d.groups.length === 0 ? (
          <div className="empty">
            <p>{t('search.none')}</p>
            {d.suggestions.length > 0 ? (
              <>
                <p>{t('search.dropTitle')}</p>
                <ul>
                  {d.suggestions.map((s) => (
                    <li key={s.href}>
                      <Link to={s.href}>{s.text}</Link>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{t('search.dropNothing')}</p>
            )}
            <h3>{t('search.nearTitle')}</h3>
            <ul className="near-results">
              {d.near.map((n) => (
                <li key={n.href}>
                  <Link to={n.href}>{n.text}</Link>
                </li>
              ))}
              <li>
                <Link to={d.guideHref}>{t('search.nearGuide')}</Link>
              </li>
            </ul>
          </div>
        ) : (
          <ul className="group-list">
            {d.groups.map((g) => (
              <li key={g.slug}>
                <GroupCard group={g} locale={d.locale} href={pathTo(d.locale, 'group', { slug: g.slug })} />
              </li>
            ))}
          </ul>
        )}
        {d.pages > 1 && (
          <nav aria-label={t('groups.pagination')} className="pagination">
            {d.prevHref && (
              <Link to={d.prevHref} rel="prev">
                {t('groups.previous')}
              </Link>
            )}
            <span aria-current="page">{t('groups.pageOf', { page: d.page, pages: d.pages })}</span>
            {d.nextHref && (
              <Link to={d.nextHref} rel="next">
                {t('groups.next')}
              </Link>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
