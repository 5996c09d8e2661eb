import { and, asc, count, eq, gt, inArray, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { parse as parseUuid, v5 as uuidv5 } from 'uuid';
import { groups, groupTopics, organizations, schedules, topics, type Locale } from '../../db/schema';
import type { Context } from '../context';
import { NotFound } from '../errors';
import { isUuid } from '../text';
import { groupSlugs } from '../groups/slugs';
import { ruleParts } from '../group-editor/schedule-rule';
import type { HsdsOrganization, HsdsSchedule, HsdsService } from './hsds-schema';

// Cercle's published groups as HSDS 3 services (Open Referral's Human Services Data
// Specification): each group a service of its organization, with its schedules (RFC 5545 rules,
// the IANA zone as an attribute), locations (a physical place; an online group's page as a
// virtual one — never its meeting link), languages, cost, contact, and topics as taxonomy terms.
// The objects a group has no id for (its location, its language rows…) get stable ids derived
// from the group's, so that the same data always has the same ids.

/** The namespace of the ids derived for HSDS objects (RFC 4122 name-based, version 5). */
export const HSDS_NAMESPACE = 'e516c322-1090-4a6e-adfd-86ad2691109a';
// The namespace read once: parsing it again for each of a service's dozen ids cost a tenth of the export.
const NAMESPACE_BYTES = parseUuid(HSDS_NAMESPACE);
const derived = (owner: string, what: string) => uuidv5(`${owner}/${what}`, NAMESPACE_BYTES);

/** The taxonomy Cercle's topics belong to, as HSDS terms name it. */
export const TOPIC_TAXONOMY = 'cercle-topics';

type GroupRow = typeof groups.$inferSelect;
type OrgRow = typeof organizations.$inferSelect;
type ScheduleRow = typeof schedules.$inferSelect;
type TopicRow = { groupId: string; id: string; slug: string; labelEn: string; labelFr: string; parentId: string | null };

export interface HsdsLinks {
  /** The address of a group's page in the context's language, from its slug in that language. */
  pageUrl: (slug: string) => string;
}

/** Names of languages in each locale (one formatter each: making one costs more than a service). */
const languageNamers = new Map<Locale, Intl.DisplayNames>();
function languageNames(locale: Locale): Intl.DisplayNames {
  let namer = languageNamers.get(locale);
  if (!namer) languageNamers.set(locale, (namer = new Intl.DisplayNames([locale], { type: 'language' })));
  return namer;
}

const pick = (locale: Locale, en: string | null, fr: string | null) => (locale === 'fr' ? (fr ?? en) : (en ?? fr)) ?? undefined;
const other = (locale: Locale, en: string | null, fr: string | null) => (locale === 'fr' ? en : fr) ?? undefined;
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;

export function hsdsOrganization(o: OrgRow, locale: Locale): HsdsOrganization {
  const name = pick(locale, o.nameEn, o.nameFr)!;
  const alternate = other(locale, o.nameEn, o.nameFr);
  return defined({
    id: o.id,
    name,
    alternate_name: alternate && alternate !== name ? alternate : undefined,
    description: pick(locale, o.descriptionEn, o.descriptionFr) ?? '',
    email: o.email ?? undefined,
    website: o.website ?? undefined,
    phones: o.phone ? [{ id: derived(o.id, 'phone'), organization_id: o.id, number: o.phone }] : undefined,
  });
}

/** A schedule as HSDS has it, or null for a rhythm HSDS cannot say (daily, yearly). */
export function hsdsSchedule(s: ScheduleRow, groupId: string, zone: string): HsdsSchedule | null {
  const parts = ruleParts(s.rrule);
  const freq = (['WEEKLY', 'MONTHLY'] as const).find((f) => f === parts.get('FREQ'));
  if (!freq) return null;
  const start = DateTime.fromISO(s.startsLocal.replace(' ', 'T'), { zone });
  const end = start.plus({ minutes: s.durationMinutes });
  const attribute = (label: string, value: string) => ({ id: derived(s.id, label), link_id: s.id, link_type: 'schedule', link_entity: 'schedule', label, value });
  return defined({
    id: s.id,
    service_id: groupId,
    dtstart: start.toISODate()!,
    until: s.untilLocal ? s.untilLocal.slice(0, 10) : undefined,
    timezone: start.offset / 60,
    freq,
    interval: Number(parts.get('INTERVAL') ?? 1),
    byday: parts.get('BYDAY'),
    opens_at: start.toFormat('HH:mm'),
    closes_at: end.toFormat('HH:mm'),
    attributes: [attribute('time_zone', zone), attribute('rrule', s.rrule)],
  });
}

export function hsdsService(g: GroupRow, org: OrgRow, groupSchedules: ScheduleRow[], groupTopicRows: TopicRow[], locale: Locale, links: HsdsLinks): HsdsService {
  const url = links.pageUrl(groupSlugs(g)[locale]);
  const name = pick(locale, g.titleEn, g.titleFr) ?? g.slug;
  const alternate = other(locale, g.titleEn, g.titleFr);
  const locations = [];
  if (g.delivery !== 'online' && (g.venueName || g.street || g.latitude != null)) {
    const locationId = derived(g.id, 'location');
    const address =
      g.street && g.city && g.province && g.postalCode && g.country
        ? [{ id: derived(g.id, 'address'), location_id: locationId, address_1: g.street, city: g.city, state_province: g.province, postal_code: g.postalCode, country: g.country, address_type: 'physical' as const }]
        : undefined;
    locations.push({
      id: derived(g.id, 'service-at-location'),
      service_id: g.id,
      location_id: locationId,
      location: defined({ id: locationId, location_type: 'physical' as const, name: g.venueName ?? undefined, latitude: g.latitude ?? undefined, longitude: g.longitude ?? undefined, addresses: address }),
    });
  }
  if (g.delivery !== 'in_person') {
    const locationId = derived(g.id, 'virtual-location');
    // The group's page, where confirmed participants get the meeting's link: never the link itself.
    locations.push({ id: derived(g.id, 'virtual-service-at-location'), service_id: g.id, location_id: locationId, location: { id: locationId, location_type: 'virtual' as const, url } });
  }
  const names = languageNames(locale);
  const amount = g.costType === 'fee' ? g.feeCents : g.costType === 'pay_what_you_can' ? g.suggestedDonationCents : 0;
  const phones = g.contactPhone ? [{ id: derived(g.id, 'phone'), service_id: g.id, number: g.contactPhone }] : undefined;
  const attribute = (label: string, value: string) => ({ id: derived(g.id, `${label}/${value}`), link_id: g.id, link_type: 'service', link_entity: 'service', label, value });
  return defined({
    id: g.id,
    organization_id: org.id,
    name,
    alternate_name: alternate && alternate !== name ? alternate : undefined,
    description: pick(locale, g.descriptionEn, g.descriptionFr) ?? pick(locale, g.summaryEn, g.summaryFr),
    url,
    email: g.contactEmail ?? undefined,
    status: 'active' as const,
    eligibility_description: pick(locale, g.eligibilityEn, g.eligibilityFr),
    fees_description: pick(locale, g.coveredByEn, g.coveredByFr),
    minimum_age: g.ageMin ?? undefined,
    maximum_age: g.ageMax ?? undefined,
    last_modified: g.updatedAt.toISOString(),
    phones,
    schedules: groupSchedules.map((s) => hsdsSchedule(s, g.id, g.timeZone)).filter((s) => s !== null),
    service_at_locations: locations,
    languages: g.languages.map((code) => defined({ id: derived(g.id, `language/${code}`), service_id: g.id, code, name: names.of(code) })),
    cost_options: [
      defined({
        id: derived(g.id, 'cost'),
        service_id: g.id,
        option: g.costType,
        amount: amount != null ? amount / 100 : undefined,
        currency: g.costType === 'free' ? undefined : (g.feeCurrency ?? 'CAD'),
        amount_description: g.costType === 'fee' ? (g.feePer ?? undefined) : g.costType === 'pay_what_you_can' ? 'suggested' : undefined,
      }),
    ],
    contacts: g.contactEmail || g.contactPhone ? [defined({ id: derived(g.id, 'contact'), service_id: g.id, name: pick(locale, org.nameEn, org.nameFr), email: g.contactEmail ?? undefined, phones })] : undefined,
    attributes: [
      attribute('kind', g.kind),
      attribute('format', g.format),
      attribute('leadership', g.leadership),
      attribute('delivery', g.delivery),
      attribute('time_zone', g.timeZone),
      ...groupTopicRows.map((t) => ({
        ...attribute('topic', t.slug),
        taxonomy_term: defined({
          id: t.id,
          code: t.slug,
          name: pick(locale, t.labelEn, t.labelFr)!,
          description: pick(locale, t.labelEn, t.labelFr)!,
          parent_id: t.parentId ?? undefined,
          taxonomy: TOPIC_TAXONOMY,
          language: locale,
        }),
      })),
    ],
    organization: hsdsOrganization(org, locale),
  });
}

const published = eq(groups.status, 'published');

/** The services of the groups `where` picks, in the order of their ids, `limit` at most. */
async function servicesWhere(ctx: Context, links: HsdsLinks, where: SQL, limit: number, offset = 0): Promise<HsdsService[]> {
  const rows = await ctx.db
    .select({ g: groups, org: organizations })
    .from(groups)
    .innerJoin(organizations, eq(organizations.id, groups.organizationId))
    .where(where)
    .orderBy(asc(groups.id))
    .limit(limit)
    .offset(offset);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.g.id);
  const [scheduleRows, topicRows] = await Promise.all([
    ctx.db.select().from(schedules).where(inArray(schedules.groupId, ids)).orderBy(asc(schedules.startsLocal), asc(schedules.id)),
    ctx.db
      .select({ groupId: groupTopics.groupId, id: topics.id, slug: topics.slug, labelEn: topics.labelEn, labelFr: topics.labelFr, parentId: topics.parentId })
      .from(groupTopics)
      .innerJoin(topics, eq(topics.id, groupTopics.topicId))
      .where(inArray(groupTopics.groupId, ids))
      .orderBy(asc(topics.position), asc(topics.slug)),
  ]);
  const byGroup = <T extends { groupId: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of list) map.set(item.groupId, [...(map.get(item.groupId) ?? []), item]);
    return map;
  };
  const sched = byGroup(scheduleRows);
  const tops = byGroup(topicRows);
  return rows.map((r) => hsdsService(r.g, r.org, sched.get(r.g.id) ?? [], tops.get(r.g.id) ?? [], ctx.locale, links));
}

