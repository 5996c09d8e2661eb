import { z } from 'zod';
import { GROUP_KINDS, GROUP_FORMATS, LEADERSHIPS, DELIVERIES, COST_TYPES, ACCESSIBILITY_FEATURES } from '../../db/schema/enums';

// What a search can ask for (SPEC §2). Each multi-valued filter matches any of its values, except
// accessibility, where a group must offer every feature asked for. Filters combine with AND.

export { WEEKDAYS, TIMES_OF_DAY, GENDERS, SORTS, STARTS_WITHIN_CHOICES, MAX_PER_PAGE, DEFAULT_RADIUS_KM } from './search-choices';
export type { Weekday, TimeOfDay, Sort } from './search-choices';
import { WEEKDAYS, TIMES_OF_DAY, GENDERS, SORTS, MAX_PER_PAGE, DEFAULT_RADIUS_KM } from './search-choices';

const list = <T extends z.ZodType>(item: T, max = 20) => z.array(item).min(1).max(max).optional();

export const findGroupsInput = z
  .object({
    q: z.string().trim().max(200).optional(),
    /** Search for the words typed only, without reading them as topics or kinds of group. */
    literal: z.boolean().optional(),
    kind: list(z.enum(GROUP_KINDS)),
    format: list(z.enum(GROUP_FORMATS)),
    leadership: list(z.enum(LEADERSHIPS)),
    delivery: list(z.enum(DELIVERIES)),
    /** Topic slugs; a parent topic also finds groups tagged with its sub-topics. */
    topic: list(z.string().regex(/^[a-z0-9-]{1,80}$/, 'must be a topic slug')),
    /** ISO 639 language codes. */
    lang: list(z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as en or fr')),
    cost: list(z.enum(COST_TYPES)),
    /** Highest fee per session or program, in dollars; free and pay-what-you-can always fit. */
    maxPrice: z.number().min(0).max(100_000).optional(),
    insurance: z.boolean().optional(),
    day: list(z.enum(WEEKDAYS), 7),
    time: list(z.enum(TIMES_OF_DAY), 3),
    /** The person's age: groups whose age range includes it. */
    age: z.number().int().min(0).max(120).optional(),
    audience: list(z.enum(GENDERS)),
    access: list(z.enum(ACCESSIBILITY_FEATURES)),
    faith: list(z.string().trim().min(1).max(80)),
    /** Next session (drop-in) or next cohort (closed) within this many days; online communities are always open. */
    startsWithin: z.number().int().min(1).max(365).optional(),
    /** Has a seat left before its sign-up cutoff, or a cohort taking applications. */
    open: z.boolean().optional(),
    /** A city ("Ottawa", "London, ON"), resolved with the offline gazetteer. */
    near: z.string().trim().min(1).max(120).optional(),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    radiusKm: z.number().min(1).max(1000).default(DEFAULT_RADIUS_KM),
    sort: z.enum(SORTS).optional(),
    page: z.number().int().min(1).max(10_000).default(1),
    perPage: z.number().int().min(1).max(MAX_PER_PAGE).default(20),
    /** Facet counts cost a second query: leave them out when nobody shows them. */
    facets: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if ((v.lat === undefined) !== (v.lon === undefined)) {
      ctx.addIssue({ code: 'custom', path: [v.lat === undefined ? 'lat' : 'lon'], message: 'lat and lon go together' });
    }
    if (v.near !== undefined && v.lat !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['near'], message: 'give either near or lat and lon, not both' });
    }
    if (v.sort === 'distance' && v.near === undefined && v.lat === undefined) {
      ctx.addIssue({ code: 'custom', path: ['sort'], message: 'sorting by distance needs a place (near, or lat and lon)' });
    }
  });

export type FindGroupsInput = z.input<typeof findGroupsInput>;
export type SearchQuery = z.output<typeof findGroupsInput>;

/** The filters that have facet counts, in the order pages show them. */
export const FACETS = [
  'kind',
  'format',
  'leadership',
  'delivery',
  'topic',
  'lang',
  'cost',
  'insurance',
  'day',
  'time',
  'audience',
  'access',
  'faith',
  'starts_within',
  'open',
] as const;
export type Facet = (typeof FACETS)[number];
/** For each facet, how many groups each value would give, counting every *other* active filter. */
export type FacetCounts = Record<Facet, Record<string, number>>;
