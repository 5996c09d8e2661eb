import { and, asc, eq, gte, inArray, ne, or, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  groups,
  organizations,
  facilitators,
  groupFacilitators,
  topics,
  groupTopics,
  sessions,
  cohorts,
  modules,
  schedules,
} from '../../db/schema';
import { parseInput, type Context } from '../context';
import { NotFound } from '../errors';
import { bilingual, isUuid, type Bilingual } from '../text';
import { publicSummary, type PublicGroupSummary } from './public-group';
import { signupWindow, type SignupClosedReason } from '../registrations/signup-window';
import { groupSlugIs } from './slugs';


/** The most sessions a group's page lists (a closed group lists all of its cohorts' up to this). */
const MAX_SESSIONS = 200;

export const getGroupInput = z.object({
  /** The group's id (uuid) or slug. */
  ref: z.string().trim().min(1).max(200),
  /** How many upcoming sessions to include. */
  sessionLimit: z.number().int().min(0).max(MAX_SESSIONS).default(12),
});

export interface PublicFacilitator {
  id: string;
  name: string;
  leadership: string;
  credentials: Bilingual;
  bio: Bilingual;
  /** Only a licence an administrator verified is shown. */
  licence: { body: string; jurisdiction: string; number: string } | null;
}

export interface PublicSession {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: 'scheduled' | 'cancelled' | 'postponed' | 'moved_online';
  statusReason: string | null;
  topic: Bilingual;
  speaker: { name: string; bio: Bilingual } | null;
  capacity: number | null;
  seatsLeft: number | null;
  waitlistLength: number;
  moduleId: string | null;
  cohortId: string | null;
  /** The recurring schedule this session is an occurrence of (null for extras and cohort sessions). */
  scheduleId: string | null;
  /** A postponed session's first planned start. */
  originalStartsAt: Date | null;
  /** Null = the group's languages. */
  languages: string[] | null;
  /** A drop-in session that takes sign-ups now (as of the caller's clock: before its cutoff). */
  signupOpen: boolean;
  /** Why a drop-in session does not take sign-ups (null when open, or for a cohort's session). */
  signupClosedReason: Exclude<SignupClosedReason, 'not_drop_in'> | null;
  /** When online sign-up closes (or closed) for a drop-in session. */
  signupClosesAt: Date | null;
}

/** A recurring schedule (RFC 5545 rule evaluated in the group's time zone). */
export interface PublicSchedule {
  id: string;
  rrule: string;
  /** Local wall-clock start of the first occurrence, `YYYY-MM-DDTHH:mm:ss`. */
  startsLocal: string;
  durationMinutes: number;
  untilLocal: string | null;
  exceptionsLocal: string[];
}

export interface PublicCohort {
  id: string;
  startsOn: string;
  endsOn: string;
  sessionCount: number;
  status: 'open' | 'confirmed' | 'postponed' | 'cancelled' | 'completed';
  capacity: number | null;
  accepted: number;
  minimum: number | null;
  lateJoinUntilSession: number;
  modules: { id: string; position: number; title: Bilingual; summary: Bilingual }[];
}

export interface PublicGroup extends PublicGroupSummary {
  description: Bilingual;
  whatToExpect: Bilingual;
  eligibility: Bilingual;
  treatmentFocus: Bilingual;
  audience: Bilingual;
  materials: Bilingual;
  rules: Bilingual;
  reach: 'local' | 'anywhere';
  regions: string[];
  ageMin: number | null;
  ageMax: number | null;
  gender: string;
  faith: string;
  accessibility: string[];
  cameraOptional: boolean;
  noNeedToTalk: boolean;
  maxSize: number | null;
  intakeScreening: boolean;
  signupCutoffMinutes: number;
  venue: {
    name: string | null;
    street: string | null;
    city: string | null;
    province: string | null;
    postalCode: string | null;
    country: string | null;
    latitude: number | null;
    longitude: number | null;
  } | null;
  contact: { email: string | null; phone: string | null };
  topics: { slug: string; label: Bilingual; parentSlug: string | null }[];
  facilitators: PublicFacilitator[];
  sessions: PublicSession[];
  cohorts: PublicCohort[];
  schedules: PublicSchedule[];
  publishedAt: Date | null;
}

