import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createCohort, createMember, createOpenSession, createSession, createGroup } from '../../tests/support/factories';
import { attendance, auditLog, groups, organizations, registrations } from '../../db/schema';
import { createContext, type Context } from '../context';
import { registerForSession } from '../registrations/register-for-session';
import { getDashboard } from '../dashboard';
import { addWalkIn, checkInOpensAt, getCheckInState, recordAttendance, removeWalkIn } from './record-attendance';
import { listSessionRegistrants } from './list-session-registrants';
import { postponeSession } from './postpone-session';
import { cancelSession } from './cancel-session';
import { deleteMyData } from '../participants/my-data';
import { manageToken } from '../participants/manage-link';

// Check-in opens on the session's own day in the group's zone, attendance taken before a
// postponement is cleared, and walk-ins can be added at the door of a drop-in session.

const NOW = new Date('2026-11-20T15:00:00Z');
// Monday 30 November 2026, 19:00 in Vancouver (PST, UTC−8): already 1 December in UTC.
const STARTS = new Date('2026-12-01T03:00:00Z');
const at = (iso: string) => new Date(iso);
let t: TestDatabase;

const as = (userId: string, now: Date): Context => createContext(t.db, { now, actor: { type: 'user', userId } });

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

/** A Vancouver drop-in on 30 November at 19:00 local, with `confirmed` people holding a place. */
async function session(confirmed = 1, capacity = 5) {
  const owner = await createMember(t, 'owner');
  const outsider = await createMember(t, 'owner');
  const { group, session: s } = await createOpenSession(
    t,
    { organizationId: owner.organizationId, timeZone: 'America/Vancouver', sessionCapacity: capacity, city: 'Vancouver', province: 'BC' },
    { startsAt: STARTS, endsAt: new Date(STARTS.getTime() + 90 * 60_000) },
  );
  const tag = s.id.slice(0, 8);
  const people: string[] = [];
  for (let i = 0; i < confirmed; i++) {
    const r = await registerForSession({ ctx: createContext(t.db, { now: NOW }), input: { sessionId: s.id, name: `Person ${i}`, email: `ci-${tag}-${i}@example.org`, consent: true } });
    people.push(r.participantId);
  }
  return { owner: owner.user.id, outsider: outsider.user.id, organizationId: owner.organizationId, group, session: s, people };
}

describe('when check-in opens', () => {
  it('opens at midnight of the session’s day in the group’s zone, not days before and not by the UTC date', async () => {
    const { owner, group, session: s, people } = await session();
    expect(checkInOpensAt(s, group)).toEqual(at('2026-11-30T08:00:00Z'));
    const mark = (now: Date) => recordAttendance({ ctx: as(owner, now), input: { sessionId: s.id, records: [{ participantId: people[0]!, status: 'present' }] } });
    // Five days early, then one minute before midnight in Vancouver: refused, nothing written.
    await expect(mark(at('2026-11-25T20:00:00Z'))).rejects.toMatchObject({ code: 'conflict', message: 'check-in opens on the day of the session' });
    await expect(mark(at('2026-11-30T07:59:00Z'))).rejects.toMatchObject({ code: 'conflict' });
    expect(await t.db.select().from(attendance).where(eq(attendance.sessionId, s.id))).toHaveLength(0);
    expect((await getCheckInState({ ctx: as(owner, at('2026-11-30T07:59:00Z')), input: { sessionId: s.id } })).closed).toBe('not_yet');
    // From midnight there (still 29 November… no: 30 November local, while UTC is the same day) on.
    await mark(at('2026-11-30T08:00:00Z'));
    expect((await getCheckInState({ ctx: as(owner, at('2026-11-30T08:00:00Z')), input: { sessionId: s.id } })).closed).toBeNull();
    // And after the session, to complete the list.
    await expect(mark(at('2026-12-02T18:00:00Z'))).resolves.toEqual({ recorded: 1 });
  });

  it('is closed for a cancelled session', async () => {
    const { owner, session: s, people } = await session();
    await cancelSession({ ctx: as(owner, NOW), input: { sessionId: s.id, reason: 'Closed hall' } });
    await expect(
      recordAttendance({ ctx: as(owner, STARTS), input: { sessionId: s.id, records: [{ participantId: people[0]!, status: 'present' }] } }),
    ).rejects.toMatchObject({ code: 'conflict', message: 'this session is cancelled' });
    await expect(addWalkIn({ ctx: as(owner, STARTS), input: { sessionId: s.id, name: 'Sam' } })).rejects.toMatchObject({ code: 'conflict' });
    expect((await getCheckInState({ ctx: as(owner, STARTS), input: { sessionId: s.id } })).closed).toBe('cancelled');
  });
});

