import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { auditLog, schedules, sessions } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createCohort, createGroup, createMember, createSchedule } from '../../tests/support/factories';
import { createContext, type Context } from '../context';
import { CoreError } from '../errors';
import { rollSessionsForward } from '../worker/roll-sessions-forward';
import { deleteCohort, getGroupEditor, saveCohort, saveSchedule, type ScheduleFormInput } from './index';

// Thursday 2026-10-01 12:00 in Toronto (EDT).
const NOW = new Date('2026-10-01T16:00:00Z');
let t: TestDatabase;
const as = (userId: string, now = NOW): Context => createContext(t.db, { now, actor: { type: 'user', userId } });

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

async function failure(p: Promise<unknown>): Promise<CoreError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof CoreError) return err;
    throw err;
  }
  throw new Error('expected the action to fail');
}

async function admin() {
  const { user, organizationId } = await createMember(t, 'admin');
  return { organizationId, ctx: as(user.id) };
}

const sessionsOf = (groupId: string) => t.db.select().from(sessions).where(eq(sessions.groupId, groupId)).orderBy(asc(sessions.startsAt));
const schedulesOf = (groupId: string) => t.db.select().from(schedules).where(eq(schedules.groupId, groupId)).orderBy(asc(schedules.createdAt));
const actionsOn = async (groupId: string) =>
  (await t.db.select().from(auditLog).where(eq(auditLog.entityType, 'schedule'))).filter((a) => (a.data as { groupId?: string }).groupId === groupId).map((a) => a.action);
const wallClock = (d: Date) => DateTime.fromJSDate(d, { zone: 'America/Toronto' }).toFormat('ccc HH:mm');

const thursdays: ScheduleFormInput = { frequency: 'weekly', days: ['TH'], startTime: '19:00', durationMinutes: 90, startDate: '2026-10-01' };

describe('saveSchedule refuses a duplicate', () => {
  it('refuses the same schedule saved twice, writing nothing, and still takes a different one', async () => {
    const a = await admin();
    const g = await createGroup(t, { organizationId: a.organizationId, status: 'draft', publishedAt: null });
    const { scheduleId } = await saveSchedule({ ctx: a.ctx, input: { groupId: g.id, form: thursdays } });
    const before = await sessionsOf(g.id);
    expect(before).toHaveLength(8);

    // The very same form again (days given in another order, blanks as the page sends them).
    const err = await failure(saveSchedule({ ctx: a.ctx, input: { groupId: g.id, form: { ...thursdays, days: ['TH', 'TH'], endDate: null, exceptions: [] } } }));
    expect(err.code).toBe('conflict');
    expect(err.message).toBe('duplicate_schedule');
    expect((await schedulesOf(g.id)).map((s) => s.id)).toEqual([scheduleId]);
    expect((await sessionsOf(g.id)).map((s) => s.id)).toEqual(before.map((s) => s.id));
    expect(await actionsOn(g.id)).toEqual(['schedule.created']);

    // Saving a schedule unchanged is not a duplicate of itself.
    await saveSchedule({ ctx: a.ctx, input: { groupId: g.id, scheduleId, form: thursdays } });
    // Another time of day is another schedule; changing it into the first one is refused.
    const { scheduleId: other } = await saveSchedule({ ctx: a.ctx, input: { groupId: g.id, form: { ...thursdays, startTime: '13:30' } } });
    expect(await schedulesOf(g.id)).toHaveLength(2);
    expect((await failure(saveSchedule({ ctx: a.ctx, input: { groupId: g.id, scheduleId: other, form: thursdays } }))).message).toBe('duplicate_schedule');
    const [kept] = (await schedulesOf(g.id)).filter((s) => s.id === other);
    expect(kept!.startsLocal).toBe('2026-10-01 13:30:00');
    // Skipped dates, a last date or a length make a different schedule too.
    await saveSchedule({ ctx: a.ctx, input: { groupId: g.id, form: { ...thursdays, exceptions: ['2026-10-08'] } } });
    await saveSchedule({ ctx: a.ctx, input: { groupId: g.id, form: { ...thursdays, endDate: '2026-12-31' } } });
    await saveSchedule({ ctx: a.ctx, input: { groupId: g.id, form: { ...thursdays, durationMinutes: 60 } } });
    expect(await schedulesOf(g.id)).toHaveLength(5);
  });
});