/** A published group with everything a person needs to decide, minus anything private. */
export async function getGroup({ ctx, input }: { ctx: Context; input: z.input<typeof getGroupInput> }): Promise<PublicGroup> {
  const q = parseInput(getGroupInput, input);
  const match = isUuid(q.ref) ? or(eq(groups.id, q.ref), groupSlugIs(q.ref)) : groupSlugIs(q.ref);
  const [row] = await ctx.db
    .select({ group: groups, org: organizations })
    .from(groups)
    .innerJoin(organizations, eq(organizations.id, groups.organizationId))
    .where(and(match, eq(groups.status, 'published')))
    .limit(1);
  if (!row) throw new NotFound('group');
  const g = row.group;
  // Dates of cohorts are the group's local dates.
  const today = DateTime.fromJSDate(ctx.now, { zone: g.timeZone }).toISODate()!;

  const [facilitatorRows, topicRows, sessionRows, cohortRows, scheduleRows] = await Promise.all([
    ctx.db
      .select({ f: facilitators })
      .from(groupFacilitators)
      .innerJoin(facilitators, eq(facilitators.id, groupFacilitators.facilitatorId))
      .where(eq(groupFacilitators.groupId, g.id))
      .orderBy(asc(groupFacilitators.position), asc(facilitators.displayName)),
    ctx.db
      .select({ slug: topics.slug, labelEn: topics.labelEn, labelFr: topics.labelFr, parentId: topics.parentId })
      .from(groupTopics)
      .innerJoin(topics, eq(topics.id, groupTopics.topicId))
      .where(eq(groupTopics.groupId, g.id))
      .orderBy(asc(topics.position)),
    ctx.db
      .select({
        s: sessions,
        confirmed: sql<number>`(select count(*)::int from registrations r where r.session_id = sessions.id and r.status = 'confirmed')`,
        waiting: sql<number>`(select count(*)::int from registrations r where r.session_id = sessions.id and r.status = 'waitlisted')`,
      })
      .from(sessions)
      .where(and(eq(sessions.groupId, g.id), gte(sessions.endsAt, ctx.now)))
      .orderBy(asc(sessions.startsAt))
      // A cohort is joined whole: a closed group lists every session of its cohorts, not the first few.
      .limit(g.format === 'closed' && q.sessionLimit > 0 ? MAX_SESSIONS : q.sessionLimit),
    ctx.db
      .select({
        c: cohorts,
        accepted: sql<number>`(select count(*)::int from applications a where a.cohort_id = cohorts.id and a.status = 'accepted')`,
      })
      .from(cohorts)
      .where(and(eq(cohorts.groupId, g.id), gte(cohorts.endsOn, today), ne(cohorts.status, 'completed')))
      .orderBy(asc(cohorts.startsOn)),
    ctx.db.select().from(schedules).where(eq(schedules.groupId, g.id)).orderBy(asc(schedules.startsLocal)),
  ]);

  const parentIds = [...new Set(topicRows.map((t) => t.parentId).filter((x): x is string => x != null))];
  const parents = parentIds.length
    ? await ctx.db.select({ id: topics.id, slug: topics.slug }).from(topics).where(inArray(topics.id, parentIds))
    : [];
  const parentSlug = new Map(parents.map((p) => [p.id, p.slug]));

  const cohortIds = cohortRows.map((c) => c.c.id);
  const moduleRows = cohortIds.length
    ? await ctx.db.select().from(modules).where(inArray(modules.cohortId, cohortIds)).orderBy(asc(modules.position))
    : [];

  // A postponed session takes sign-ups for its new time; a cancelled one none (signup-window.ts).
  const signupOf = (s: { status: string; startsAt: Date }) => {
    if (g.format !== 'drop_in') return { signupOpen: false, signupClosedReason: null, signupClosesAt: null };
    const w = signupWindow(g, s, ctx.now);
    return { signupOpen: w.open, signupClosedReason: w.closedReason as PublicSession['signupClosedReason'], signupClosesAt: w.closesAt };
  };
  const nextSession = sessionRows.find((r) => r.s.status !== 'cancelled' && r.s.startsAt >= ctx.now);
  // A cohort that has begun is under way, not next.
  const nextCohort = cohortRows.find((c) => c.c.status !== 'cancelled' && c.c.startsOn >= today);

  return {
    ...publicSummary(g, {
      nextSessionAt: nextSession?.s.startsAt ?? null,
      nextCohortStartsOn: nextCohort?.c.startsOn ?? null,
      organization: row.org,
    }, ctx.locale),
    description: bilingual(g.descriptionEn, g.descriptionFr),
    whatToExpect: bilingual(g.whatToExpectEn, g.whatToExpectFr),
    eligibility: bilingual(g.eligibilityEn, g.eligibilityFr),
    treatmentFocus: bilingual(g.treatmentFocusEn, g.treatmentFocusFr),
    audience: bilingual(g.audienceEn, g.audienceFr),
    materials: bilingual(g.materialsEn, g.materialsFr),
    rules: bilingual(g.rulesEn, g.rulesFr),
    reach: g.reach,
    regions: g.regions,
    ageMin: g.ageMin,
    ageMax: g.ageMax,
    gender: g.gender,
    faith: g.faith,
    accessibility: g.accessibility,
    cameraOptional: g.cameraOptional,
    noNeedToTalk: g.noNeedToTalk,
    maxSize: g.maxSize,
    intakeScreening: g.intakeScreening,
    signupCutoffMinutes: g.signupCutoffMinutes,
    venue:
      g.delivery === 'online'
        ? null
        : {
            name: g.venueName,
            street: g.street,
            city: g.city,
            province: g.province,
            postalCode: g.postalCode,
            country: g.country,
            latitude: g.latitude,
            longitude: g.longitude,
          },
    // The group's own contact, else its organization's.
    contact: { email: g.contactEmail ?? row.org.email ?? null, phone: g.contactPhone ?? row.org.phone ?? null },
    topics: topicRows.map((t) => ({
      slug: t.slug,
      label: bilingual(t.labelEn, t.labelFr),
      parentSlug: t.parentId ? (parentSlug.get(t.parentId) ?? null) : null,
    })),
    facilitators: facilitatorRows.map(({ f }) => ({
      id: f.id,
      name: f.displayName,
      leadership: f.leadership,
      credentials: bilingual(f.credentialsEn, f.credentialsFr),
      bio: bilingual(f.bioEn, f.bioFr),
      licence:
        f.licenceStatus === 'verified' && f.licenceBody && f.licenceJurisdiction && f.licenceNumber
          ? { body: f.licenceBody, jurisdiction: f.licenceJurisdiction, number: f.licenceNumber }
          : null,
    })),
    sessions: sessionRows.map(({ s, confirmed, waiting }) => {
      const capacity = s.capacity ?? (s.cohortId ? null : g.sessionCapacity);
      return {
        id: s.id,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        status: s.status,
        statusReason: s.statusReason,
        topic: bilingual(s.topicEn, s.topicFr),
        speaker: s.speakerName ? { name: s.speakerName, bio: bilingual(s.speakerBioEn, s.speakerBioFr) } : null,
        capacity,
        seatsLeft: capacity == null ? null : Math.max(0, capacity - Number(confirmed)),
        waitlistLength: Number(waiting),
        moduleId: s.moduleId,
        cohortId: s.cohortId,
        scheduleId: s.scheduleId,
        originalStartsAt: s.originalStartsAt,
        languages: s.languages,
        ...signupOf(s),
      };
    }),
    cohorts: cohortRows.map(({ c, accepted }) => ({
      id: c.id,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      sessionCount: c.sessionCount,
      status: c.status,
      capacity: c.capacity,
      accepted: Number(accepted),
      minimum: c.minimumParticipants,
      lateJoinUntilSession: c.lateJoinUntilSession,
      modules: moduleRows
        .filter((m) => m.cohortId === c.id)
        .map((m) => ({
          id: m.id,
          position: m.position,
          title: bilingual(m.titleEn, m.titleFr),
          summary: bilingual(m.summaryEn, m.summaryFr),
        })),
    })),
    schedules: scheduleRows.map((r) => ({
      id: r.id,
      rrule: r.rrule,
      startsLocal: r.startsLocal,
      durationMinutes: r.durationMinutes,
      untilLocal: r.untilLocal,
      exceptionsLocal: r.exceptionsLocal,
    })),
    publishedAt: g.publishedAt,
  };
}
