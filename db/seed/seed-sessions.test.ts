import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createContext } from '../../core/context';
import { getGroup } from '../../core/groups/get-group';
import { rollSessionsForward } from '../../core/worker/roll-sessions-forward';
import { groups, schedules, sessions } from '../schema';
import { seedIfEmpty } from './index';

// The demo data is what the worker would make itself: rolling sessions forward right after
// seeding changes nothing, and later passes never move a cohort's sessions to another cohort.
// Two moments: the eve of the winter holidays (the dates) and the eight weeks that cross
// the March daylight-saving change.
const DAY = 86_400_000;
const system = (t: TestDatabase, now: Date) => createContext(t.db, { now, actor: { type: 'system' } });

describe.each([new Date('2026-12-06T15:00:00Z'), new Date('2026-02-24T15:00:00Z')])('demo data seeded at %s', (now) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ now });
    await seedIfEmpty(t.db, { now });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is already what rolling sessions forward makes', async () => {
    const before = (await t.db.select({ id: sessions.id }).from(sessions)).map((s) => s.id).sort();
    const result = await rollSessionsForward(system(t, now));
    expect(result.checked).toBeGreaterThan(50);
    expect({ created: result.created, removed: result.removed }).toEqual({ created: 0, removed: 0 });
    expect((await t.db.select({ id: sessions.id }).from(sessions)).map((s) => s.id).sort()).toEqual(before);
  });

  it('gives every cohort schedule its cohort, so each cohort keeps its own day through later passes', async () => {
    const closedSchedules = await t.db
      .select({ cohortId: schedules.cohortId })
      .from(schedules)
      .innerJoin(groups, eq(groups.id, schedules.groupId))
      .where(eq(groups.format, 'closed'));
    expect(closedSchedules.length).toBeGreaterThan(5);
    expect(closedSchedules.every((s) => s.cohortId !== null)).toBe(true);

    await rollSessionsForward(system(t, new Date(now.getTime() + DAY)));
    await rollSessionsForward(system(t, new Date(now.getTime() + 10 * DAY)));
    // What the group page and the API show, ten days on.
    const later = createContext(t.db, { now: new Date(now.getTime() + 10 * DAY) });
    const group = await getGroup({ ctx: later, input: { ref: 'ottawa-loss-of-a-partner-8-weeks', sessionLimit: 200 } });
    expect(group.cohorts).toHaveLength(2);
    const weekdays = group.cohorts.map((c) => {
      const own = group.sessions.filter((s) => s.cohortId === c.id);
      return [...new Set(own.map((s) => DateTime.fromJSDate(s.startsAt, { zone: group.timeZone }).toFormat('ccc HH:mm')))];
    });
    expect(weekdays).toEqual([['Tue 18:30'], ['Thu 13:30']]);
    const cohortSessions = await t.db.select().from(sessions).where(eq(sessions.groupId, group.id));
    for (const c of group.cohorts) expect(cohortSessions.filter((s) => s.cohortId === c.id)).toHaveLength(8);
  });
});
