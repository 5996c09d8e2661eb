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
// Factories that change what search sees of a group refresh its search row, as core writes do.

const unique = () => randomBytes(4).toString('hex');

type Insert<T extends Parameters<Database['insert']>[0]> = InferInsertModel<T>;

export async function createOrganization(db: Database, overrides: Partial<Insert<typeof organizations>> = {}) {
  const u = unique();
  const [row] = await db
    .insert(organizations)
    .values({ slug: `org-${u}`, nameEn: `Organization ${u}`, nameFr: `Organisme ${u}`, ...overrides })
    .returning();
  return row!;
}

/** An organizer account row (no password: tests of core actions act as `{ type: 'user', userId }`). */
export async function createUser(db: Database, overrides: Partial<Insert<typeof users>> = {}) {
  const u = unique();
  const [row] = await db
    .insert(users)
    .values({ id: `user-${u}`, email: `user-${u}@example.org`, name: `User ${u}`, emailVerified: true, ...overrides })
    .returning();
  return row!;
}

/** Makes a user a member of an organization with a role. */
export async function addMember(db: Database, organizationId: string, userId: string, role: MemberRole) {
  const [row] = await db.insert(organizationMembers).values({ organizationId, userId, role }).returning();
  return row!;
}

/** A user who is `role` in a new organization (or the one given). */
export async function createMember(db: Database, role: MemberRole, organizationId?: string) {
  const orgId = organizationId ?? (await createOrganization(db)).id;
  const user = await createUser(db);
  await addMember(db, orgId, user.id, role);
  return { user, organizationId: orgId };
}

export async function createGroup(
  db: Database,
  overrides: Partial<Insert<typeof groups>> = {},
): Promise<InferSelectModel<typeof groups>> {
  const u = unique();
  const organizationId = overrides.organizationId ?? (await createOrganization(db)).id;
  const format = overrides.format ?? 'drop_in';
  const kind = overrides.kind ?? 'support_group';
  const [row] = await db
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
      publishedAt: new Date(),
      ...overrides,
    })
    .returning();
  await refreshGroupSearch(db, [row!.id]);
  return row!;
}

export async function createSession(
  db: Database,
  overrides: Partial<Insert<typeof sessions>> & { groupId: string; startsAt: Date },
) {
  const [row] = await db
    .insert(sessions)
    .values({ endsAt: new Date(overrides.startsAt.getTime() + 90 * 60_000), ...overrides })
    .returning();
  await refreshGroupSearch(db, [overrides.groupId]);
  return row!;
}

export async function createFacilitator(db: Database, overrides: Partial<Insert<typeof facilitators>> = {}) {
  const u = unique();
  const [row] = await db
    .insert(facilitators)
    .values({ displayName: `Facilitator ${u}`, leadership: 'peer', ...overrides })
    .returning();
  return row!;
}

export async function addFacilitator(db: Database, groupId: string, facilitatorId: string, position = 0) {
  await db.insert(groupFacilitators).values({ groupId, facilitatorId, position });
  await refreshGroupSearch(db, [groupId]);
}

export async function createCohort(
  db: Database,
  overrides: Partial<Insert<typeof cohorts>> & { groupId: string; startsOn: string; endsOn: string },
  moduleTitles: string[] = [],
) {
  const [row] = await db
    .insert(cohorts)
    .values({ sessionCount: Math.max(1, moduleTitles.length), ...overrides })
    .returning();
  if (moduleTitles.length) {
    await db
      .insert(modules)
      .values(moduleTitles.map((title, i) => ({ cohortId: row!.id, position: i + 1, titleEn: title })));
  }
  await refreshGroupSearch(db, [overrides.groupId]);
  return row!;
}

export async function createTopic(db: Database, overrides: Partial<Insert<typeof topics>> = {}) {
  const u = unique();
  const [row] = await db
    .insert(topics)
    .values({ slug: `topic-${u}`, labelEn: `Topic ${u}`, labelFr: `Sujet ${u}`, ...overrides })
    .returning();
  return row!;
}

export async function tagGroup(db: Database, groupId: string, topicId: string) {
  await db.insert(groupTopics).values({ groupId, topicId });
  await refreshGroupSearch(db, [groupId]);
}

export async function createParticipant(db: Database, overrides: Partial<Insert<typeof participants>> = {}) {
  const [row] = await db
    .insert(participants)
    .values({ email: `person-${unique()}@example.org`, ...overrides })
    .returning();
  return row!;
}

export async function register(
  db: Database,
  sessionId: string,
  status: 'confirmed' | 'waitlisted' | 'cancelled',
  waitlistPosition: number | null = null,
) {
  const p = await createParticipant(db);
  const [row] = await db
    .insert(registrations)
    .values({ sessionId, participantId: p.id, status, waitlistPosition, displayName: 'Sam', consentAt: new Date() })
    .returning();
  return row!;
}

/** A drop-in session open for sign-up: in the future, beyond the group's cutoff. */
export async function createOpenSession(
  db: Database,
  now: Date,
  group: Partial<Insert<typeof groups>> = {},
  session: Partial<Insert<typeof sessions>> = {},
) {
  const g = await createGroup(db, { signupCutoffMinutes: 0, ...group });
  const s = await createSession(db, { groupId: g.id, startsAt: new Date(now.getTime() + 7 * 86_400_000), ...session });
  return { group: g, session: s };
}

// --- listing (group page, calendars) ---

export async function createSchedule(
  db: Database,
  overrides: Partial<Insert<typeof schedules>> & { groupId: string; rrule: string; startsLocal: string },
) {
  const [row] = await db
    .insert(schedules)
    .values({ durationMinutes: 90, ...overrides })
    .returning();
  return row!;
}