describe('postponing clears attendance', () => {
  it('removes the marks and walk-ins taken, and check-in opens again on the new day', async () => {
    const { owner, session: s, people } = await session(2);
    const onTheDay = at('2026-11-30T20:00:00Z');
    await recordAttendance({
      ctx: as(owner, onTheDay),
      input: { sessionId: s.id, records: [{ participantId: people[0]!, status: 'present' }, { participantId: people[1]!, status: 'absent' }] },
    });
    await addWalkIn({ ctx: as(owner, onTheDay), input: { sessionId: s.id, name: 'Jo' } });
    expect(await t.db.select().from(attendance).where(eq(attendance.sessionId, s.id))).toHaveLength(3);

    // The power goes out before it starts: a week later.
    const startsAt = new Date(STARTS.getTime() + 7 * 86_400_000);
    await postponeSession({ ctx: as(owner, onTheDay), input: { sessionId: s.id, startsAt, endsAt: new Date(startsAt.getTime() + 5_400_000), reason: 'Power cut' } });
    expect(await t.db.select().from(attendance).where(eq(attendance.sessionId, s.id))).toEqual([]);
    const view = await listSessionRegistrants({ ctx: as(owner, onTheDay), input: { sessionId: s.id } });
    expect(view.confirmed.map((p) => p.attendance)).toEqual([null, null]);
    expect(view.counts.present).toBe(0);
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, s.id), eq(auditLog.action, 'session.postponed')));
    expect(entry!.data).toMatchObject({ clearedMarks: 3 });

    // The old day is no longer the session's day.
    const state = await getCheckInState({ ctx: as(owner, onTheDay), input: { sessionId: s.id } });
    expect(state).toMatchObject({ closed: 'not_yet', opensAt: at('2026-12-07T08:00:00Z'), walkIns: [] });
    await expect(
      recordAttendance({ ctx: as(owner, onTheDay), input: { sessionId: s.id, records: [{ participantId: people[0]!, status: 'present' }] } }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await recordAttendance({ ctx: as(owner, at('2026-12-07T08:00:00Z')), input: { sessionId: s.id, records: [{ participantId: people[0]!, status: 'present' }] } });
  });
});

