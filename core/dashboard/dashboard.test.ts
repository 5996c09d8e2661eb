import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { addFacilitator, createCohort, createFacilitator, createGroup, createMember, createParticipant, createSession, register } from '../../tests/support/factories';
import { eq } from 'drizzle-orm';
import { applications, attendance, auditLog, organizations } from '../../db/schema';
import { createContext, type Context } from '../context';
import { getDashboard } from './get-dashboard';
import { listAuditLog, PAGE_SIZE } from '../audit/list-audit-log';
import { cancelSession } from '../running/cancel-session';

const NOW = new Date('2026-11-27T15:00:00Z'); // a Friday; its week starts Monday 2026-11-23
let t: TestDatabase;
const as = (userId: string): Context => createContext(t.db, { now: NOW, actor: { type: 'user', userId } });
const anonymous = () => createContext(t.db, { now: NOW });
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

async function orgOf(id: string) {
  return (await t.db.select().from(organizations).where(eq(organizations.id, id)))[0];
}

async function markAll(sessionId: string, statuses: ('present' | 'absent' | 'excused')[]) {
  for (const status of statuses) {
    const r = await register(t, sessionId, 'confirmed');
    await t.db.insert(attendance).values({ sessionId, participantId: r.participantId, status });
  }
}

describe('getDashboard', () => {
  it('shows the next 14 days with fill and waitlists, cohorts with applications waiting, and weekly rates', async () => {
    const owner = await createMember(t, 'owner');
    const facilitator = await createMember(t, 'facilitator', owner.organizationId);
    const org = await orgOf(owner.organizationId);
    const group = await createGroup(t, { organizationId: owner.organizationId, sessionCapacity: 2 });
    const soon = await createSession(t, { groupId: group.id, startsAt: hours(72) });
    await register(t, soon.id, 'confirmed');
    await register(t, soon.id, 'confirmed');
    await register(t, soon.id, 'waitlisted', 1);
    const unlimited = await createSession(t, { groupId: group.id, startsAt: hours(100), capacity: null });
    await createSession(t, { groupId: group.id, startsAt: hours(20 * 24) }); // beyond 14 days
    // Another organization's session in the same window stays out.
    const strangerGroup = await createGroup(t);
    await createSession(t, { groupId: strangerGroup.id, startsAt: hours(48) });

    const closed = await createGroup(t, { organizationId: owner.organizationId, format: 'closed', dropInStyle: null });
    const cohort = await createCohort(t, { groupId: closed.id, startsOn: '2026-12-08', endsOn: '2027-01-26', capacity: 8 });
    for (const status of ['applied', 'applied', 'accepted', 'waitlisted'] as const) {
      const p = await createParticipant(t);
      await t.db.insert(applications).values({
        cohortId: cohort.id, participantId: p.id, status, displayName: 'A', committedAt: NOW, consentAt: NOW,
        waitlistPosition: status === 'waitlisted' ? 1 : null,
      });
    }

    // Attendance: last week 3 present + 1 absent; this week 1 present + 1 excused.
    const lastWeek = await createSession(t, { groupId: group.id, startsAt: new Date('2026-11-18T23:00:00Z') });
    await markAll(lastWeek.id, ['present', 'present', 'present', 'absent']);
    const thisWeek = await createSession(t, { groupId: group.id, startsAt: new Date('2026-11-24T23:00:00Z') });
    await markAll(thisWeek.id, ['present', 'excused']);
    // Too old to show (13 weeks ago).
    const old = await createSession(t, { groupId: group.id, startsAt: new Date('2026-08-20T23:00:00Z') });
    await markAll(old.id, ['absent']);

    const out = await getDashboard({ ctx: as(facilitator.user.id), input: { organizationSlug: org!.slug } });
    expect(out.canViewAudit).toBe(false);
    expect(out.upcoming.map((u) => [u.sessionId, u.confirmed, u.capacity, u.waitlisted])).toEqual([
      [soon.id, 2, 2, 1],
      [unlimited.id, 0, 2, 0],
    ]);
    expect(out.cohorts).toEqual([expect.objectContaining({ cohortId: cohort.id, applied: 2, accepted: 1, waitlisted: 1, capacity: 8 })]);
    expect(out.applicationsWaiting).toBe(2);
    expect(out.weeks).toHaveLength(12);
    expect(out.weeks[0]!.week).toBe('2026-09-07');
    expect(out.weeks.at(-1)).toEqual({ week: '2026-11-23', recorded: 2, present: 1, absent: 0, attendanceRate: 0.5, noShowRate: 0 });
    expect(out.weeks.at(-2)).toEqual({ week: '2026-11-16', recorded: 4, present: 3, absent: 1, attendanceRate: 0.75, noShowRate: 0.25 });
    expect(out.weeks.slice(0, 10).every((w) => w.recorded === 0 && w.attendanceRate === null && w.noShowRate === null)).toBe(true);

    const asOwner = await getDashboard({ ctx: as(owner.user.id), input: { organizationSlug: org!.slug } });
    expect(asOwner.canViewAudit).toBe(true);
  });

  it('is for members only: a stranger gets NotFound, an anonymous visitor Forbidden', async () => {
    const owner = await createMember(t, 'owner');
    const outsider = await createMember(t, 'owner');
    const org = await orgOf(owner.organizationId);
    await expect(getDashboard({ ctx: as(outsider.user.id), input: { organizationSlug: org!.slug } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getDashboard({ ctx: anonymous(), input: { organizationSlug: org!.slug } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getDashboard({ ctx: as(owner.user.id), input: { organizationSlug: 'no-such-org' } })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('listAuditLog', () => {
  it('shows owners and admins the log newest first with the actor’s name, paginated; facilitators may not', async () => {
    const owner = await createMember(t, 'owner');
    const admin = await createMember(t, 'admin', owner.organizationId);
    const facilitator = await createMember(t, 'facilitator', owner.organizationId);
    const outsider = await createMember(t, 'owner');
    const org = await orgOf(owner.organizationId);
    const group = await createGroup(t, { organizationId: owner.organizationId });
    // The facilitator runs this group's sessions.
    await addFacilitator(t, group.id, (await createFacilitator(t, { organizationId: owner.organizationId, userId: facilitator.user.id })).id);
    const session = await createSession(t, { groupId: group.id, startsAt: hours(48) });
    await cancelSession({ ctx: as(facilitator.user.id), input: { sessionId: session.id, reason: 'Room unavailable' } });
    // Older rows: one by a participant, many by the system, to fill more than a page.
    await t.db.insert(auditLog).values({
      organizationId: owner.organizationId, actorType: 'participant', actorId: 'participant-id', action: 'registration.cancelled',
      entityType: 'registration', entityId: 'r1', createdAt: new Date(NOW.getTime() - 60_000),
    });
    await t.db.insert(auditLog).values(
      Array.from({ length: PAGE_SIZE }, (_, i) => ({
        organizationId: owner.organizationId, actorType: 'system', action: 'cohort.confirmed', entityType: 'cohort', entityId: `c${i}`,
        createdAt: new Date(NOW.getTime() - (i + 2) * 60_000),
      })),
    );
    // Another organization's entry never shows.
    await t.db.insert(auditLog).values({ organizationId: outsider.organizationId, actorType: 'system', action: 'x.y', entityType: 'group', createdAt: NOW });

    const first = await listAuditLog({ ctx: as(admin.user.id), input: { organizationSlug: org!.slug } });
    expect(first.total).toBe(PAGE_SIZE + 2);
    expect(first.pages).toBe(2);
    expect(first.entries).toHaveLength(PAGE_SIZE);
    expect(first.entries[0]).toMatchObject({ action: 'session.cancelled', actorType: 'user', actorName: facilitator.user.name, entityId: session.id });
    expect(first.entries[1]).toMatchObject({ action: 'registration.cancelled', actorType: 'participant', actorName: null });
    const times = first.entries.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const second = await listAuditLog({ ctx: as(owner.user.id), input: { organizationSlug: org!.slug, page: 2 } });
    expect(second.entries.map((e) => e.entityId)).toEqual([`c${PAGE_SIZE - 2}`, `c${PAGE_SIZE - 1}`]);

    await expect(listAuditLog({ ctx: as(facilitator.user.id), input: { organizationSlug: org!.slug } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listAuditLog({ ctx: as(outsider.user.id), input: { organizationSlug: org!.slug } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(listAuditLog({ ctx: anonymous(), input: { organizationSlug: org!.slug } })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
