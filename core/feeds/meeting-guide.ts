import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { groups, organizations, schedules, type Locale } from '../../db/schema';
import type { Context } from '../context';
import { weeklyDays } from '../schedules/expand-schedule';
import { groupSlugs } from '../groups/slugs';

// The Meeting Guide feed: the drop-in groups that meet every week, one entry per weekly schedule,
// in the flat format recovery meeting finders read (the Meeting Guide app, the TSML UI finder).
// Type codes are the specification's, where one of ours fits. An online meeting's link is never
// published: `conference_url` is the group's page, where confirmed participants get the link.

export interface MeetingGuideEntry {
  slug: string;
  name: string;
  day: number | number[];
  time: string;
  end_time: string;
  timezone: string;
  types: string[];
  notes?: string;
  location?: string;
  formatted_address?: string;
  latitude?: number;
  longitude?: number;
  region?: string;
  approximate?: 'yes' | 'no';
  conference_url?: string;
  conference_url_notes?: string;
  attendance_option: 'in_person' | 'online' | 'hybrid';
  group?: string;
  url: string;
  updated: string;
}

/** Our language codes (ISO 639-1) → the specification's codes for meetings held in them. */
const LANGUAGE_TYPES: Record<string, string> = {
  af: 'AF', am: 'AM', ar: 'AR', bg: 'BG', da: 'DA', de: 'DE', el: 'EL', en: 'EN', es: 'S', fa: 'FA', fi: 'FI', fr: 'FR',
  he: 'HE', hi: 'HI', hr: 'HR', hu: 'HU', is: 'IS', it: 'ITA', ja: 'JA', ka: 'KA', ko: 'KOR', lt: 'LT', ml: 'ML', mt: 'MT',
  ne: 'NE', nl: 'NL', no: 'NO', pa: 'PUN', pl: 'POL', pt: 'POR', ru: 'RUS', sk: 'SK', sl: 'SL', sv: 'SV', th: 'TH', tl: 'TL',
  tr: 'TUR', uk: 'UK',
};
const AUDIENCE_TYPES: Record<string, string[]> = {
  women: ['W'],
  men: ['M'],
  nonbinary: ['NB'],
  women_and_nonbinary: ['W', 'NB'],
  men_and_nonbinary: ['M', 'NB'],
};
const ACCESS_TYPES: Record<string, string> = { step_free: 'X', accessible_washroom: 'XB', scent_free: 'FF', asl: 'ASL' };
const STYLE_TYPES: Record<string, string> = { open_forum: 'D', topic: 'D', speaker: 'SP' };
const ACTIVITY_TYPES: Record<string, string> = { mindfulness: 'MED', walking: 'OUT', gardening: 'OUT' };

interface Row {
  scheduleId: string;
  groupId: string;
  rrule: string;
  startsLocal: string;
  durationMinutes: number;
  untilLocal: string | null;
  scheduleUpdated: Date;
  slug: string;
  slugFr: string | null;
  titleEn: string | null;
  titleFr: string | null;
  summaryEn: string | null;
  summaryFr: string | null;
  dropInStyle: string | null;
  workshopActivity: string | null;
  delivery: 'in_person' | 'online' | 'hybrid';
  gender: string;
  ageMin: number | null;
  ageMax: number | null;
  languages: string[];
  accessibility: string[];
  timeZone: string;
  venueName: string | null;
  street: string | null;
  city: string | null;
  province: string | null;
  postalCode: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  groupUpdated: Date;
  orgEn: string;
  orgFr: string | null;
}

/** The specification's type codes for a group, where one of ours fits. */
export function meetingTypes(g: Pick<Row, 'dropInStyle' | 'workshopActivity' | 'gender' | 'ageMin' | 'ageMax' | 'languages' | 'accessibility'>): string[] {
  const types = new Set<string>();
  if (g.dropInStyle && STYLE_TYPES[g.dropInStyle]) types.add(STYLE_TYPES[g.dropInStyle]!);
  if (g.workshopActivity && ACTIVITY_TYPES[g.workshopActivity]) types.add(ACTIVITY_TYPES[g.workshopActivity]!);
  for (const t of AUDIENCE_TYPES[g.gender] ?? []) types.add(t);
  for (const lang of g.languages) if (LANGUAGE_TYPES[lang]) types.add(LANGUAGE_TYPES[lang]!);
  for (const a of g.accessibility) if (ACCESS_TYPES[a]) types.add(ACCESS_TYPES[a]!);
  if (g.ageMin != null && g.ageMin >= 60) types.add('SEN');
  if (g.ageMax != null && g.ageMax <= 30) types.add('Y');
  return [...types].sort();
}

const hhmm = (local: string) => local.replace(' ', 'T').slice(11, 16);
const pick = (locale: Locale, en: string | null, fr: string | null) => (locale === 'fr' ? (fr ?? en) : (en ?? fr));

