// The lists the group editor offers to choose from: languages, faith traditions and time zones.
// Pure constants and helpers with no imports, so that the editor page can use them in the browser.
// Values stored before these lists existed stay valid: the editor shows them as they are.

/**
 * Languages a group can be held in (ISO 639 codes): English and French, then languages widely
 * spoken in Canada, then Indigenous languages. The editor names them in the reader's language.
 */
export const GROUP_LANGUAGES = [
  'en', 'fr', 'ar', 'zh', 'es', 'pa', 'tl', 'pt', 'it', 'de', 'fa', 'ur', 'hi', 'ta', 'ru', 'uk', 'pl', 'vi', 'ko', 'iu', 'cr', 'oj',
] as const;

/** The languages whose titles the group has: a title in a language means the group is offered in it. */
export function titleLanguages(g: { titleEn: string | null | undefined; titleFr: string | null | undefined }): ('en' | 'fr')[] {
  return [...(g.titleEn?.trim() ? (['en'] as const) : []), ...(g.titleFr?.trim() ? (['fr'] as const) : [])];
}

/**
 * Faith: `non_denominational` (not tied to a faith, the default) or the name of a tradition, as
 * search and the demo data already store it. The editor shows each under a name in the reader's
 * language (`editor.faith.<value>`).
 */
export const FAITHS = [
  'non_denominational',
  'Interfaith',
  'Spiritual',
  'Christian',
  'Catholic',
  'Protestant',
  'Orthodox',
  'Jewish',
  'Muslim',
  'Buddhist',
  'Hindu',
  'Sikh',
  'Indigenous',
] as const;

export const DEFAULT_TIME_ZONE = 'America/Toronto';

/**
 * Time zones to choose from, Canadian first (each named `editor.zone.<key>`), then the United
 * States. A group's zone is always an IANA name; one outside this list stays as stored.
 */
export const TIME_ZONES: readonly { zone: string; key: string; country: 'CA' | 'US' }[] = [
  { zone: 'America/St_Johns', key: 'newfoundland', country: 'CA' },
  { zone: 'America/Halifax', key: 'atlantic', country: 'CA' },
  { zone: 'America/Toronto', key: 'eastern', country: 'CA' },
  { zone: 'America/Winnipeg', key: 'central', country: 'CA' },
  { zone: 'America/Regina', key: 'saskatchewan', country: 'CA' },
  { zone: 'America/Edmonton', key: 'mountain', country: 'CA' },
  { zone: 'America/Vancouver', key: 'pacific', country: 'CA' },
  { zone: 'America/Whitehorse', key: 'yukon', country: 'CA' },
  { zone: 'America/New_York', key: 'usEastern', country: 'US' },
  { zone: 'America/Chicago', key: 'usCentral', country: 'US' },
  { zone: 'America/Denver', key: 'usMountain', country: 'US' },
  { zone: 'America/Phoenix', key: 'arizona', country: 'US' },
  { zone: 'America/Los_Angeles', key: 'usPacific', country: 'US' },
  { zone: 'America/Anchorage', key: 'alaska', country: 'US' },
  { zone: 'Pacific/Honolulu', key: 'hawaii', country: 'US' },
];

// Provinces and territories, by code and by name in either language, with their usual zone.
const REGION_ZONES: [string[], string][] = [
  [['nl', 'newfoundland and labrador', 'newfoundland', 'terre-neuve-et-labrador', 'terre-neuve'], 'America/St_Johns'],
  [['ns', 'nova scotia', 'nouvelle-ecosse'], 'America/Halifax'],
  [['nb', 'new brunswick', 'nouveau-brunswick'], 'America/Halifax'],
  [['pe', 'pei', 'prince edward island', 'ile-du-prince-edouard'], 'America/Halifax'],
  [['qc', 'quebec'], 'America/Toronto'],
  [['on', 'ontario'], 'America/Toronto'],
  [['nu', 'nunavut'], 'America/Toronto'],
  [['mb', 'manitoba'], 'America/Winnipeg'],
  [['sk', 'saskatchewan'], 'America/Regina'],
  [['ab', 'alberta'], 'America/Edmonton'],
  [['nt', 'northwest territories', 'territoires du nord-ouest'], 'America/Edmonton'],
  [['bc', 'british columbia', 'colombie-britannique'], 'America/Vancouver'],
  [['yt', 'yukon'], 'America/Whitehorse'],
];

/** The usual time zone of a Canadian province or territory written as a person would ("BC", "Québec", "CA-NS"), or null. */
export function zoneForRegion(region: string | null | undefined): string | null {
  const key = (region ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^ca[-\s]/, '')
    .replace(/[.]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!key) return null;
  return REGION_ZONES.find(([names]) => names.includes(key))?.[1] ?? null;
}