export interface HsdsPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

function page<T>(contents: T[], total: number, pageNumber: number, perPage: number): HsdsPage<T> {
  const pages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: pages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= pages,
    empty: contents.length === 0,
    contents,
  };
}

/** A page of services (the published groups, of one organization if given), in the order of their ids. */
export async function hsdsServicesPage(
  ctx: Context,
  links: HsdsLinks,
  q: { page: number; perPage: number; organizationId?: string },
): Promise<HsdsPage<HsdsService>> {
  const where = q.organizationId ? and(published, eq(groups.organizationId, q.organizationId))! : published;
  const [{ n } = { n: 0 }] = await ctx.db.select({ n: count() }).from(groups).where(where);
  const contents = await servicesWhere(ctx, links, where, q.perPage, (q.page - 1) * q.perPage);
  return page(contents, n, q.page, q.perPage);
}

export async function hsdsServiceById(ctx: Context, links: HsdsLinks, id: string): Promise<HsdsService> {
  if (!isUuid(id)) throw new NotFound('group');
  const [service] = await servicesWhere(ctx, links, and(published, eq(groups.id, id))!, 1);
  if (!service) throw new NotFound('group');
  return service;
}

/** The organizations that have a published group. */
const publishing = (ctx: Context) => inArray(organizations.id, ctx.db.selectDistinct({ id: groups.organizationId }).from(groups).where(published));

