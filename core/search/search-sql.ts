import { sql, type SQL } from 'drizzle-orm';
import type { Context } from '../context';
import { FACETS } from './search-input';

// The SQL pieces of a search over `group_search gs`, shared by the result, facet and "which
// filter to drop" queries (find-groups.ts, facets.ts).

const EARTH_RADIUS_KM = 6371;
const KM_PER_DEGREE = 111.045;

/** A PostgreSQL array literal ('{"a","b"}') for one bound parameter. */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

export interface Point {
  latitude: number;
  longitude: number;
}

/** Great-circle distance in km from `p` to the row's venue (haversine); null for online groups. */
export function distanceKm(p: Point): SQL {
  return sql`(${2 * EARTH_RADIUS_KM} * asin(least(1, sqrt(
    power(sin(radians(gs.latitude - ${p.latitude}::float8) / 2), 2)
    + cos(radians(${p.latitude}::float8)) * cos(radians(gs.latitude)) * power(sin(radians(gs.longitude - ${p.longitude}::float8) / 2), 2)))))`;
}

/** The latitude and longitude bounds of a circle of `radiusKm` around `p` (for an index). */
export function boundingBox(p: Point, radiusKm: number): { minLat: number; maxLat: number; minLon: number; maxLon: number } {
  const dLat = radiusKm / KM_PER_DEGREE;
  const cosLat = Math.max(Math.cos((p.latitude * Math.PI) / 180), 0.01);
  const dLon = Math.min(radiusKm / (KM_PER_DEGREE * cosLat), 180);
  return { minLat: p.latitude - dLat, maxLat: p.latitude + dLat, minLon: p.longitude - dLon, maxLon: p.longitude + dLon };
}

/** `distanceKm` computed here rather than in the database (the in-process index). */
export function haversineKm(p: Point, latitude: number, longitude: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((latitude - p.latitude) * rad) / 2) ** 2 +
    Math.cos(p.latitude * rad) * Math.cos(latitude * rad) * Math.sin(((longitude - p.longitude) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Within `radiusKm` of `p` (bounding box first, for the index), or online (never excluded by distance). */
export function nearCondition(p: Point, radiusKm: number): SQL {
  const box = boundingBox(p, radiusKm);
  return sql`(gs.delivery = 'online' or (
    gs.latitude between ${box.minLat}::float8 and ${box.maxLat}::float8
    and gs.longitude between ${box.minLon}::float8 and ${box.maxLon}::float8
    and ${distanceKm(p)} <= ${radiusKm}::float8))`;
}

/** When one can next start, as of `ctx.now` (looking past a start that passed since the last refresh). */
export function nextStart(ctx: Context): SQL {
  const now = sql`${ctx.now.toISOString()}::timestamptz`;
  return sql`(case when gs.next_start >= ${now} then gs.next_start
    else (select min(x) from unnest(gs.starts) x where x >= ${now}) end)`;
}

/** Whether the row has places as of `ctx.now` (its sign-up deadline may have passed since the refresh). */
export function hasPlaces(ctx: Context): SQL {
  return sql`coalesce(gs.seats_until > ${ctx.now.toISOString()}::timestamptz, false)`;
}

/** A bit set of `values` by their place in `all`. */
export const bits = (values: readonly string[], all: readonly string[]) =>
  values.reduce((mask, v) => mask | (1 << all.indexOf(v)), 0);

export function allOf(conditions: (SQL | undefined)[]): SQL {
  const list = conditions.filter((c): c is SQL => c !== undefined);
  return list.length ? sql.join(list, sql` and `) : sql`true`;
}

export { FACETS };
