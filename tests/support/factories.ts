import { randomBytes } from 'node:crypto';
import type { InferInsertModel, InferSelectModel } from 'drizzle-orm';
import type { Database } from '../../db/client';
import {
  organizations,
  groups,
  sessions,
  facilitators,
  groupFacilitators,
  cohorts,
  modules,
  topics,
  groupTopics,
  participants,
  registrations,
  schedules,
  users,
  organizationMembers,
  type MemberRole,
} from '../../db/schema';
import { refreshGroupSearch } from '../../core/search/refresh-group-search';

// Test factories: each call inserts a row with unique values; any column can be overridden.
// Factories that change what search sees of a group refresh its search row, as core writes do,
// as of the test's clock: a fixture is the database and the time the test says it is, so that no
// test depends on the day it runs.

/** Where factories write and what time it is for them (a `TestDatabase` is one). */
export interface Fixture {
  db: Database;
  now: Date;
}

const unique = () => randomBytes(4).toString('hex');

type Insert<T extends Parameters<Database['insert']>[0]> = InferInsertModel<T>;

export async function createOrganization(f: Fixture, overrides: Partial<Insert<typeof organizations>> = {}) {
  const u = unique();
  const [row] = await f.db
    .insert(organizations)
    .values({ slug: `org-${u}`, nameEn: `Organization ${u}`, nameFr: `Organisme ${u}`, createdAt: f.now, ...overrides })
    .returning();
  return row!;
}

/** An organizer account row (no password: tests of core actions act as `{ type: 'user', userId }`). */
export async function createUser(f: Fixture, overrides: Partial<Insert<typeof users>> = {}) {
  const u = unique();
  const [row] = await f.db
    .insert(users)
    .values({ id: `user-${u}`, email: `user-${u}@example.org`, name: `User ${u}`, emailVerified: true, ...overrides })
    .returning();
  return row!;
}

/** Makes a user a member of an organization with a role. */
export async function addMember(f: Fixture, organizationId: string, userId: string, role: MemberRole) {
  const [row] = await f.db.insert(organizationMembers).values({ organizationId, userId, role }).returning();
  return row!;
}

/** What makes a group an online community (rules in both languages): tests and the community benchmark start from it. */
export const ONLINE_COMMUNITY = {
  kind: 'online_community',
  format: 'ongoing',
  dropInStyle: null,
  delivery: 'online',
  street: null,
  rulesEn: 'Be kind. What is shared here stays here.',
  rulesFr: 'Soyez bienveillants. Ce qui se dit ici reste ici.',
} as const;

/** A user who is `role` in a new organization (or the one given). */
export async function createMember(f: Fixture, role: MemberRole, organizationId?: string) {
  const orgId = organizationId ?? (await createOrganization(f)).id;
  const user = await createUser(f);
  await addMember(f, orgId, user.id, role);
  return { user, organizationId: orgId };
}

export async function createGroup(
  f: Fixture,
  overrides: Partial<Insert<typeof groups>> = {},
): Promise<InferSelectModel<typeof groups>> {
  const u = unique();
  const organizationId = overrides.organizationId ?? (await createOrganization(f)).id;
  const format = overrides.format ?? 'drop_in';
  const kind = overrides.kind ?? 'support_group';
  const [row] = await f.db
    .insert(groups)
    .values({
      slug: `group-${u}`,
      organizationId,
      status: 'published',
      kind,
      leadership: kind === 'group_therapy' ? 'licensed' : 'peer',
      format,
      dropInStyle: format === 'drop_in' ? 'open_forum' : null,
      delivery: 'in_person',
      workshopActivity: kind === 'workshop' ? 'art' : null,
      titleEn: `Group ${u}`,
      titleFr: `Groupe ${u}`,
      summaryEn: `A group for testing ${u}.`,
      summaryFr: `Un groupe pour les essais ${u}.`,
      timeZone: 'America/Toronto',
      city: 'Ottawa',
      province: 'ON',
      country: 'CA',
      street: '1 Test Street',
      publishedAt: f.now,
      ...overrides,
    })
    .returning();
  await refreshGroupSearch(f.db, [row!.id], f.now);
  return row!;
}