describe('walk-ins', () => {
  it('adds people at the door by name only: present, no seat taken, counted in the attendance rates', async () => {
    const { owner, organizationId, session: s, people } = await session(1, 2);
    // Noon in Vancouver on the session's day: the door is open, sign-up too.
    const door = at('2026-11-30T20:00:00Z');
    const { walkInId } = await addWalkIn({ ctx: as(owner, door), input: { sessionId: s.id, name: '  Sam (neighbour)  ' } });
    await addWalkIn({ ctx: as(owner, door), input: { sessionId: s.id, name: 'Sam (neighbour)' } }); // two people may share a name
    const rows = await t.db.select().from(attendance).where(and(eq(attendance.sessionId, s.id), isNull(attendance.participantId)));
    expect(rows.map((r) => [r.walkInName, r.status, r.recordedBy]).sort()).toEqual([
      ['Sam (neighbour)', 'present', owner],
      ['Sam (neighbour)', 'present', owner],
    ]);
    const state = await getCheckInState({ ctx: as(owner, door), input: { sessionId: s.id } });
    expect(state.walkIns.map((w) => w.name)).toEqual(['Sam (neighbour)', 'Sam (neighbour)']);
    expect(state.walkInsAllowed).toBe(true);

    // They take no seat: one place is still free for a sign-up (capacity 2, one confirmed).
    const late = await registerForSession({ ctx: createContext(t.db, { now: door }), input: { sessionId: s.id, name: 'Late', email: `late-${s.id.slice(0, 8)}@example.org`, consent: true } });
    expect(late.status).toBe('confirmed');
    const view = await listSessionRegistrants({ ctx: as(owner, door), input: { sessionId: s.id } });
    expect(view.confirmed).toHaveLength(2);
    expect((await t.db.select().from(registrations).where(eq(registrations.sessionId, s.id))).every((r) => r.status === 'confirmed')).toBe(true);

    // The person who signed up is marked absent; the dashboard counts the walk-ins as present.
    await recordAttendance({ ctx: as(owner, door), input: { sessionId: s.id, records: [{ participantId: people[0]!, status: 'absent' }] } });
    const [org] = await t.db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, organizationId));
    const dash = await getDashboard({ ctx: as(owner, at('2026-12-02T12:00:00Z')), input: { organizationSlug: org!.slug } });
    const week = dash.weeks.find((w) => w.recorded > 0);
    expect(week).toMatchObject({ recorded: 3, present: 2, absent: 1 });

    // Removed when added by mistake; only walk-ins can be removed this way.
    await removeWalkIn({ ctx: as(owner, door), input: { sessionId: s.id, walkInId } });
    expect((await getCheckInState({ ctx: as(owner, door), input: { sessionId: s.id } })).walkIns).toHaveLength(1);
    const [mark] = await t.db.select().from(attendance).where(eq(attendance.participantId, people[0]!));
    await expect(removeWalkIn({ ctx: as(owner, door), input: { sessionId: s.id, walkInId: mark!.id } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(removeWalkIn({ ctx: as(owner, door), input: { sessionId: s.id, walkInId } })).rejects.toMatchObject({ code: 'not_found' });

    // The audit log records that walk-ins were added, never their names.
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.entityId, s.id));
    expect(entries.filter((e) => e.action === 'attendance.walk_in_added')).toHaveLength(2);
    expect(entries.filter((e) => e.action === 'attendance.walk_in_removed')).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain('neighbour');
  });

  it('refuses an empty or too long name, the days before, cohort sessions, strangers and anonymous visitors, writing nothing', async () => {
    const { owner, outsider, organizationId, session: s } = await session(0);
    const door = STARTS;
    await expect(addWalkIn({ ctx: as(owner, door), input: { sessionId: s.id, name: '   ' } })).rejects.toMatchObject({ code: 'invalid', issues: [{ path: 'name' }] });
    await expect(addWalkIn({ ctx: as(owner, door), input: { sessionId: s.id, name: 'x'.repeat(81) } })).rejects.toMatchObject({ code: 'invalid' });
    await expect(addWalkIn({ ctx: as(owner, NOW), input: { sessionId: s.id, name: 'Early' } })).rejects.toMatchObject({ code: 'conflict' });
    await expect(addWalkIn({ ctx: as(outsider, door), input: { sessionId: s.id, name: 'Intruder' } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(addWalkIn({ ctx: createContext(t.db, { now: door }), input: { sessionId: s.id, name: 'Anon' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getCheckInState({ ctx: as(outsider, door), input: { sessionId: s.id } })).rejects.toMatchObject({ code: 'not_found' });

    const closed = await createGroup(t, { organizationId, format: 'closed', dropInStyle: null });
    const cohort = await createCohort(t, { groupId: closed.id, startsOn: '2026-11-30', endsOn: '2026-12-30', sessionCount: 1 });
    const cohortSession = await createSession(t, { groupId: closed.id, cohortId: cohort.id, startsAt: STARTS });
    await expect(addWalkIn({ ctx: as(owner, door), input: { sessionId: cohortSession.id, name: 'Sam' } })).rejects.toMatchObject({
      code: 'conflict',
      message: 'walk-ins are for drop-in sessions',
    });
    expect((await getCheckInState({ ctx: as(owner, door), input: { sessionId: cohortSession.id } })).walkInsAllowed).toBe(false);
    expect(await t.db.select().from(attendance).where(eq(attendance.sessionId, s.id))).toEqual([]);
    expect(await t.db.select().from(attendance).where(eq(attendance.sessionId, cohortSession.id))).toEqual([]);
  });

  it('follows the rule the organizer chose: always welcome, only while seats are left, or none', async () => {
    const door = at('2026-11-30T20:00:00Z');
    const setRule = (groupId: string, walkIns: 'welcome' | 'within_capacity' | 'none') => t.db.update(groups).set({ walkIns }).where(eq(groups.id, groupId));

    // Two seats, one held: one walk-in fits, the next one does not.
    const room = await session(1, 2);
    await setRule(room.group.id, 'within_capacity');
    expect(await getCheckInState({ ctx: as(room.owner, door), input: { sessionId: room.session.id } })).toMatchObject({ walkInPolicy: 'within_capacity', walkInsRefused: null });
    await addWalkIn({ ctx: as(room.owner, door), input: { sessionId: room.session.id, name: 'First at the door' } });
    await expect(addWalkIn({ ctx: as(room.owner, door), input: { sessionId: room.session.id, name: 'One too many' } })).rejects.toMatchObject({
      code: 'conflict',
      message: 'walk_ins_full',
    });
    expect((await getCheckInState({ ctx: as(room.owner, door), input: { sessionId: room.session.id } })).walkInsRefused).toBe('walk_ins_full');

    // Always welcome: beyond the seats.
    await setRule(room.group.id, 'welcome');
    await addWalkIn({ ctx: as(room.owner, door), input: { sessionId: room.session.id, name: 'Welcome anyway' } });

    // None: refused, saying so.
    const none = await session(0, 5);
    await setRule(none.group.id, 'none');
    await expect(addWalkIn({ ctx: as(none.owner, door), input: { sessionId: none.session.id, name: 'Sam' } })).rejects.toMatchObject({
      code: 'conflict',
      message: 'walk_ins_off',
    });
    expect((await getCheckInState({ ctx: as(none.owner, door), input: { sessionId: none.session.id } })).walkInsRefused).toBe('walk_ins_off');
    expect(await t.db.select().from(attendance).where(eq(attendance.sessionId, none.session.id))).toEqual([]);
    const walkIns = await t.db.select().from(attendance).where(and(eq(attendance.sessionId, room.session.id), isNull(attendance.participantId)));
    expect(walkIns.map((w) => w.walkInName).sort()).toEqual(['First at the door', 'Welcome anyway']);

    // A new group welcomes walk-ins; the database refuses an unknown rule.
    expect((await t.db.select().from(groups).where(eq(groups.id, (await session(0)).group.id)))[0]?.walkIns).toBe('welcome');
    await expect(t.db.update(groups).set({ walkIns: 'sometimes' }).where(eq(groups.id, none.group.id))).rejects.toThrow();
  });

  it('is stored as a walk-in or a mark, never both, and a walk-in is always present (database rules)', async () => {
    const { session: s, people } = await session(1);
    await expect(t.db.insert(attendance).values({ sessionId: s.id, status: 'present' })).rejects.toThrow();
    await expect(t.db.insert(attendance).values({ sessionId: s.id, participantId: people[0]!, walkInName: 'Both', status: 'present' })).rejects.toThrow();
    await expect(t.db.insert(attendance).values({ sessionId: s.id, walkInName: 'Absent walk-in', status: 'absent' })).rejects.toThrow();
    expect(await t.db.select().from(attendance).where(eq(attendance.sessionId, s.id))).toEqual([]);
  });
});

describe('a person who deletes their data', () => {
  it('takes their attendance marks out of the audit log too, leaving the others’', async () => {
    const { owner, session: s, people } = await session(2);
    const onTheDay = at('2026-12-01T03:30:00Z');
    await recordAttendance({ ctx: as(owner, onTheDay), input: { sessionId: s.id, records: [{ participantId: people[0]!, status: 'present' }, { participantId: people[1]!, status: 'absent' }] } });
    await recordAttendance({ ctx: as(owner, onTheDay), input: { sessionId: s.id, records: [{ participantId: people[0]!, status: 'excused' }] } });
    const marksOf = async () =>
      (await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, s.id), eq(auditLog.action, 'attendance.recorded')))).map((a) => (a.data as { marks: Record<string, string> }).marks);
    expect(await marksOf()).toHaveLength(2);
    const ctx = createContext(t.db, { now: onTheDay });
    await deleteMyData({ ctx, input: { token: manageToken(ctx.settings, people[0]!) } });
    // The line that marked both keeps the other person's mark; the line about them alone is gone.
    expect(await marksOf()).toEqual([{ [people[1]!]: 'absent' }]);
    expect(JSON.stringify(await t.db.select().from(auditLog))).not.toContain(people[0]!);
    expect(await t.db.select().from(attendance).where(eq(attendance.participantId, people[0]!))).toEqual([]);
  });
});
