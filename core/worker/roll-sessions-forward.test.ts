import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { groupSearch, modules, sessions } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createCohort, createGroup, createSchedule } from '../../tests/support/factories';
import { createContext, withTransaction } from '../context';
import { ROLL_SESSIONS_EVERY_MS, rollSessionsDue, rollSessionsForward } from './roll-sessions-forward';

// Thursday 2026-10-01 12:00 in Toronto (EDT).
const NOW = new Date('2026-10-01T16:00:00Z');
const WEEK = 7 * 86_400_000;
const at = (weeks: number) => createContext(t.db, { now: new Date(NOW.getTime() + weeks * WEEK), actor: { type: 'system' } });

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

const sessionsOf = (groupId: string) => t.db.select().from(sessions).where(eq(sessions.groupId, groupId)).orderBy(asc(sessions.startsAt));
const searchOf = async (groupId: string) => (await t.db.select().from(groupSearch).where(eq(groupSearch.groupId, groupId)))[0];

async function weeklyGroup(overrides: Parameters<typeof createGroup>[1] = {}) {
  const g = await createGroup(t, overrides);
  await createSchedule(t, { groupId: g.id, rrule: 'FREQ=WEEKLY;BYDAY=TU', startsLocal: '2026-10-01 19:00:00' });
  return g;
}