export async function createSession(
  f: Fixture,
  overrides: Partial<Insert<typeof sessions>> & { groupId: string; startsAt: Date },
) {
  const [row] = await f.db
    .insert(sessions)
    .values({ endsAt: new Date(overrides.startsAt.getTime() + 90 * 60_000), ...overrides })
    .returning();
  await refreshGroupSearch(f.db, [overrides.groupId], f.now);
  return row!;
}

export async function createFacilitator(f: Fixture, overrides: Partial<Insert<typeof facilitators>> = {}) {
  const u = unique();
  const [row] = await f.db
    .insert(facilitators)
    .values({ displayName: `Facilitator ${u}`, leadership: 'peer', ...overrides })
    .returning();
  return row!;
}

export async function addFacilitator(f: Fixture, groupId: string, facilitatorId: string, position = 0) {
  await f.db.insert(groupFacilitators).values({ groupId, facilitatorId, position });
  await refreshGroupSearch(f.db, [groupId], f.now);
}

export async function createCohort(
  f: Fixture,
  overrides: Partial<Insert<typeof cohorts>> & { groupId: string; startsOn: string; endsOn: string },
  moduleTitles: string[] = [],
) {
  const [row] = await f.db
    .insert(cohorts)
    .values({ sessionCount: Math.max(1, moduleTitles.length), ...overrides })
    .returning();
  if (moduleTitles.length) {
    await f.db
      .insert(modules)
      .values(moduleTitles.map((title, i) => ({ cohortId: row!.id, position: i + 1, titleEn: title })));
  }
  await refreshGroupSearch(f.db, [overrides.groupId], f.now);
  return row!;
}

export async function createTopic(f: Fixture, overrides: Partial<Insert<typeof topics>> = {}) {
  const u = unique();
  const [row] = await f.db
    .insert(topics)
    .values({ slug: `topic-${u}`, labelEn: `Topic ${u}`, labelFr: `Sujet ${u}`, ...overrides })
    .returning();
  return row!;
}

export async function tagGroup(f: Fixture, groupId: string, topicId: string) {
  await f.db.insert(groupTopics).values({ groupId, topicId });
  await refreshGroupSearch(f.db, [groupId], f.now);
}

export async function createParticipant(f: Fixture, overrides: Partial<Insert<typeof participants>> = {}) {
  const [row] = await f.db
    .insert(participants)
    .values({ email: `person-${unique()}@example.org`, ...overrides })
    .returning();
  return row!;
}

/** A person whose address was proven before (decision 0010): their next sign-ups are not held. */
export async function proveEmail(f: Fixture, email: string) {
  const [row] = await f.db
    .insert(participants)
    .values({ email: email.trim().toLowerCase(), emailConfirmedAt: f.now })
    .onConflictDoUpdate({ target: participants.email, set: { emailConfirmedAt: f.now } })
    .returning();
  return row!;
}

export async function register(
  f: Fixture,
  sessionId: string,
  status: 'confirmed' | 'waitlisted' | 'cancelled',
  waitlistPosition: number | null = null,
) {
  const p = await createParticipant(f);
  const [row] = await f.db
    .insert(registrations)
    .values({ sessionId, participantId: p.id, status, waitlistPosition, displayName: 'Sam', consentAt: f.now })
    .returning();
  return row!;
}

/** A drop-in session open for sign-up: a week after the fixture's clock, with no cutoff. */
export async function createOpenSession(
  f: Fixture,
  group: Partial<Insert<typeof groups>> = {},
  session: Partial<Insert<typeof sessions>> = {},
) {
  const g = await createGroup(f, { signupCutoffMinutes: 0, ...group });
  const s = await createSession(f, { groupId: g.id, startsAt: new Date(f.now.getTime() + 7 * 86_400_000), ...session });
  return { group: g, session: s };
}

// --- listing (group page, calendars) ---

export async function createSchedule(
  f: Fixture,
  overrides: Partial<Insert<typeof schedules>> & { groupId: string; rrule: string; startsLocal: string },
) {
  const [row] = await f.db
    .insert(schedules)
    .values({ durationMinutes: 90, ...overrides })
    .returning();
  return row!;
}

/**
 * A fixture on the real clock, for data that a running server (end-to-end tests, benchmarks) reads
 * as of its own wall-clock time.
 */
export function atWallClock(db: Database): Fixture {
  return { db, now: new Date() };
}
