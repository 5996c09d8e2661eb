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
const csv = <T extends z.ZodType<string, string>>(item: T, max = 20) => z.string().transform(split).pipe(z.array(item).min(1).max(max)).optional();
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes' || v === 'on')
  .optional();

export const groupSearchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  /** `literal=true`: the words typed only, not read as topics or kinds of group. */
  literal: bool,
  kind: csv(z.enum(GROUP_KINDS)),
  format: csv(z.enum(GROUP_FORMATS)),
  leadership: csv(z.enum(LEADERSHIPS)),
  delivery: csv(z.enum(DELIVERIES)),
  topic: csv(z.string().regex(/^[a-z0-9-]{1,80}$/)),
  lang: csv(z.string().regex(/^[a-z]{2,3}$/)),
  cost: csv(z.enum(COST_TYPES)),
  max_price: z.coerce.number().min(0).max(100_000).optional(),
  insurance: bool,
  day: csv(z.enum(WEEKDAYS), 7),
  time: csv(z.enum(TIMES_OF_DAY), 3),
  age: z.coerce.number().int().min(0).max(120).optional(),
  audience: csv(z.enum(GENDERS)),
  access: csv(z.enum(ACCESSIBILITY_FEATURES)),
  faith: csv(z.string().max(80)),
  starts_within: z.coerce.number().int().min(1).max(365).optional(),
  open: bool,
  near: z.string().trim().min(1).max(120).optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lon: z.coerce.number().min(-180).max(180).optional(),
  radius_km: z.coerce.number().min(1).max(1000).optional(),
  sort: z.enum(SORTS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  per_page: z.coerce.number().int().min(1).max(MAX_PER_PAGE).optional(),
  facets: bool,
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
