import { inArray } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { v5 as uuidv5 } from 'uuid';
import { z } from 'zod';
import { groups, groupTopics, schedules, topics, LOCALES } from '../../db/schema';
import { withTransaction, type Context } from '../context';
import { attributeIssues, FEE_CURRENCIES, groupAttributes, NEW_GROUP_DEFAULTS, normalizeColumns, type GroupColumns } from '../group-editor/group-input';
import { formFromRule, ruleFromForm, scheduleForm, type StoredRule } from '../group-editor/schedule-rule';
import { audit, freshSlugs, isTimeZone } from '../group-editor/shared';
import { syncSessions } from '../group-editor/materialize-sessions';
import { DELIVERIES, GROUP_FORMATS, GROUP_KINDS, LEADERSHIPS } from '../../db/schema/values';
import { hsdsService, type HsdsSchedule, type HsdsService } from './hsds-schema';
import { TOPIC_TAXONOMY } from './hsds';

// Reads HSDS 3 services (Open Referral) into an organization as draft groups: each record is
// validated with the same schemas the export is written with, mapped to a group's attributes and
// schedules, and checked by the editor's own rules. A record that cannot be read is reported with
// its reason; the others are written in one transaction (all or none). A group's id derives from
// the organization and the service's id, so importing the same file again changes nothing.

const IMPORT_NAMESPACE = 'f0c4f1a4-5b0e-4d7e-9a5c-2f6f0f3c8d21';

export const importHsdsOptions = z.object({
  organizationId: z.uuid(),
  /** The language the file is written in: its names and descriptions become that language's text. */
  language: z.enum(LOCALES).default('en'),
  /** The zone of schedules that do not name theirs. */
  timeZone: z.string().refine(isTimeZone, 'unknown time zone').default('America/Toronto'),
});
export type ImportHsdsOptions = z.input<typeof importHsdsOptions>;

export interface RejectedRecord {
  /** Which record: its position in the file (from 1) and its id or name when it has one. */
  record: string;
  reason: string;
}

export interface PlannedGroup {
  groupId: string;
  sourceId: string;
  columns: GroupColumns;
  topicSlugs: string[];
  schedules: StoredRule[];
}

export interface ImportReport {
  created: number;
  unchanged: number;
  rejected: RejectedRecord[];
}

/**
 * The records of a file: an array of services, a page of HSDS's API (`contents`), a dataset as
 * Cercle exports it (`services`), or one service. Null when the file is none of these.
 */
export function hsdsRecords(data: unknown): unknown[] | null {
  if (Array.isArray(data)) return data;
  if (!data || typeof data !== 'object') return null;
  const o = data as Record<string, unknown>;
  if (Array.isArray(o.contents)) return o.contents;
  if (Array.isArray(o.services)) return o.services;
  if (typeof o.id === 'string' && typeof o.name === 'string') return [data];
  return null;
}

const label = (s: HsdsService, name: string) => s.attributes?.find((a) => a.label === name && !a.taxonomy_term)?.value;
const oneOf = <T extends string>(values: readonly T[], value: string | undefined, fallback: T): T => (values.find((v) => v === value) ?? fallback);

