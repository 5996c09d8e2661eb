import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { inArray } from 'drizzle-orm';
import type { Database } from '../client';
import {
  organizations,
  facilitators,
  groups,
  groupTopics,
  groupFacilitators,
  schedules,
  cohorts,
  modules,
  sessions,
  intakeQuestions,
  topics,
  type ChoiceOption,
} from '../schema';
import { expandSchedule, type Occurrence } from '../../core/schedules/expand-schedule';
import { seedTopics } from './topics';
import { seedDemoCommunities } from './demo-communities';
import { refreshGroupSearch } from '../../core/search/refresh-group-search';
import { slugBase } from '../../core/groups/slugs';
import { FACILITATORS, ORGANIZATIONS, VENUES } from './demo/organizations';
import { OTTAWA_GROUPS } from './demo/groups-ottawa';
import { GATINEAU_GROUPS } from './demo/groups-gatineau';
import { MONTREAL_GROUPS } from './demo/groups-montreal';
import { TORONTO_GROUPS } from './demo/groups-toronto';
import { ONLINE_GROUPS } from './demo/groups-online';
import type { CohortPlan, DropInPlan, FacilitatorKey, GroupDef, OrgKey, Txt, Weekday } from './demo/types';

/** Every demo group, hand-written (see ./demo/). */
export const DEMO_GROUPS: readonly GroupDef[] = [
  ...OTTAWA_GROUPS,
  ...GATINEAU_GROUPS,
  ...MONTREAL_GROUPS,
  ...TORONTO_GROUPS,
  ...ONLINE_GROUPS,
];

/** Drop-in sessions are generated for [now, now + this many days). */
export const DEMO_SESSION_WINDOW_DAYS = 56;

type OrganizationRow = typeof organizations.$inferInsert;
type FacilitatorRow = typeof facilitators.$inferInsert;
type GroupRow = typeof groups.$inferInsert;
type ScheduleRow = typeof schedules.$inferInsert;
type CohortRow = typeof cohorts.$inferInsert;
type ModuleRow = typeof modules.$inferInsert;
type SessionRow = typeof sessions.$inferInsert;
type QuestionRow = typeof intakeQuestions.$inferInsert;

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEKDAY: Record<Weekday, number> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 7 };

const en = (t: Txt | undefined): string | null => t?.en ?? null;
const fr = (t: Txt | undefined): string | null => t?.fr ?? null;

/** A small deterministic hash (FNV-1a), for stable variations such as publication dates. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function meetingUrl(slug: string): string {
  return `https://meet.example.org/${hash(slug).toString(36)}-${hash(`${slug}#room`).toString(36).slice(0, 4)}`;
}

/** `2026-03-10T19:00` (an occurrence's local time) → `2026-03-10 19:00:00` (a timestamp column). */
function dbLocal(local: string): string {
  return `${local.replace('T', ' ')}:00`;
}