describe('rollSessionsForward', () => {
  it('makes the coming weeks of sessions as time passes, never twice, and keeps search up to date', async () => {
    const g = await weeklyGroup();
    const first = await rollSessionsForward(at(0));
    expect(first.changed).toContain(g.id);
    const made = await sessionsOf(g.id);
    expect(made).toHaveLength(8);
    expect(made[0]!.startsAt.toISOString()).toBe('2026-10-06T23:00:00.000Z');

    // Run again at the same moment: nothing new, nothing doubled, search left alone.
    const again = await rollSessionsForward(at(0));
    expect(again.changed).not.toContain(g.id);
    expect(await sessionsOf(g.id)).toHaveLength(8);

    // Three weeks later, three more Tuesdays come into the window.
    const before = await searchOf(g.id);
    const later = await rollSessionsForward(at(3));
    expect(later.changed).toContain(g.id);
    const rows = await sessionsOf(g.id);
    expect(rows).toHaveLength(11);
    const starts = rows.map((s) => s.startsAt.toISOString());
    expect(new Set(starts).size).toBe(starts.length);
    expect(starts.at(-1)).toBe('2026-12-16T00:00:00.000Z');
    const after = await searchOf(g.id);
    const iso = (row: typeof before) => row!.starts.map((d) => new Date(d).toISOString());
    expect(iso(before)).not.toContain('2026-12-16T00:00:00.000Z');
    expect(iso(after)).toContain('2026-12-16T00:00:00.000Z');
    expect(iso(after)).not.toContain('2026-10-06T23:00:00.000Z');

    // Twice at the later moment, and once more in between: still one session per Tuesday.
    await rollSessionsForward(at(3));
    await rollSessionsForward(at(2));
    const final = (await sessionsOf(g.id)).map((s) => s.startsAt.toISOString());
    expect(final).toEqual(starts);
  });

  it('leaves drafts, archived groups and groups without a schedule alone', async () => {
    const draft = await weeklyGroup({ status: 'draft', publishedAt: null });
    const archived = await weeklyGroup({ status: 'archived', archivedAt: NOW });
    const publishedButArchivedAt = await weeklyGroup({ archivedAt: NOW });
    const noSchedule = await createGroup(t);
    const result = await rollSessionsForward(at(5));
    for (const g of [draft, archived, publishedButArchivedAt, noSchedule]) {
      expect(result.changed).not.toContain(g.id);
      expect(await sessionsOf(g.id)).toHaveLength(0);
    }
  });

  it('makes each session once when several workers run at the same moment', async () => {
    const g = await weeklyGroup();
    await Promise.all([rollSessionsForward(at(6)), rollSessionsForward(at(6)), rollSessionsForward(at(6))]);
    const starts = (await sessionsOf(g.id)).map((s) => s.startsAt.toISOString());
    expect(starts).toHaveLength(8);
    expect(new Set(starts).size).toBe(8);
  });

  it('keeps each cohort of a closed group on its own schedule, however many times it rolls forward', async () => {
    // As the demo group has it: a Tuesday-evening cohort, then a Thursday-afternoon one that
    // starts while the first is under way, each with a schedule of its own.
    const g = await createGroup(t, { format: 'closed', dropInStyle: null, leadership: 'professional' });
    const titles = ['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight'];
    const tuesday = await createCohort(t, { groupId: g.id, startsOn: '2026-10-13', endsOn: '2026-12-01', sessionCount: 8 }, titles);
    const thursday = await createCohort(t, { groupId: g.id, startsOn: '2026-11-05', endsOn: '2026-12-24', sessionCount: 8 }, titles);
    await createSchedule(t, { groupId: g.id, cohortId: tuesday.id, rrule: 'FREQ=WEEKLY;BYDAY=TU', startsLocal: '2026-10-13 18:30:00', durationMinutes: 120 });
    await createSchedule(t, { groupId: g.id, cohortId: thursday.id, rrule: 'FREQ=WEEKLY;BYDAY=TH', startsLocal: '2026-11-05 13:30:00', durationMinutes: 120 });

    const local = (d: Date) => DateTime.fromJSDate(d, { zone: 'America/Toronto' }).toFormat('ccc HH:mm');
    const positions = new Map((await t.db.select().from(modules)).map((m) => [m.id, m.position]));
    const cohortOf = async (cohortId: string) => (await sessionsOf(g.id)).filter((s) => s.cohortId === cohortId);
    const check = async () => {
      const tue = await cohortOf(tuesday.id);
      const thu = await cohortOf(thursday.id);
      expect(tue.map((s) => local(s.startsAt))).toEqual(Array(8).fill('Tue 18:30'));
      expect(thu.map((s) => local(s.startsAt))).toEqual(Array(8).fill('Thu 13:30'));
      expect(tue[0]!.startsAt.toISOString()).toBe('2026-10-13T22:30:00.000Z');
      expect(thu[0]!.startsAt.toISOString()).toBe('2026-11-05T18:30:00.000Z');
      // Module k on session k, in each cohort.
      expect(tue.map((s) => positions.get(s.moduleId!))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(thu.map((s) => positions.get(s.moduleId!))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(await sessionsOf(g.id)).toHaveLength(16);
      return [...tue, ...thu].map((s) => s.id).sort();
    };

    const first = await rollSessionsForward(at(0));
    expect(first.changed).toContain(g.id);
    const ids = await check();
    // Rolled forward again, later (once the Thursday cohort has begun), and again: nothing moves.
    const second = await rollSessionsForward(at(2));
    expect(second.changed).not.toContain(g.id);
    expect(await check()).toEqual(ids);
    const third = await rollSessionsForward(at(6));
    expect(third.changed).not.toContain(g.id);
    expect(await check()).toEqual(ids);
  });

  it('makes sessions for every cohort from a schedule that belongs to none', async () => {
    const g = await createGroup(t, { format: 'closed', dropInStyle: null, leadership: 'professional' });
    const autumn = await createCohort(t, { groupId: g.id, startsOn: '2026-10-05', endsOn: '2026-10-30', sessionCount: 3 });
    const winter = await createCohort(t, { groupId: g.id, startsOn: '2026-11-02', endsOn: '2026-11-30', sessionCount: 3 });
    await createSchedule(t, { groupId: g.id, rrule: 'FREQ=WEEKLY;BYDAY=WE', startsLocal: '2026-10-01 10:00:00' });
    await rollSessionsForward(at(0));
    await rollSessionsForward(at(1));
    const rows = await sessionsOf(g.id);
    const day = (d: Date) => DateTime.fromJSDate(d, { zone: 'America/Toronto' }).toISODate();
    expect(rows.filter((s) => s.cohortId === autumn.id).map((s) => day(s.startsAt))).toEqual(['2026-10-07', '2026-10-14', '2026-10-21']);
    expect(rows.filter((s) => s.cohortId === winter.id).map((s) => day(s.startsAt))).toEqual(['2026-11-04', '2026-11-11', '2026-11-18']);
  });

  it.runIf(process.env.TEST_ENGINE === 'postgres')('skips a group another transaction holds, and catches up on the next pass', async () => {
    const g = await weeklyGroup();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = withTransaction(at(7), async (tx) => {
      await tx.db.execute(sql`select id from groups where id = ${g.id} for update`);
      locked();
      await held;
    });
    await isLocked;
    const skipped = await rollSessionsForward(at(7));
    expect(skipped.busy).toBeGreaterThanOrEqual(1);
    expect(await sessionsOf(g.id)).toHaveLength(0);
    release();
    await holder;
    const caught = await rollSessionsForward(at(7));
    expect(caught.changed).toContain(g.id);
    expect(await sessionsOf(g.id)).toHaveLength(8);
  });
});

describe('rollSessionsDue', () => {
  it('runs at first, then at most once an hour', () => {
    expect(rollSessionsDue(null, NOW)).toBe(true);
    expect(rollSessionsDue(NOW, new Date(NOW.getTime() + ROLL_SESSIONS_EVERY_MS - 1))).toBe(false);
    expect(rollSessionsDue(NOW, new Date(NOW.getTime() + ROLL_SESSIONS_EVERY_MS))).toBe(true);
    expect(ROLL_SESSIONS_EVERY_MS).toBe(3_600_000);
  });
});