/** A description's first sentences, up to the 500 characters a summary holds. */
function summaryOf(text: string | undefined): string | null {
  if (!text) return null;
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= 500) return clean;
  const cut = clean.slice(0, 499);
  const sentence = cut.lastIndexOf('. ');
  return sentence > 100 ? cut.slice(0, sentence + 1) : `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

/** An HSDS schedule as a stored rule, or the reason it cannot be one. */
function ruleOf(s: HsdsSchedule, today: string): StoredRule | string {
  const opens = s.opens_at?.slice(0, 5);
  const closes = s.closes_at?.slice(0, 5);
  if (!opens || !/^\d{2}:\d{2}$/.test(opens)) return 'it has no opening time (opens_at)';
  if (!closes || !/^\d{2}:\d{2}$/.test(closes)) return 'it has no closing time (closes_at)';
  const duration = (minutes(closes) - minutes(opens) + 24 * 60) % (24 * 60);
  const written = s.attributes?.find((a) => a.label === 'rrule')?.value;
  const rrule = written ?? (s.freq ? [`FREQ=${s.freq}`, s.interval && s.interval > 1 ? `INTERVAL=${s.interval}` : '', s.byday ? `BYDAY=${s.byday}` : ''].filter(Boolean).join(';') : null);
  if (!rrule) return 'it has no frequency (freq)';
  const startDate = s.dtstart?.slice(0, 10) ?? today;
  const form = formFromRule({ rrule, startsLocal: `${startDate} ${opens}:00`, durationMinutes: duration, untilLocal: s.until ? `${s.until.slice(0, 10)} 23:59:00` : null, exceptionsLocal: [] });
  if (!form) return `its rule is not one Cercle keeps (${rrule})`;
  const checked = scheduleForm.safeParse(form);
  if (!checked.success) return checked.error.issues.map((i) => `${i.path.join('.') || 'schedule'}: ${i.message}`).join('; ');
  return ruleFromForm(checked.data);
}

/** What one service becomes, or why it cannot be imported. */
export function planRecord(raw: unknown, options: z.output<typeof importHsdsOptions>, today: Date): PlannedGroup | string {
  const parsed = hsdsService.safeParse(raw);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.') || 'service'}: ${i.message}`).join('; ');
  const s = parsed.data;
  if (s.status === 'defunct') return 'the service is defunct';
  const zone = label(s, 'time_zone') ?? s.schedules?.flatMap((x) => x.attributes ?? []).find((a) => a.label === 'time_zone')?.value ?? options.timeZone;
  if (!isTimeZone(zone)) return `unknown time zone ${zone}`;
  const places = (s.service_at_locations ?? []).map((l) => l.location).filter((l) => l !== undefined);
  const physical = places.find((l) => l.location_type === 'physical');
  const virtual = places.some((l) => l.location_type === 'virtual');
  const kind = oneOf(GROUP_KINDS, label(s, 'kind'), 'support_group');
  // An online community is the one kind that is ongoing, and online; the others come as drop-ins
  // unless the file says otherwise (an organizer turns one into a closed group in the editor).
  const community = kind === 'online_community';
  const delivery = community ? 'online' : oneOf(DELIVERIES, label(s, 'delivery'), physical && virtual ? 'hybrid' : virtual && !physical ? 'online' : 'in_person');
  const format = community ? 'ongoing' : oneOf(GROUP_FORMATS.filter((f) => f !== 'ongoing'), label(s, 'format'), 'drop_in');
  const onEarth = physical?.latitude != null && physical.longitude != null && Math.abs(physical.latitude) <= 90 && Math.abs(physical.longitude) <= 180;
  const address = physical?.addresses?.find((a) => a.address_type === 'physical') ?? physical?.addresses?.[0];
  const cost = s.cost_options?.[0];
  const costType =
    cost?.option === 'pay_what_you_can' ? 'pay_what_you_can' : cost?.amount && cost.amount > 0 && cost.option !== 'free' ? 'fee' : 'free';
  const currency = cost?.currency?.toUpperCase() ?? 'CAD';
  if (costType === 'fee' && !(FEE_CURRENCIES as readonly string[]).includes(currency)) return `cost_options.0.currency: ${currency} is not a currency Cercle takes (${FEE_CURRENCIES.join(', ')})`;
  const lang = options.language;
  // The file's text is in one language: it fills that language's fields.
  const inLang = (value: string | null | undefined): [string | null, string | null] => (lang === 'en' ? [value ?? null, null] : [null, value ?? null]);
  const [titleEn, titleFr] = inLang(s.name);
  const [summaryEn, summaryFr] = inLang(summaryOf(s.description));
  const [descriptionEn, descriptionFr] = inLang(s.description);
  const [eligibilityEn, eligibilityFr] = inLang(s.eligibility_description);
  const [coveredByEn, coveredByFr] = inLang(s.fees_description?.slice(0, 200));
  const languages = [...new Set((s.languages ?? []).map((l) => l.code?.toLowerCase().slice(0, 2)).filter((c): c is string => !!c && /^[a-z]{2}$/.test(c)))];
  const columns = {
    ...NEW_GROUP_DEFAULTS,
    titleEn,
    titleFr,
    summaryEn,
    summaryFr,
    descriptionEn,
    descriptionFr,
    eligibilityEn,
    eligibilityFr,
    coveredByEn,
    coveredByFr,
    kind,
    leadership: oneOf(LEADERSHIPS, label(s, 'leadership'), kind === 'group_therapy' ? 'licensed' : 'peer'),
    format,
    delivery,
    dropInStyle: format === 'drop_in' ? ('open_forum' as const) : null,
    workshopActivity: kind === 'workshop' ? ('other' as const) : null,
    timeZone: zone,
    languages: languages.length ? languages.slice(0, 10) : [lang],
    ageMin: s.minimum_age != null ? Math.round(s.minimum_age) : null,
    ageMax: s.maximum_age != null ? Math.round(s.maximum_age) : null,
    costType,
    feeCents: costType === 'fee' ? Math.round(cost!.amount! * 100) : null,
    feeCurrency: costType === 'fee' ? (currency as (typeof FEE_CURRENCIES)[number]) : null,
    feePer: costType === 'fee' ? (cost?.amount_description === 'program' ? ('program' as const) : ('session' as const)) : null,
    suggestedDonationCents: costType === 'pay_what_you_can' && cost?.amount ? Math.round(cost.amount * 100) : null,
    contactEmail: s.email ?? s.contacts?.find((c) => c.email)?.email ?? null,
    contactPhone: s.phones?.[0]?.number ?? s.contacts?.flatMap((c) => c.phones ?? [])[0]?.number ?? null,
    venueName: physical?.name ?? null,
    street: address?.address_1 ?? null,
    city: address?.city ?? null,
    province: address?.state_province ?? null,
    postalCode: address?.postal_code ?? null,
    country: address?.country && address.country.length === 2 ? address.country : null,
    // Coordinates that cannot be on Earth are left out, not the service.
    latitude: onEarth ? physical!.latitude! : null,
    longitude: onEarth ? physical!.longitude! : null,
    intakeScreening: kind === 'group_therapy',
    attendanceTracked: kind === 'group_therapy',
  };
  // The editor's own rules: lengths, values, and the attributes that go together.
  const checked = groupAttributes.omit({ topicIds: true, facilitatorIds: true }).safeParse(columns);
  if (!checked.success) return checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  const normalized = normalizeColumns(checked.data);
  const issues = attributeIssues(normalized);
  if (issues.length) return issues.map((i) => `${i.path}: ${i.message}`).join('; ');

  const todayLocal = DateTime.fromJSDate(today, { zone }).toISODate()!;
  const rules: StoredRule[] = [];
  for (const [n, sched] of (s.schedules ?? []).entries()) {
    const rule = ruleOf(sched, todayLocal);
    if (typeof rule === 'string') return `schedules.${n}: ${rule}`;
    if (!rules.some((r) => r.rrule === rule.rrule && r.startsLocal === rule.startsLocal && r.durationMinutes === rule.durationMinutes)) rules.push(rule);
  }
  return {
    groupId: uuidv5(`${options.organizationId}/${s.id}`, IMPORT_NAMESPACE),
    sourceId: s.id,
    columns: normalized,
    topicSlugs: (s.attributes ?? []).flatMap((a) => (a.taxonomy_term?.taxonomy === TOPIC_TAXONOMY && a.taxonomy_term.code ? [a.taxonomy_term.code] : [])),
    schedules: rules,
  };
}