describe('schedules of cohorts', () => {
  async function closedGroup() {
    const a = await admin();
    const g = await createGroup(t, { organizationId: a.organizationId, status: 'draft', publishedAt: null, format: 'closed', dropInStyle: null, leadership: 'professional' });
    return { a, g };
  }

  it('gives each cohort the sessions of its own schedule, through the editor', async () => {
    const { a, g } = await closedGroup();
    const tue = await saveCohort({ ctx: a.ctx, input: { groupId: g.id, startsOn: '2026-10-13', endsOn: '2026-12-01', sessionCount: 8 } });
    const thu = await saveCohort({ ctx: a.ctx, input: { groupId: g.id, startsOn: '2026-11-05', endsOn: '2026-12-24', sessionCount: 8 } });
    await saveSchedule({
      ctx: a.ctx,
      input: { groupId: g.id, form: { frequency: 'weekly', days: ['TU'], startTime: '18:30', durationMinutes: 120, startDate: '2026-10-13', cohortId: tue.cohortId } },
    });
    await saveSchedule({
      ctx: a.ctx,
      input: { groupId: g.id, form: { frequency: 'weekly', days: ['TH'], startTime: '13:30', durationMinutes: 120, startDate: '2026-11-05', cohortId: thu.cohortId } },
    });
    const rows = await sessionsOf(g.id);
    expect(rows.filter((s) => s.cohortId === tue.cohortId).map((s) => wallClock(s.startsAt))).toEqual(Array(8).fill('Tue 18:30'));
    expect(rows.filter((s) => s.cohortId === thu.cohortId).map((s) => wallClock(s.startsAt))).toEqual(Array(8).fill('Thu 13:30'));

    // The editor shows which cohort each schedule belongs to.
    const view = await getGroupEditor({ ctx: a.ctx, input: { groupId: g.id } });
    expect(view.schedules.map((s) => s.form?.cohortId)).toEqual([tue.cohortId, thu.cohortId]);

    // The same rule for another cohort is not a duplicate; for the same cohort it is.
    expect((await failure(saveSchedule({
      ctx: a.ctx,
      input: { groupId: g.id, form: { frequency: 'weekly', days: ['TU'], startTime: '18:30', durationMinutes: 120, startDate: '2026-10-13', cohortId: tue.cohortId } },
    }))).message).toBe('duplicate_schedule');

    // A cohort deleted takes its schedule and sessions with it; the other cohort keeps its own.
    await deleteCohort({ ctx: a.ctx, input: { groupId: g.id, cohortId: tue.cohortId } });
    expect((await schedulesOf(g.id)).map((s) => s.cohortId)).toEqual([thu.cohortId]);
    expect((await sessionsOf(g.id)).map((s) => wallClock(s.startsAt))).toEqual(Array(8).fill('Thu 13:30'));
  });

  it('refuses a cohort of another group, or any cohort for a drop-in group', async () => {
    const { a, g } = await closedGroup();
    const other = await createGroup(t, { organizationId: a.organizationId, format: 'closed', dropInStyle: null, leadership: 'professional' });
    const foreign = await createCohort(t, { groupId: other.id, startsOn: '2026-10-13', endsOn: '2026-12-01' });
    const err = await failure(saveSchedule({ ctx: a.ctx, input: { groupId: g.id, form: { ...thursdays, cohortId: foreign.id } } }));
    expect(err.issues).toEqual([{ path: 'form.cohortId', message: 'unknown_cohort' }]);
    const dropIn = await createGroup(t, { organizationId: a.organizationId, status: 'draft', publishedAt: null });
    expect((await failure(saveSchedule({ ctx: a.ctx, input: { groupId: dropIn.id, form: { ...thursdays, cohortId: foreign.id } } }))).issues).toEqual([
      { path: 'form.cohortId', message: 'not_closed' },
    ]);
    expect((await failure(saveSchedule({ ctx: a.ctx, input: { groupId: g.id, form: { ...thursdays, cohortId: 'not-an-id' } } }))).issues?.[0]?.path).toBe('form.cohortId');
    expect(await schedulesOf(g.id)).toEqual([]);
    expect(await schedulesOf(dropIn.id)).toEqual([]);
  });
});

