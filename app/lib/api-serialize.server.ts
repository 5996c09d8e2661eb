import type { AccessibilityFeature } from '../../db/schema/values';
import type { PublicGroup, PublicGroupSummary } from '../../core/groups';
import type { GroupSearchHit } from '../../core/search';
import type { GroupJson, GroupSearchHitJson, GroupSummaryJson } from './api-schemas.server';

// The JSON API speaks snake_case and ISO 8601. Only public fields reach it: the core types have
// no online link, and these mappers list every field explicitly. Their types come from the
// schemas of the API's answers (api-schemas.server.ts), from which its OpenAPI document is made.

export function groupSummaryJson(g: PublicGroupSummary): GroupSummaryJson {
  return {
    id: g.id,
    slug: g.slugs.en,
    slugs: g.slugs,
    title: g.title,
    summary: g.summary,
    kind: g.kind,
    leadership: g.leadership,
    format: g.format,
    drop_in_style: g.dropInStyle,
    delivery: g.delivery,
    workshop_activity: g.workshopActivity,
    city: g.city,
    province: g.province,
    languages: g.languages,
    cost: {
      type: g.cost.type,
      amount_cents: g.cost.amountCents,
      currency: g.cost.currency,
      per: g.cost.per,
      suggested_donation_cents: g.cost.suggestedDonationCents,
      insurance_receipts: g.cost.insuranceReceipts,
      covered_by: g.cost.coveredBy,
    },
    time_zone: g.timeZone,
    next_session_at: g.nextSessionAt?.toISOString() ?? null,
    next_cohort_starts_on: g.nextCohortStartsOn,
    organization: g.organization,
  };
}

/** A search result: the summary and its distance from the place searched near (km, or null). */
export function groupSearchHitJson(g: GroupSearchHit): GroupSearchHitJson {
  return { ...groupSummaryJson(g), distance_km: g.distanceKm };
}

export function groupJson(g: PublicGroup): GroupJson {
  return {
    ...groupSummaryJson(g),
    description: g.description,
    what_to_expect: g.whatToExpect,
    eligibility: g.eligibility,
    treatment_focus: g.treatmentFocus,
    audience: g.audience,
    materials: g.materials,
    rules: g.rules,
    reach: g.reach,
    regions: g.regions,
    age_min: g.ageMin,
    age_max: g.ageMax,
    gender: g.gender,
    faith: g.faith,
    accessibility: g.accessibility as AccessibilityFeature[],
    camera_optional: g.cameraOptional,
    no_need_to_talk: g.noNeedToTalk,
    max_size: g.maxSize,
    intake_screening: g.intakeScreening,
    signup_cutoff_minutes: g.signupCutoffMinutes,
    venue: g.venue && {
      name: g.venue.name,
      street: g.venue.street,
      city: g.venue.city,
      province: g.venue.province,
      postal_code: g.venue.postalCode,
      country: g.venue.country,
      latitude: g.venue.latitude,
      longitude: g.venue.longitude,
    },
    contact: g.contact,
    topics: g.topics.map((t) => ({ slug: t.slug, label: t.label, parent: t.parentSlug })),
    facilitators: g.facilitators.map((f) => ({
      id: f.id,
      name: f.name,
      leadership: f.leadership,
      credentials: f.credentials,
      licence_verified: f.licence != null,
      licence: f.licence,
    })),
    sessions: g.sessions.map((s) => ({
      id: s.id,
      starts_at: s.startsAt.toISOString(),
      ends_at: s.endsAt.toISOString(),
      status: s.status,
      status_reason: s.statusReason,
      topic: s.topic,
      speaker: s.speaker,
      capacity: s.capacity,
      seats_left: s.seatsLeft,
      waitlist_length: s.waitlistLength,
      cohort_id: s.cohortId,
      signup_open: s.signupOpen,
    })),
    cohorts: g.cohorts.map((c) => ({
      id: c.id,
      starts_on: c.startsOn,
      ends_on: c.endsOn,
      session_count: c.sessionCount,
      status: c.status,
      capacity: c.capacity,
      accepted: c.accepted,
      minimum: c.minimum,
      late_join_until_session: c.lateJoinUntilSession,
      modules: c.modules.map((m) => ({ position: m.position, title: m.title, summary: m.summary })),
    })),
    schedules: g.schedules.map((s) => ({
      id: s.id,
      rrule: s.rrule,
      starts_local: s.startsLocal,
      duration_minutes: s.durationMinutes,
      until_local: s.untilLocal,
      exceptions_local: s.exceptionsLocal,
    })),
    published_at: g.publishedAt?.toISOString() ?? null,
  };
}