/** Which record, as a report names it. */
function recordName(raw: unknown, index: number): string {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const name = typeof o.name === 'string' ? ` “${o.name.slice(0, 60)}”` : '';
  const id = typeof o.id === 'string' ? ` ${o.id.slice(0, 40)}` : '';
  return `#${index + 1}${id}${name}`;
}

/**
 * Imports services into an organization as draft groups. `progress` is told each record as it is
 * read and as it is written. `dryRun` writes nothing and reports what would be created. Throws on
 * a database failure, having written nothing.
 */
export async function importHsds({
  ctx,
  options,
  records,
  progress,
  dryRun = false,
}: {
  ctx: Context;
  options: ImportHsdsOptions;
  records: unknown[];
  progress?: (step: 'read' | 'write', done: number, total: number) => void;
  dryRun?: boolean;
}): Promise<ImportReport> {
  const o = importHsdsOptions.parse(options);
  const rejected: RejectedRecord[] = [];
  const planned: PlannedGroup[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of records.entries()) {
    const plan = planRecord(raw, o, ctx.now);
    if (typeof plan === 'string') rejected.push({ record: recordName(raw, i), reason: plan });
    else if (seen.has(plan.groupId)) rejected.push({ record: recordName(raw, i), reason: 'the same service id appears earlier in the file' });
    else {
      seen.add(plan.groupId);
      planned.push(plan);
    }
    progress?.('read', i + 1, records.length);
  }
  const existing = new Set<string>();
  for (let i = 0; i < planned.length; i += 1000) {
    const ids = planned.slice(i, i + 1000).map((p) => p.groupId);
    for (const row of await ctx.db.select({ id: groups.id }).from(groups).where(inArray(groups.id, ids))) existing.add(row.id);
  }
  const fresh = planned.filter((p) => !existing.has(p.groupId));
  // A dry run says what would be created.
  if (dryRun || fresh.length === 0) return { created: fresh.length, unchanged: planned.length - fresh.length, rejected };

  const slugs = [...new Set(fresh.flatMap((p) => p.topicSlugs))];
  const topicIds = new Map((slugs.length ? await ctx.db.select({ id: topics.id, slug: topics.slug }).from(topics).where(inArray(topics.slug, slugs)) : []).map((t) => [t.slug, t.id]));
  await withTransaction(ctx, async (tx) => {
    for (const [n, p] of fresh.entries()) {
      const { slug, slugFr } = await freshSlugs(tx, p.columns.titleEn, p.columns.titleFr);
      await tx.db.insert(groups).values({ ...p.columns, id: p.groupId, slug, slugFr, organizationId: o.organizationId, status: 'draft', createdAt: tx.now, updatedAt: tx.now });
      const topicRows = p.topicSlugs.flatMap((s) => (topicIds.has(s) ? [{ groupId: p.groupId, topicId: topicIds.get(s)! }] : []));
      if (topicRows.length) await tx.db.insert(groupTopics).values(topicRows).onConflictDoNothing();
      if (p.schedules.length) {
        await tx.db.insert(schedules).values(p.schedules.map((r) => ({ groupId: p.groupId, ...r, createdAt: tx.now, updatedAt: tx.now })));
        await syncSessions(tx, p.groupId, { refreshSearch: false });
      }
      await audit(tx, {
        organizationId: o.organizationId,
        action: 'group.imported',
        entityType: 'group',
        entityId: p.groupId,
        data: { format: 'hsds', sourceId: p.sourceId, schedules: p.schedules.length },
      });
      progress?.('write', n + 1, fresh.length);
    }
  });
  return { created: fresh.length, unchanged: planned.length - fresh.length, rejected };
}