describe('the migration that gives schedules a cohort', () => {
  // The backfill statements of the migration, run again over data made before the column existed.
  const backfill = readFileSync(new URL('../../db/migrations/0010_journeys.sql', import.meta.url), 'utf8')
    .split('--> statement-breakpoint')
    .filter((block) => block.includes('-- sched: backfill'));

  it('ties each schedule to its cohort where a group has several of both, and repairs the sessions', async () => {
    expect(backfill).toHaveLength(2);
    const closed = { format: 'closed' as const, dropInStyle: null, leadership: 'professional' as const };
    // The demo group's shape, mixed up by a roll-forward before the fix.
    const mixed = await createGroup(t, closed);
    const tue = await createCohort(t, { groupId: mixed.id, startsOn: '2026-10-13', endsOn: '2026-12-01', sessionCount: 8 });
    const thu = await createCohort(t, { groupId: mixed.id, startsOn: '2026-11-05', endsOn: '2026-12-24', sessionCount: 8 });
    const tueRule = await createSchedule(t, { groupId: mixed.id, rrule: 'FREQ=WEEKLY;BYDAY=TU', startsLocal: '2026-10-13 18:30:00', durationMinutes: 120 });
    const thuRule = await createSchedule(t, { groupId: mixed.id, rrule: 'FREQ=WEEKLY;BYDAY=TH', startsLocal: '2026-11-05 13:30:00', durationMinutes: 120 });
    await rollSessionsForward(createContext(t.db, { now: NOW, actor: { type: 'system' } }));
    const mixedUp = (await sessionsOf(mixed.id)).filter((s) => s.cohortId === tue.id).map((s) => wallClock(s.startsAt));
    expect(mixedUp).toContain('Thu 13:30');

    // Two schedules whose first dates match no cohort, but whose sessions each stayed in one.
    const apart = await createGroup(t, closed);
    const early = await createCohort(t, { groupId: apart.id, startsOn: '2026-10-05', endsOn: '2026-10-30', sessionCount: 2 });
    const late = await createCohort(t, { groupId: apart.id, startsOn: '2026-11-02', endsOn: '2026-11-30', sessionCount: 2 });
    const mon = await createSchedule(t, { groupId: apart.id, rrule: 'FREQ=WEEKLY;BYDAY=MO', startsLocal: '2026-09-01 10:00:00' });
    const fri = await createSchedule(t, { groupId: apart.id, rrule: 'FREQ=WEEKLY;BYDAY=FR', startsLocal: '2026-09-01 10:00:00' });
    await t.db.insert(sessions).values([
      { groupId: apart.id, scheduleId: mon.id, cohortId: early.id, startsAt: new Date('2026-10-05T14:00:00Z'), endsAt: new Date('2026-10-05T15:30:00Z') },
      { groupId: apart.id, scheduleId: fri.id, cohortId: late.id, startsAt: new Date('2026-11-06T15:00:00Z'), endsAt: new Date('2026-11-06T16:30:00Z') },
    ]);

    // One schedule for two cohorts in a row: it keeps serving both.
    const shared = await createGroup(t, closed);
    await createCohort(t, { groupId: shared.id, startsOn: '2026-10-05', endsOn: '2026-10-30', sessionCount: 3 });
    await createCohort(t, { groupId: shared.id, startsOn: '2026-11-02', endsOn: '2026-11-30', sessionCount: 3 });
    const sharedRule = await createSchedule(t, { groupId: shared.id, rrule: 'FREQ=WEEKLY;BYDAY=WE', startsLocal: '2026-10-05 10:00:00' });

    for (const statement of backfill) await t.db.execute(sql.raw(statement));

    const cohortOf = async (id: string) => (await t.db.select({ c: schedules.cohortId }).from(schedules).where(eq(schedules.id, id)))[0]!.c;
    expect(await cohortOf(tueRule.id)).toBe(tue.id);
    expect(await cohortOf(thuRule.id)).toBe(thu.id);
    expect(await cohortOf(mon.id)).toBe(early.id);
    expect(await cohortOf(fri.id)).toBe(late.id);
    expect(await cohortOf(sharedRule.id)).toBeNull();

    // The next pass of the worker puts each cohort back on its own day.
    await rollSessionsForward(createContext(t.db, { now: NOW, actor: { type: 'system' } }));
    const rows = await sessionsOf(mixed.id);
    expect(rows.filter((s) => s.cohortId === tue.id).map((s) => wallClock(s.startsAt))).toEqual(Array(8).fill('Tue 18:30'));
    expect(rows.filter((s) => s.cohortId === thu.id).map((s) => wallClock(s.startsAt))).toEqual(Array(8).fill('Thu 13:30'));
  });
});