function entry(row: Row, days: number[], locale: Locale, pageUrl: (slug: string) => string, onlineNotes: string): MeetingGuideEntry {
  const start = DateTime.fromISO(row.startsLocal.replace(' ', 'T'), { zone: 'utc' });
  const url = pageUrl(groupSlugs(row)[locale]);
  const online = row.delivery !== 'in_person';
  const address = [row.street, row.city, [row.province, row.postalCode].filter(Boolean).join(' '), row.country].filter(Boolean).join(', ');
  const updated = row.groupUpdated > row.scheduleUpdated ? row.groupUpdated : row.scheduleUpdated;
  const notes = pick(locale, row.summaryEn, row.summaryFr);
  return {
    slug: `${row.slug}-${row.scheduleId.slice(0, 8)}`,
    name: pick(locale, row.titleEn, row.titleFr) ?? row.slug,
    day: days.length === 1 ? days[0]! : days,
    time: hhmm(row.startsLocal),
    end_time: start.plus({ minutes: row.durationMinutes }).toFormat('HH:mm'),
    timezone: row.timeZone,
    types: meetingTypes(row),
    ...(notes ? { notes } : {}),
    ...(row.delivery !== 'online' && row.venueName ? { location: row.venueName } : {}),
    ...(row.delivery !== 'online' && address ? { formatted_address: address } : {}),
    ...(row.delivery !== 'online' && row.latitude != null && row.longitude != null ? { latitude: row.latitude, longitude: row.longitude } : {}),
    ...(row.city || row.province ? { region: (row.city ?? row.province)! } : {}),
    // An online meeting has no real address; its page, not its link, is published.
    ...(row.delivery === 'online' ? { approximate: 'yes' as const } : {}),
    ...(online ? { conference_url: url, conference_url_notes: onlineNotes } : {}),
    attendance_option: row.delivery,
    group: pick(locale, row.orgEn, row.orgFr) ?? row.orgEn,
    url,
    updated: DateTime.fromJSDate(updated, { zone: 'utc' }).toFormat('yyyy-MM-dd HH:mm:ss'),
  };
}

/**
 * The feed's entries, read a batch of schedules at a time (the whole feed is never held in
 * memory): published drop-in groups, their weekly schedules that have not ended.
 */
export async function* meetingGuideEntries({
  ctx,
  pageUrl,
  onlineNotes,
  batch = 500,
}: {
  ctx: Context;
  /** The address of a group's page in the context's language, from its slug in that language. */
  pageUrl: (slug: string) => string;
  /** What `conference_url_notes` says of an online group's page. */
  onlineNotes: string;
  batch?: number;
}): AsyncGenerator<MeetingGuideEntry> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: Row[] = await ctx.db
      .select({
        scheduleId: schedules.id,
        groupId: groups.id,
        rrule: schedules.rrule,
        startsLocal: schedules.startsLocal,
        durationMinutes: schedules.durationMinutes,
        untilLocal: schedules.untilLocal,
        scheduleUpdated: schedules.updatedAt,
        slug: groups.slug,
        slugFr: groups.slugFr,
        titleEn: groups.titleEn,
        titleFr: groups.titleFr,
        summaryEn: groups.summaryEn,
        summaryFr: groups.summaryFr,
        dropInStyle: groups.dropInStyle,
        workshopActivity: groups.workshopActivity,
        delivery: groups.delivery,
        gender: groups.gender,
        ageMin: groups.ageMin,
        ageMax: groups.ageMax,
        languages: groups.languages,
        accessibility: groups.accessibility,
        timeZone: groups.timeZone,
        venueName: groups.venueName,
        street: groups.street,
        city: groups.city,
        province: groups.province,
        postalCode: groups.postalCode,
        country: groups.country,
        latitude: groups.latitude,
        longitude: groups.longitude,
        groupUpdated: groups.updatedAt,
        orgEn: organizations.nameEn,
        orgFr: organizations.nameFr,
      })
      .from(schedules)
      .innerJoin(groups, eq(groups.id, schedules.groupId))
      .innerJoin(organizations, eq(organizations.id, groups.organizationId))
      .where(and(gt(schedules.id, after), isNull(schedules.cohortId), eq(groups.status, 'published'), eq(groups.format, 'drop_in')))
      .orderBy(asc(schedules.id))
      .limit(batch);
    for (const row of rows) {
      const days = weeklyDays(row.rrule, row.startsLocal);
      if (!days) continue;
      if (row.untilLocal && DateTime.fromISO(row.untilLocal.replace(' ', 'T'), { zone: row.timeZone }).toJSDate() < ctx.now) continue;
      yield entry(row, days, ctx.locale, pageUrl, onlineNotes);
    }
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.scheduleId;
  }
}
