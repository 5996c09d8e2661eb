import type { TFunction } from 'i18next';
import type { listTopics } from '../../core/search/list-topics';
import { GENDERS, TIMES_OF_DAY, WEEKDAYS, type Facet, type FacetCounts } from '../../core/search/search-input';
import { pick } from '../../core/text';
import type { Locale } from '../../i18n';
import { ACCESSIBILITY_FEATURES, COST_TYPES, DELIVERIES, GROUP_FORMATS, GROUP_KINDS, LEADERSHIPS } from '../../db/schema/enums';
import { languageName } from './format';
import type { GroupSearchQuery } from './group-query';

// The search page's filters, each value named in the reader's language with how many groups it
// would find (the facet counts of core's search) and whether it is ticked.

export interface Option {
  value: string;
  label: string;
  count: number;
  checked: boolean;
  /** Sub-topics are shown indented under their topic. */
  child?: boolean;
  /** The label with its count, as shown. */
  text?: string;
}
export interface FilterSet {
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

/** Every filter of the page with its values: the fixed lists, the topics, and the languages and faiths groups have. */
export function filterSets({
  facets,
  query,
  topics,
  t,
  locale,
}: {
  facets: FacetCounts | null;
  query: GroupSearchQuery;
  topics: Awaited<ReturnType<typeof listTopics>>;
  t: TFunction;
  locale: Locale;
}): FilterSet[] {
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
  // Each choice worded with its count here, on the server: the browser only shows it.
  return sets.map((set) => ({ ...set, options: set.options.map((o) => ({ ...o, text: t('search.withCount', { label: o.label, count: o.count }) })) }));
}
