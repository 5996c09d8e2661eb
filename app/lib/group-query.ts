import { z } from 'zod';
import { apiWords } from './api-words';
import type en from '../../i18n/locales/en/developers';
import { GROUP_KINDS, GROUP_FORMATS, LEADERSHIPS, DELIVERIES, COST_TYPES, ACCESSIBILITY_FEATURES } from '../../db/schema/enums';
import {
  GENDERS,
  MAX_PER_PAGE,
  SORTS,
  TIMES_OF_DAY,
  WEEKDAYS,
  type FindGroupsInput,
} from '../../core/search/search-input';

// Query-string parameters of the group search, shared by the page (/en/groups, /fr/groupes) and
// the API (GET /api/v1/groups). A filter with several values is written either as a comma list
// (`kind=workshop,support_group`) or by repeating the parameter (what a form with checkboxes sends).

type ParamWords = keyof typeof en.api.params;

const split = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
/** A list of values; `words` describes it in the API's OpenAPI document (with the values, when fixed). */
const csv = <T extends z.ZodType<string, string>>(item: T, words: ParamWords, max = 20) =>
  z
    .string()
    .transform(split)
    .pipe(z.array(item).min(1).max(max))
    .optional()
    .meta(apiWords(`params.${words}`, item instanceof z.ZodEnum ? (item.options as string[]) : undefined));
const bool = (words: ParamWords) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', 'on'])
    .transform((v) => v === 'true' || v === '1' || v === 'yes' || v === 'on')
    .optional()
    .meta(apiWords(`params.${words}`));
const about = <T extends z.ZodType>(schema: T, words: ParamWords) => schema.meta(apiWords(`params.${words}`));

export const groupSearchQuery = z.object({
  q: about(z.string().trim().max(200).optional(), 'q'),
  /** `literal=true`: the words typed only, not read as topics or kinds of group. */
  literal: bool('literal'),
  kind: csv(z.enum(GROUP_KINDS), 'kind'),
  format: csv(z.enum(GROUP_FORMATS), 'format'),
  leadership: csv(z.enum(LEADERSHIPS), 'leadership'),
  delivery: csv(z.enum(DELIVERIES), 'delivery'),
  topic: csv(z.string().regex(/^[a-z0-9-]{1,80}$/), 'topic'),
  lang: csv(z.string().regex(/^[a-z]{2,3}$/), 'lang'),
  cost: csv(z.enum(COST_TYPES), 'cost'),
  max_price: about(z.coerce.number().min(0).max(100_000).optional(), 'maxPrice'),
  insurance: bool('insurance'),
  day: csv(z.enum(WEEKDAYS), 'day', 7),
  time: csv(z.enum(TIMES_OF_DAY), 'time', 3),
  age: about(z.coerce.number().int().min(0).max(120).optional(), 'age'),
  audience: csv(z.enum(GENDERS), 'audience'),
  access: csv(z.enum(ACCESSIBILITY_FEATURES), 'access'),
  faith: csv(z.string().max(80), 'faith'),
  starts_within: about(z.coerce.number().int().min(1).max(365).optional(), 'startsWithin'),
  open: bool('open'),
  near: about(z.string().trim().min(1).max(120).optional(), 'near'),
  lat: about(z.coerce.number().min(-90).max(90).optional(), 'lat'),
  lon: about(z.coerce.number().min(-180).max(180).optional(), 'lon'),
  radius_km: about(z.coerce.number().min(1).max(1000).optional(), 'radiusKm'),
  sort: about(z.enum(SORTS).optional(), 'sort'),
  page: about(z.coerce.number().int().min(1).max(10_000).optional(), 'page'),
  per_page: about(z.coerce.number().int().min(1).max(MAX_PER_PAGE).optional(), 'perPage'),
  facets: bool('facets'),
});
export type GroupSearchQuery = z.output<typeof groupSearchQuery>;

export function toSearchInput(q: GroupSearchQuery): FindGroupsInput {
  return {
    q: q.q,
    literal: q.literal,
    kind: q.kind,
    format: q.format,
    leadership: q.leadership,
    delivery: q.delivery,
    topic: q.topic,
    lang: q.lang,
    cost: q.cost,
    maxPrice: q.max_price,
    insurance: q.insurance,
    day: q.day,
    time: q.time,
    age: q.age,
    audience: q.audience,
    access: q.access,
    faith: q.faith,
    startsWithin: q.starts_within,
    open: q.open,
    near: q.near,
    lat: q.lat,
    lon: q.lon,
    radiusKm: q.radius_km,
    sort: q.sort,
    page: q.page,
    perPage: q.per_page,
    facets: q.facets,
  };
}

/** Core input field names → the query parameter that carries them (for error messages). */
export const PARAM_OF_FIELD: Record<string, string> = {
  maxPrice: 'max_price',
  startsWithin: 'starts_within',
  radiusKm: 'radius_km',
  perPage: 'per_page',
};

/** The query string of a search state (multi-valued filters as comma lists), without empty values. */
export function searchParamsOf(q: Partial<Record<keyof GroupSearchQuery, unknown>>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v == null || v === '') continue;
    params.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return params;
}