function hourMinute(time: string): { hour: number; minute: number } {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new Error(`demo data: bad time ${time}`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

function groupZone(def: GroupDef): string {
  if (def.venue) return VENUES[def.venue].timeZone;
  return def.timeZone ?? 'America/Toronto';
}

/** Checks the hand-written definitions before touching the database, with readable messages. */
function validate(defs: readonly GroupDef[], topicSlugs: Set<string>): void {
  const slugs = new Set<string>();
  const facilitatorByKey = new Map(FACILITATORS.map((f) => [f.key, f]));
  for (const def of defs) {
    const where = `demo group ${def.slug}`;
    if (slugs.has(def.slug)) throw new Error(`${where}: duplicate slug`);
    slugs.add(def.slug);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(def.slug)) throw new Error(`${where}: slug is not readable ASCII`);
    if ((def.delivery === 'online') !== (def.venue === undefined)) throw new Error(`${where}: venue must match delivery`);
    if ((def.format === 'drop_in') !== (def.dropIn !== undefined)) throw new Error(`${where}: drop-in plan must match format`);
    if ((def.format === 'closed') !== (def.closed !== undefined)) throw new Error(`${where}: cohort plan must match format`);
    if ((def.format === 'drop_in') !== (def.style !== undefined)) throw new Error(`${where}: style must match format`);
    if (def.closed && def.closed.cohorts.some((c) => c.inDays < 7 || c.inDays > 35)) {
      throw new Error(`${where}: cohorts must start within 1 to 6 weeks`);
    }
    if (def.closed && (def.closed.modules.length < 6 || def.closed.modules.length > 10)) {
      throw new Error(`${where}: 6 to 10 modules expected`);
    }
    for (const slug of def.topics) if (!topicSlugs.has(slug)) throw new Error(`${where}: unknown topic ${slug}`);
    if (def.facilitators.length === 0) throw new Error(`${where}: no facilitator`);
    for (const key of def.facilitators) if (!facilitatorByKey.has(key)) throw new Error(`${where}: unknown facilitator ${key}`);
    if (def.kind === 'group_therapy') {
      const lead = facilitatorByKey.get(def.facilitators[0] as FacilitatorKey);
      if (lead?.leadership !== 'licensed' || lead.licence?.status !== 'verified') {
        throw new Error(`${where}: group therapy must be led by a facilitator with a verified licence`);
      }
    }
    if (def.style === 'topic' && !def.dropIn?.topics?.length) throw new Error(`${where}: topic drop-in without topics`);
    if (def.style === 'speaker' && !def.dropIn?.speakers?.length) throw new Error(`${where}: speaker drop-in without speakers`);
  }
}

/**
 * The French address of each demo group with a French title: its title as a slug, made unique
 * among every demo address by a number when two titles read the same.
 */
function demoFrenchSlugs(defs: readonly GroupDef[]): Map<string, string> {
  const taken = new Set(defs.map((d) => d.slug));
  const out = new Map<string, string>();
  for (const def of defs) {
    const title = fr(def.title);
    if (!title) continue;
    const base = slugBase(title, 'groupe');
    if (base === def.slug) continue;
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    out.set(def.slug, slug);
  }
  return out;
}

interface Built {
  groups: GroupRow[];
  groupTopics: (typeof groupTopics.$inferInsert)[];
  groupFacilitators: (typeof groupFacilitators.$inferInsert)[];
  schedules: ScheduleRow[];
  cohorts: CohortRow[];
  modules: ModuleRow[];
  sessions: SessionRow[];
  questions: QuestionRow[];
}

function dropInSessions(plan: DropInPlan, groupId: string, zone: string, now: Date, out: Built): void {
  const windowEnd = new Date(now.getTime() + DEMO_SESSION_WINDOW_DAYS * DAY_MS);
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  // The schedule began a couple of months ago (its first occurrence is `startsLocal`); only the
  // coming weeks are materialized.
  const since = `${today.minus({ days: 63 }).toFormat('yyyy-MM-dd')} ${plan.time}:00`;
  const sinceInput = { rrule: plan.rrule, startsLocal: since, durationMinutes: plan.minutes, timeZone: zone };
  const firstSince = DateTime.fromSQL(since, { zone }).toJSDate();
  const [first] = expandSchedule(sinceInput, { from: firstSince, to: new Date(firstSince.getTime() + 62 * DAY_MS) });
  if (!first) throw new Error(`demo schedule ${plan.rrule}: no occurrence in two months`);
  const startsLocal = dbLocal(first.local);
  const input = { rrule: plan.rrule, startsLocal, durationMinutes: plan.minutes, timeZone: zone };
  const window = { from: now, to: windowEnd };

  let exceptionsLocal: string[] = [];
  let occurrences: Occurrence[] = expandSchedule(input, window);
  const skipped = plan.skipIndex === undefined ? undefined : occurrences[plan.skipIndex];
  if (skipped) {
    exceptionsLocal = [dbLocal(skipped.local)];
    occurrences = expandSchedule({ ...input, exceptionsLocal }, window);
  }

  const scheduleId = randomUUID();
  out.schedules.push({ id: scheduleId, groupId, rrule: plan.rrule, startsLocal, durationMinutes: plan.minutes, exceptionsLocal });

  occurrences.forEach((occ, i) => {
    const row: SessionRow = {
      id: randomUUID(),
      groupId,
      scheduleId,
      startsAt: occ.startsAt,
      endsAt: occ.endsAt,
      capacity: plan.capacities?.[i] ?? null,
    };
    const topic = plan.topics?.[i % plan.topics.length];
    if (topic) {
      row.topicEn = en(topic);
      row.topicFr = fr(topic);
    }
    const speaker = plan.speakers?.[i % plan.speakers.length];
    if (speaker) {
      row.speakerName = speaker.name;
      row.speakerBioEn = en(speaker.bio);
      row.speakerBioFr = fr(speaker.bio);
    }
    if (plan.alternateLanguages) row.languages = plan.alternateLanguages[i % 2];

    const override = plan.overrides?.find((o) => o.index === i);
    if (override?.status === 'postponed') {
      const start = DateTime.fromJSDate(occ.startsAt, { zone }).plus({ days: override.shiftDays });
      const end = DateTime.fromJSDate(occ.endsAt, { zone }).plus({ days: override.shiftDays });
      // Only when the new time still falls in the window (it always does for the shipped data).
      if (start.toJSDate() > now && start.toJSDate() < windowEnd) {
        row.status = 'postponed';
        row.statusReason = override.reason;
        row.originalStartsAt = occ.startsAt;
        row.startsAt = start.toJSDate();
        row.endsAt = end.toJSDate();
      }
    } else if (override) {
      row.status = override.status;
      row.statusReason = override.reason;
    }
    out.sessions.push(row);
  });

  if (plan.extra) {
    const { hour, minute } = hourMinute(plan.extra.time);
    const start = today.plus({ days: plan.extra.inDays }).set({ hour, minute });
    out.sessions.push({
      id: randomUUID(),
      groupId,
      startsAt: start.toJSDate(),
      endsAt: start.plus({ minutes: plan.extra.minutes }).toJSDate(),
      isExtra: true,
      topicEn: en(plan.extra.topic),
      topicFr: fr(plan.extra.topic),
    });
  }
}

function cohortSessions(def: GroupDef, plan: CohortPlan, groupId: string, zone: string, now: Date, out: Built): void {
  const moduleDefs = def.closed?.modules ?? [];
  const count = moduleDefs.length;
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  let first = today.plus({ days: plan.inDays });
  while (first.weekday !== WEEKDAY[plan.day]) first = first.plus({ days: 1 });
  const { hour, minute } = hourMinute(plan.time);
  const firstStart = first.set({ hour, minute });

  const interval = plan.interval && plan.interval > 1 ? `INTERVAL=${plan.interval};` : '';
  const rrule = `FREQ=WEEKLY;${interval}BYDAY=${plan.day}`;
  const startsLocal = `${first.toFormat('yyyy-MM-dd')} ${plan.time}:00`;
  const input = { rrule, startsLocal, durationMinutes: plan.minutes, timeZone: zone };
  const window = { from: firstStart.toJSDate(), to: firstStart.plus({ weeks: count * 2 + 4 }).toJSDate() };

  let exceptionsLocal: string[] = [];
  let occurrences = expandSchedule(input, window);
  const skipped = plan.skipIndex === undefined ? undefined : occurrences[plan.skipIndex];
  if (skipped) {
    exceptionsLocal = [dbLocal(skipped.local)];
    occurrences = expandSchedule({ ...input, exceptionsLocal }, window);
  }
  occurrences = occurrences.slice(0, count);
  const last = occurrences[occurrences.length - 1];
  if (occurrences.length !== count || !last) throw new Error(`demo group ${def.slug}: could not place ${count} sessions`);

  // The schedule belongs to its cohort: a group's cohorts on different days keep their own dates
  // when the worker makes sessions again (core/group-editor/materialize-sessions.ts).
  const cohortId = randomUUID();
  const scheduleId = randomUUID();
  out.schedules.push({
    id: scheduleId,
    groupId,
    cohortId,
    rrule,
    startsLocal,
    durationMinutes: plan.minutes,
    untilLocal: dbLocal(last.local),
    exceptionsLocal,
  });

  out.cohorts.push({
    id: cohortId,
    groupId,
    startsOn: first.toFormat('yyyy-MM-dd'),
    endsOn: last.local.slice(0, 10),
    sessionCount: count,
    capacity: plan.capacity,
    minimumParticipants: plan.minimum ?? null,
    decisionAt: plan.minimum ? first.minus({ days: 4 }).set({ hour: 12, minute: 0 }).toJSDate() : null,
    lateJoinUntilSession: plan.lateJoinUntilSession ?? 0,
    status: 'open',
  });

  occurrences.forEach((occ, i) => {
    const m = moduleDefs[i];
    if (!m) return;
    const moduleId = randomUUID();
    out.modules.push({
      id: moduleId,
      cohortId,
      position: i + 1,
      titleEn: en(m.title),
      titleFr: fr(m.title),
      summaryEn: en(m.summary),
      summaryFr: fr(m.summary),
    });
    out.sessions.push({
      id: randomUUID(),
      groupId,
      scheduleId,
      cohortId,
      moduleId,
      startsAt: occ.startsAt,
      endsAt: occ.endsAt,
    });
  });
}

function build(
  now: Date,
  orgIds: Map<OrgKey, string>,
  facilitatorIds: Map<FacilitatorKey, string>,
  topicIds: Map<string, string>,
): Built {
  const out: Built = {
    groups: [],
    groupTopics: [],
    groupFacilitators: [],
    schedules: [],
    cohorts: [],
    modules: [],
    sessions: [],
    questions: [],
  };
  const orgByKey = new Map(ORGANIZATIONS.map((o) => [o.key, o]));
  const frenchSlugs = demoFrenchSlugs(DEMO_GROUPS);

  for (const def of DEMO_GROUPS) {
    const id = randomUUID();
    const zone = groupZone(def);
    const venue = def.venue ? VENUES[def.venue] : undefined;
    const org = orgByKey.get(def.org);
    const organizationId = orgIds.get(def.org);
    if (!org || !organizationId) throw new Error(`demo group ${def.slug}: unknown organization ${def.org}`);
    const publishedAt = new Date(now.getTime() - (7 + (hash(def.slug) % 150)) * DAY_MS);
    const cost = def.cost;
    const needsLink = def.kind !== 'online_community' && (def.delivery !== 'in_person' || def.fallbackOnlineUrl === true);

    out.groups.push({
      id,
      slug: def.slug,
      slugFr: frenchSlugs.get(def.slug) ?? null,
      organizationId,
      status: 'published',
      kind: def.kind,
      leadership: def.leadership,
      format: def.format,
      dropInStyle: def.style ?? null,
      delivery: def.delivery,
      reach: def.regions ? 'local' : 'anywhere',
      regions: def.regions ?? [],
      costType: cost.type,
      feeCents: cost.type === 'fee' ? cost.cents : null,
      feeCurrency: cost.type === 'fee' ? cost.currency : null,
      feePer: cost.type === 'fee' ? cost.per : null,
      suggestedDonationCents: cost.type === 'pay_what_you_can' ? cost.suggestedCents : null,
      insuranceReceipts: def.insuranceReceipts ?? false,
      coveredByEn: en(def.coveredBy),
      coveredByFr: fr(def.coveredBy),
      workshopActivity: def.activity ?? null,
      noNeedToTalk: def.noNeedToTalk ?? false,
      materialsEn: en(def.materials),
      materialsFr: fr(def.materials),
      titleEn: en(def.title),
      titleFr: fr(def.title),
      summaryEn: en(def.summary),
      summaryFr: fr(def.summary),
      descriptionEn: en(def.description),
      descriptionFr: fr(def.description),
      whatToExpectEn: en(def.whatToExpect),
      whatToExpectFr: fr(def.whatToExpect),
      eligibilityEn: en(def.eligibility),
      eligibilityFr: fr(def.eligibility),
      treatmentFocusEn: en(def.treatmentFocus),
      treatmentFocusFr: fr(def.treatmentFocus),
      audienceEn: en(def.audience),
      audienceFr: fr(def.audience),
      rulesEn: en(def.rules),
      rulesFr: fr(def.rules),
      ageMin: def.ageMin ?? null,
      ageMax: def.ageMax ?? null,
      gender: def.gender ?? 'any',
      languages: def.languages,
      faith: def.faith ?? 'non_denominational',
      accessibility: def.accessibility ?? [],
      cameraOptional: def.cameraOptional ?? false,
      maxSize: def.maxSize ?? null,
      timeZone: zone,
      venueName: venue?.name ?? null,
      street: venue?.street ?? null,
      city: venue?.city ?? null,
      province: venue?.province ?? null,
      postalCode: venue?.postalCode ?? null,
      country: venue ? 'CA' : null,
      latitude: venue?.latitude ?? null,
      longitude: venue?.longitude ?? null,
      onlineUrl: needsLink ? meetingUrl(def.slug) : null,
      contactEmail: org.email,
      contactPhone: org.phone,
      signupCutoffMinutes: def.signupCutoffMinutes ?? 1440,
      sessionCapacity: def.sessionCapacity ?? null,
      intakeScreening: def.intakeScreening ?? false,
      attendanceTracked: def.attendanceTracked ?? false,
      waitlistPromotion: def.manualWaitlist ? 'manual' : 'automatic',
      autoAccept: def.autoAccept ?? false,
      callsApplicants: def.callsApplicants ?? false,
      autoApprove: def.autoApprove ?? false,
      publishedAt,
      createdAt: new Date(publishedAt.getTime() - 3 * DAY_MS),
      updatedAt: publishedAt,
    });

    for (const slug of new Set(def.topics)) {
      const topicId = topicIds.get(slug);
      if (!topicId) throw new Error(`demo group ${def.slug}: topic ${slug} is missing`);
      out.groupTopics.push({ groupId: id, topicId });
    }
    def.facilitators.forEach((key, position) => {
      const facilitatorId = facilitatorIds.get(key);
      if (!facilitatorId) throw new Error(`demo group ${def.slug}: facilitator ${key} is missing`);
      out.groupFacilitators.push({ groupId: id, facilitatorId, position });
    });

    if (def.dropIn) dropInSessions(def.dropIn, id, zone, now, out);
    for (const plan of def.closed?.cohorts ?? []) cohortSessions(def, plan, id, zone, now, out);

    (def.questions ?? []).forEach((q, i) => {
      const options: ChoiceOption[] =
        q.type === 'choice' ? q.options.map((o) => ({ value: o.value, labelEn: en(o.label), labelFr: fr(o.label) })) : [];
      out.questions.push({
        groupId: id,
        position: i + 1,
        type: q.type,
        labelEn: en(q.label),
        labelFr: fr(q.label),
        options,
        required: q.required ?? false,
      });
    });
  }
  return out;
}

async function insertInChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Inserts the demo organizations, facilitators and about sixty published groups (with their
 * topics, schedules, cohorts, modules, sessions and intake questions) in one transaction. Every
 * date is computed from `options.now`: sessions fall in the coming weeks, cohorts start within
 * one to six weeks. Also makes sure the topic taxonomy exists. Meant for an empty database: the
 * organization and group slugs are unique, so running it twice fails (use seedIfEmpty).
 */
export async function seedDemoData(db: Database, options: { now: Date }): Promise<void> {
  const now = options.now;
  if (Number.isNaN(now.getTime())) throw new Error('seedDemoData: invalid `now`');

  await db.transaction(async (tx) => {
    await seedTopics(tx);
    const neededTopics = [...new Set(DEMO_GROUPS.flatMap((g) => g.topics))];
    const topicRows = await tx
      .select({ id: topics.id, slug: topics.slug })
      .from(topics)
      .where(inArray(topics.slug, neededTopics));
    const topicIds = new Map(topicRows.map((t) => [t.slug, t.id]));
    validate(DEMO_GROUPS, new Set(topicIds.keys()));

    const orgIds = new Map<OrgKey, string>();
    const orgRows: OrganizationRow[] = ORGANIZATIONS.map((o) => {
      const id = randomUUID();
      orgIds.set(o.key, id);
      return {
        id,
        slug: o.slug,
        nameEn: o.nameEn,
        nameFr: o.nameFr,
        descriptionEn: o.descriptionEn,
        descriptionFr: o.descriptionFr,
        website: o.website,
        email: o.email,
        phone: o.phone,
        city: o.city,
        region: o.region,
        verification: 'verified',
        createdAt: new Date(now.getTime() - 400 * DAY_MS),
      };
    });
    await tx.insert(organizations).values(orgRows);

    const facilitatorIds = new Map<FacilitatorKey, string>();
    const facilitatorRows: FacilitatorRow[] = FACILITATORS.map((f) => {
      const id = randomUUID();
      facilitatorIds.set(f.key, id);
      const organizationId = orgIds.get(f.org);
      if (!organizationId) throw new Error(`demo facilitator ${f.key}: unknown organization ${f.org}`);
      const reviewed = f.licence?.status === 'verified';
      return {
        id,
        organizationId,
        displayName: f.displayName,
        leadership: f.leadership,
        credentialsEn: en(f.credentials),
        credentialsFr: fr(f.credentials),
        bioEn: en(f.bio),
        bioFr: fr(f.bio),
        licenceNumber: f.licence?.number ?? null,
        licenceBody: f.licence?.body ?? null,
        licenceJurisdiction: f.licence?.jurisdiction ?? null,
        licenceStatus: f.licence?.status ?? 'unverified',
        licenceReviewedAt: reviewed ? new Date(now.getTime() - (f.licence?.reviewedDaysAgo ?? 30) * DAY_MS) : null,
        licenceReviewNote: reviewed ? (f.licence?.note ?? null) : null,
      };
    });
    await tx.insert(facilitators).values(facilitatorRows);

    const built = build(now, orgIds, facilitatorIds, topicIds);
    await insertInChunks(built.groups, 20, (chunk) => tx.insert(groups).values(chunk));
    await insertInChunks(built.groupTopics, 200, (chunk) => tx.insert(groupTopics).values(chunk));
    await insertInChunks(built.groupFacilitators, 200, (chunk) => tx.insert(groupFacilitators).values(chunk));
    // Cohorts first: a cohort's schedule refers to it.
    await insertInChunks(built.cohorts, 100, (chunk) => tx.insert(cohorts).values(chunk));
    await insertInChunks(built.schedules, 100, (chunk) => tx.insert(schedules).values(chunk));
    await insertInChunks(built.modules, 200, (chunk) => tx.insert(modules).values(chunk));
    await insertInChunks(built.sessions, 200, (chunk) => tx.insert(sessions).values(chunk));
    await insertInChunks(built.questions, 100, (chunk) => tx.insert(intakeQuestions).values(chunk));
    // The online communities: their members and what they wrote.
    await seedDemoCommunities(tx, now);
    // Search reads its own rows (core/search): build them for every demo group.
    await refreshGroupSearch(tx, 'all', now);
  });
}
