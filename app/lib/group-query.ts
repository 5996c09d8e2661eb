import { z } from 'zod';
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

const split = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
/** A list of values; `about` describes it in the API's OpenAPI document (with the values, when fixed). */
const csv = <T extends z.ZodType<string, string>>(item: T, about: string, max = 20) => {
  const values = item instanceof z.ZodEnum ? ` One or more of: ${(item.options as string[]).join(', ')}.` : '';
  return z.string().transform(split).pipe(z.array(item).min(1).max(max)).optional().meta({ description: `${about}${values}` });
};
const bool = (about: string) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', 'on'])
    .transform((v) => v === 'true' || v === '1' || v === 'yes' || v === 'on')
    .optional()
    .meta({ description: about });
const about = <T extends z.ZodType>(schema: T, description: string) => schema.meta({ description });

export const groupSearchQuery = z.object({
  q: about(z.string().trim().max(200).optional(), 'Words, in English or French: read as topics and kinds of group, typos corrected.'),
  /** `literal=true`: the words typed only, not read as topics or kinds of group. */
  literal: bool('Search the words only, without reading them as topics or kinds of group.'),
  kind: csv(z.enum(GROUP_KINDS), 'Kinds of group.'),
  format: csv(z.enum(GROUP_FORMATS), 'How the group runs: come when you like, a closed cohort, or ongoing.'),
  leadership: csv(z.enum(LEADERSHIPS), 'Who leads it.'),
  delivery: csv(z.enum(DELIVERIES), 'Where it meets.'),
  topic: csv(z.string().regex(/^[a-z0-9-]{1,80}$/), 'Topic slugs of the taxonomy (a topic includes its narrower topics).'),
  lang: csv(z.string().regex(/^[a-z]{2,3}$/), 'Languages the group is held in (ISO 639 codes).'),
  cost: csv(z.enum(COST_TYPES), 'What it costs.'),
  max_price: about(z.coerce.number().min(0).max(100_000).optional(), 'Highest fee, in the group’s currency (dollars, not cents).'),
  insurance: bool('Only groups that give receipts for insurance.'),
  day: csv(z.enum(WEEKDAYS), 'Days of the week the group meets.', 7),
  time: csv(z.enum(TIMES_OF_DAY), 'Times of day it meets.', 3),
  age: about(z.coerce.number().int().min(0).max(120).optional(), 'The person’s age: groups open to it.'),
  audience: csv(z.enum(GENDERS), 'Who the group is for.'),
  access: csv(z.enum(ACCESSIBILITY_FEATURES), 'Accessibility the place or meeting offers (all of them).'),
  faith: csv(z.string().max(80), 'Faith traditions of the group (`non_denominational` for groups without one).'),
  starts_within: about(z.coerce.number().int().min(1).max(365).optional(), 'Meets, or starts a cohort, within this many days.'),
  open: bool('Only groups with a seat or a place open now.'),
  near: about(z.string().trim().min(1).max(120).optional(), 'A place (city, town or postal code); online groups are found wherever.'),
  lat: about(z.coerce.number().min(-90).max(90).optional(), 'Latitude of the place to search near (with `lon`).'),
  lon: about(z.coerce.number().min(-180).max(180).optional(), 'Longitude of the place to search near (with `lat`).'),
  radius_km: about(z.coerce.number().min(1).max(1000).optional(), 'How far from the place, in kilometres.'),
  sort: about(z.enum(SORTS).optional(), 'The order: best match first (with words), soonest, nearest, or newest.'),
  page: about(z.coerce.number().int().min(1).max(10_000).optional(), 'Page number, from 1.'),
  per_page: about(z.coerce.number().int().min(1).max(MAX_PER_PAGE).optional(), 'Groups per page.'),
  facets: bool('`false` leaves out the counts of each filter value (faster).'),
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