export async function hsdsOrganizationsPage(ctx: Context, q: { page: number; perPage: number }): Promise<HsdsPage<HsdsOrganization>> {
  const where = publishing(ctx);
  const [{ n } = { n: 0 }] = await ctx.db.select({ n: count() }).from(organizations).where(where);
  const rows = await ctx.db.select().from(organizations).where(where).orderBy(asc(organizations.id)).limit(q.perPage).offset((q.page - 1) * q.perPage);
  return page(
    rows.map((o) => hsdsOrganization(o, ctx.locale)),
    n,
    q.page,
    q.perPage,
  );
}

export async function hsdsOrganizationById(ctx: Context, id: string): Promise<HsdsOrganization> {
  if (!isUuid(id)) throw new NotFound('organization');
  const [row] = await ctx.db.select().from(organizations).where(and(eq(organizations.id, id), publishing(ctx)));
  if (!row) throw new NotFound('organization');
  return hsdsOrganization(row, ctx.locale);
}

/** Every published group's service, read `batch` groups at a time (never the whole set in memory). */
export async function* hsdsAllServices(ctx: Context, links: HsdsLinks, batch = 200): AsyncGenerator<HsdsService> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const services = await servicesWhere(ctx, links, and(published, gt(groups.id, after))!, batch);
    yield* services;
    if (services.length < batch) return;
    after = services[services.length - 1]!.id;
  }
}
