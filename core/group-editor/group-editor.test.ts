import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import {
  auditLog,
  cohorts,
  facilitators,
  groupFacilitators,
  groups,
  groupSearch,
  groupTopics,
  intakeQuestions,
  modules,
  organizations,
  registrations,
  schedules,
  sessions,
} from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import {
  addFacilitator,
  createCohort,
  createFacilitator,
  createGroup,
  createMember,
  createSchedule,
  createSession,
  createTopic,
  register,
  tagGroup,
} from '../../tests/support/factories';
import { createContext, type Context } from '../context';
import { CoreError } from '../errors';
import {
  addSession,
  archiveGroup,
  createGroup as createDraft,
  deleteCohort,
  deleteSchedule,
  duplicateGroup,
  getGroupEditor,
  listOrganizationGroups,
  materializeSessions,
  publishGroup,
  removeSession,
  saveCohort,
  saveModules,
  saveQuestions,
  saveSchedule,
  unpublishGroup,
  updateGroup,
  type ScheduleFormInput,
} from './index';

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
  return { userId: user.id, organizationId, ctx: as(user.id) };
}

async function draftIn(organizationId: string, overrides: Partial<typeof groups.$inferInsert> = {}) {
  return createGroup(t, { organizationId, status: 'draft', publishedAt: null, ...overrides });
}

const auditOf = (entityId: string) => t.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(asc(auditLog.createdAt));
const sessionsOf = (groupId: string) => t.db.select().from(sessions).where(eq(sessions.groupId, groupId)).orderBy(asc(sessions.startsAt));
const searchRow = async (groupId: string) => (await t.db.select().from(groupSearch).where(eq(groupSearch.groupId, groupId)))[0];

const tuesdays: ScheduleFormInput = { frequency: 'weekly', days: ['TU'], startTime: '19:00', durationMinutes: 90, startDate: '2026-10-01' };

describe('permissions', () => {
  it('lets owners and admins edit; a facilitator is Forbidden, a stranger and an anonymous visitor learn nothing', async () => {
    const a = await admin();
    const g = await draftIn(a.organizationId);
    const facilitator = await createMember(t, 'facilitator', a.organizationId);
    const owner = await createMember(t, 'owner', a.organizationId);
    const stranger = await createMember(t, 'admin');

    await updateGroup({ ctx: as(owner.user.id), input: { groupId: g.id, changes: { summaryEn: 'By the owner' } } });
    const attempts: [Context, string][] = [
      [as(facilitator.user.id), 'forbidden'],
      [as(stranger.user.id), 'not_found'],
      [createContext(t.db, { now: NOW }), 'forbidden'],
    ];
    for (const [ctx, code] of attempts) {
      expect((await failure(updateGroup({ ctx, input: { groupId: g.id, changes: { titleEn: 'Hijacked' } } }))).code).toBe(code);
      expect((await failure(publishGroup({ ctx, input: { groupId: g.id } }))).code).toBe(code);
      expect((await failure(saveSchedule({ ctx, input: { groupId: g.id, form: tuesdays } }))).code).toBe(code);
      expect((await failure(duplicateGroup({ ctx, input: { groupId: g.id } }))).code).toBe(code);
      expect((await failure(archiveGroup({ ctx, input: { groupId: g.id } }))).code).toBe(code);
      expect((await failure(getGroupEditor({ ctx, input: { groupId: g.id } }))).code).toBe(code);
      expect((await failure(materializeSessions(ctx, g.id))).code).toBe(code);
      expect((await failure(createDraft({ ctx, input: { organizationId: a.organizationId, titleEn: 'X', kind: 'support_group', leadership: 'peer', format: 'drop_in', delivery: 'online' } }))).code).toBe(code);
    }
    const [row] = await t.db.select().from(groups).where(eq(groups.id, g.id));
    expect(row).toMatchObject({ titleEn: g.titleEn, summaryEn: 'By the owner', status: 'draft' });
    expect(await t.db.select().from(schedules).where(eq(schedules.groupId, g.id))).toEqual([]);
  });

  it('does not show a group under another organization’s slug', async () => {
    const a = await admin();
    const g = await draftIn(a.organizationId);
    const [own] = await t.db.select().from(organizations).where(eq(organizations.id, a.organizationId));
    expect((await getGroupEditor({ ctx: a.ctx, input: { groupId: g.id, organizationSlug: own!.slug } })).group.id).toBe(g.id);
    const err = await failure(getGroupEditor({ ctx: a.ctx, input: { groupId: g.id, organizationSlug: 'some-other-org' } }));
    expect(err.code).toBe('not_found');
  });

  it('lists an organization’s groups to its facilitators (read only) and to nobody else', async () => {
    const a = await admin();
    await draftIn(a.organizationId, { titleEn: 'Listed draft' });
    const facilitator = await createMember(t, 'facilitator', a.organizationId);
    const [o] = await t.db.select().from(organizations).where(eq(organizations.id, a.organizationId));
    const list = await listOrganizationGroups({ ctx: as(facilitator.user.id), input: { organizationSlug: o!.slug } });
    expect(list.canEdit).toBe(false);
    expect(list.groups.map((x) => x.titleEn)).toEqual(['Listed draft']);
    expect((await listOrganizationGroups({ ctx: a.ctx, input: { organizationSlug: o!.slug } })).canEdit).toBe(true);
    const stranger = await createMember(t, 'owner');
    expect((await failure(listOrganizationGroups({ ctx: as(stranger.user.id), input: { organizationSlug: o!.slug } }))).code).toBe('not_found');
  });
});

describe('createGroup and updateGroup', () => {
  it('creates a draft with a unique slug and an audit row', async () => {
    const a = await admin();
    const { id, slug } = await createDraft({
      ctx: a.ctx,
      input: { organizationId: a.organizationId, titleFr: 'Café-rencontre des proches aidants', kind: 'support_group', leadership: 'peer', format: 'drop_in', delivery: 'in_person' },
    });
    expect(slug).toMatch(/^cafe-rencontre-des-proches-aidants-[0-9a-f]{6}$/);
    const [row] = await t.db.select().from(groups).where(eq(groups.id, id));
    expect(row).toMatchObject({ status: 'draft', titleEn: null, languages: ['fr'], dropInStyle: 'open_forum', timeZone: 'America/Toronto' });
    const [entry] = await auditOf(id);
    expect(entry).toMatchObject({ action: 'group.created', actorType: 'user', actorId: a.userId, organizationId: a.organizationId, entityType: 'group' });
    expect(await searchRow(id)).toBeUndefined();
  });

  it('refuses a group with no title, or group therapy not led by a licensed therapist', async () => {
    const a = await admin();
    const base = { organizationId: a.organizationId, kind: 'support_group', leadership: 'peer', format: 'drop_in', delivery: 'online' } as const;
    expect((await failure(createDraft({ ctx: a.ctx, input: { ...base, titleEn: '  ' } }))).issues).toEqual([{ path: 'titleEn', message: 'title_required' }]);
    expect((await failure(createDraft({ ctx: a.ctx, input: { ...base, titleEn: 'T', kind: 'group_therapy' } }))).issues).toEqual([
      { path: 'leadership', message: 'therapy_needs_licensed' },
    ]);
    expect((await failure(createDraft({ ctx: a.ctx, input: { ...base, titleEn: 'T', timeZone: 'Nowhere/City' } }))).issues).toEqual([
      { path: 'timeZone', message: 'unknown_zone' },
    ]);
  });

  it('updates any attribute, clears what no longer applies, links topics and facilitators, and refreshes search', async () => {
    const a = await admin();
    const g = await createGroup(t, { organizationId: a.organizationId, titleEn: 'Before' });
    const topic = await createTopic(t);
    const f = await createFacilitator(t, { organizationId: a.organizationId });
    const { changed } = await updateGroup({
      ctx: a.ctx,
      input: {
        groupId: g.id,
        changes: {
          titleEn: 'Walking through grief',
          titleFr: 'Marcher à travers le deuil',
          delivery: 'online',
          onlineUrl: 'https://meet.example.org/walk',
          costType: 'fee',
          feeCents: 1500,
          feeCurrency: 'CAD',
          feePer: 'session',
          ageMin: 18,
          languages: ['en', 'fr'],
          accessibility: ['captions'],
          topicIds: [topic.id],
          facilitatorIds: [f.id],
        },
      },
    });
    expect(changed).toEqual(expect.arrayContaining(['titleEn', 'delivery', 'street', 'feeCents', 'topicIds', 'facilitatorIds']));
    const [row] = await t.db.select().from(groups).where(eq(groups.id, g.id));
    expect(row).toMatchObject({ titleEn: 'Walking through grief', delivery: 'online', street: null, venueName: null, feeCents: 1500, city: 'Ottawa', status: 'published' });
    expect(await t.db.select({ id: groupTopics.topicId }).from(groupTopics).where(eq(groupTopics.groupId, g.id))).toEqual([{ id: topic.id }]);
    expect(await t.db.select({ id: groupFacilitators.facilitatorId }).from(groupFacilitators).where(eq(groupFacilitators.groupId, g.id))).toEqual([{ id: f.id }]);
    const search = await searchRow(g.id);
    expect(search).toMatchObject({ delivery: 'online', priceCents: 1500 });
    expect((await auditOf(g.id)).map((x) => x.action)).toEqual(['group.updated']);
  });

  it('explains which field is wrong and changes nothing', async () => {
    const a = await admin();
    const g = await draftIn(a.organizationId);
    const other = await createFacilitator(t, { organizationId: (await admin()).organizationId });
    const err = await failure(
      updateGroup({ ctx: a.ctx, input: { groupId: g.id, changes: { costType: 'fee', feeCents: 100, contactEmail: 'not-an-email', facilitatorIds: [other.id] } } }),
    );
    expect(err.issues).toEqual([{ path: 'changes.contactEmail', message: 'invalid_email' }]);
    const err2 = await failure(updateGroup({ ctx: a.ctx, input: { groupId: g.id, changes: { costType: 'fee', feeCents: 100, facilitatorIds: [other.id] } } }));
    expect(err2.issues).toEqual([
      { path: 'feeCurrency', message: 'required' },
      { path: 'feePer', message: 'required' },
      { path: 'facilitatorIds', message: 'unknown_facilitator' },
    ]);
    const [row] = await t.db.select().from(groups).where(eq(groups.id, g.id));
    expect(row?.costType).toBe('free');
  });
});

describe('schedules and sessions', () => {
  it('saves a weekly schedule and makes eight weeks of sessions, idempotently, with DST-correct times', async () => {
    const a = await admin();
    const g = await draftIn(a.organizationId);
    const { scheduleId, sessions: made } = await saveSchedule({ ctx: a.ctx, input: { groupId: g.id, form: tuesdays } });
    expect(made).toEqual({ created: 8, removed: 0, kept: 0 });
    const rows = await sessionsOf(g.id);
    expect(rows.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-10-06T23:00:00.000Z',
      '2026-10-13T23:00:00.000Z',
      '2026-10-20T23:00:00.000Z',
      '2026-10-27T23:00:00.000Z',
      // Toronto falls back on 1 November: 19:00 is now 00:00 UTC.
      '2026-11-04T00:00:00.000Z',
      '2026-11-11T00:00:00.000Z',
      '2026-11-18T00:00:00.000Z',
      '2026-11-25T00:00:00.000Z',
    ]);
    expect(rows.every((s) => s.scheduleId === scheduleId && s.endsAt.getTime() - s.startsAt.getTime() === 90 * 60_000)).toBe(true);
    expect(await materializeSessions(a.ctx, g.id)).toEqual({ created: 0, removed: 0, kept: 0 });
    expect(await sessionsOf(g.id)).toHaveLength(8);
    // A week later, the window moves on by one session.
    expect(await materializeSessions(as(a.userId, new Date('2026-10-08T16:00:00Z')), g.id)).toEqual({ created: 1, removed: 0, kept: 0 });
    const [entry] = (await auditOf(scheduleId)).map((x) => x.action);
    expect(entry).toBe('schedule.created');
  });

  it('keeps local time across the March change too', async () => {
    const a = await admin();
    const g = await draftIn(a.organizationId);
    const ctx = as(a.userId, new Date('2027-02-20T12:00:00Z'));
    await saveSchedule({ ctx, input: { groupId: g.id, form: { ...tuesdays, days: ['MO'], startTime: '18:30', startDate: '2027-03-01', endDate: '2027-03-22' } } });
    const rows = await sessionsOf(g.id);
    expect(rows.map((s) => s.startsAt.toISOString())).toEqual([
      '2027-03-01T23:30:00.000Z',
      '2027-03-08T23:30:00.000Z',
      // Clocks spring forward on 14 March: 18:30 EDT is 22:30 UTC.
      '2027-03-15T22:30:00.000Z',
      '2027-03-22T22:30:00.000Z',
    ]);
  });

  it('moves sessions when the schedule changes, keeping those people registered for', async () => {
    const a = await admin();
    const g = await draftIn(a.organizationId);
    const { scheduleId } = await saveSchedule({ ctx: a.ctx, input: { groupId: g.id, form: tuesdays } });
    const [first, second] = await sessionsOf(g.id);
    await register(t, second!.id, 'confirmed');
    const { sessions: result } = await saveSchedule({
      ctx: a.ctx,
      input: { groupId: g.id, scheduleId, form: { ...tuesdays, days: ['WE'], exceptions: ['2026-10-21'] } },
    });
    expect(result).toEqual({ created: 7, removed: 7, kept: 1 });
    const rows = await sessionsOf(g.id);
    expect(rows.find((s) => s.id === first!.id)).toBeUndefined();
    expect(rows.find((s) => s.id === second!.id)).toBeDefined();
    const weds = rows.filter((s) => s.id !== second!.id).map((s) => s.startsAt.toISOString().slice(0, 10));
    expect(weds).not.toContain('2026-10-21');
    expect(weds[0]).toBe('2026-10-07');
  });

  it('deletes a schedule with its free sessions; a one-off session can be added and removed', async () => {
    const a = await admin();
    const g = await draftIn(a.organizationId);
    const { scheduleId } = await saveSchedule({ ctx: a.ctx, input: { groupId: g.id, form: tuesdays } });
    const busy = (await sessionsOf(g.id))[3]!;
    await register(t, busy.id, 'waitlisted', 1);
    const { sessions: result } = await deleteSchedule({ ctx: a.ctx, input: { groupId: g.id, scheduleId } });
    expect(result).toEqual({ created: 0, removed: 7, kept: 1 });
    expect((await sessionsOf(g.id)).map((s) => [s.id, s.scheduleId])).toEqual([[busy.id, null]]);

    const { sessionId } = await addSession({ ctx: a.ctx, input: { groupId: g.id, date: '2026-12-24', startTime: '14:00', durationMinutes: 60, topicEn: 'Holidays' } });
    const [extra] = await t.db.select().from(sessions).where(eq(sessions.id, sessionId));
    expect(extra).toMatchObject({ isExtra: true, topicEn: 'Holidays', scheduleId: null });
    expect(extra!.startsAt.toISOString()).toBe('2026-12-24T19:00:00.000Z');
    expect((await failure(addSession({ ctx: a.ctx, input: { groupId: g.id, date: '2026-09-01', startTime: '14:00', durationMinutes: 60 } }))).issues).toEqual([
      { path: 'date', message: 'in_the_past' },
    ]);

    expect((await failure(removeSession({ ctx: a.ctx, input: { groupId: g.id, sessionId: busy.id } }))).code).toBe('conflict');
    await removeSession({ ctx: a.ctx, input: { groupId: g.id, sessionId } });
    expect((await sessionsOf(g.id)).map((s) => s.id)).toEqual([busy.id]);
    expect((await auditOf(sessionId)).map((x) => x.action)).toEqual(['session.added', 'session.removed']);
  });

  it('removing one occurrence of a schedule skips its date for good', async () => {
    const a = await admin();
    const g = await draftIn(a.organizationId);
    const { scheduleId } = await saveSchedule({ ctx: a.ctx, input: { groupId: g.id, form: tuesdays } });
    const third = (await sessionsOf(g.id))[2]!;
    await removeSession({ ctx: a.ctx, input: { groupId: g.id, sessionId: third.id } });
    await materializeSessions(a.ctx, g.id);
    const starts = (await sessionsOf(g.id)).map((s) => s.startsAt.toISOString());
    expect(starts).toHaveLength(7);
    expect(starts).not.toContain(third.startsAt.toISOString());
    const [s] = await t.db.select().from(schedules).where(eq(schedules.id, scheduleId));
    expect(s!.exceptionsLocal).toEqual(['2026-10-20 19:00:00']);
  });

  it('a different time zone moves the sessions ahead', async () => {
    const a = await admin();
    const g = await draftIn(a.organizationId);
    await saveSchedule({ ctx: a.ctx, input: { groupId: g.id, form: tuesdays } });
    await updateGroup({ ctx: a.ctx, input: { groupId: g.id, changes: { timeZone: 'America/Vancouver' } } });
    const rows = await sessionsOf(g.id);
    expect(rows).toHaveLength(8);
    expect(rows[0]!.startsAt.toISOString()).toBe('2026-10-07T02:00:00.000Z');
  });
});

describe('publishing', () => {
  it('refuses to publish a group with problems, listing them, then publishes once fixed and shows it in search', async () => {
    const a = await admin();
    const g = await draftIn(a.organizationId, { city: null, street: null, venueName: null });
    const err = await failure(publishGroup({ ctx: a.ctx, input: { groupId: g.id } }));
    expect(err.code).toBe('invalid');
    expect(err.issues).toEqual([
      { path: 'venueName', message: 'editor.problem.venue' },
      { path: 'city', message: 'editor.problem.city' },
      { path: 'schedule', message: 'editor.problem.sessions' },
    ]);
    await updateGroup({ ctx: a.ctx, input: { groupId: g.id, changes: { venueName: 'Hall', city: 'Ottawa' } } });
    await saveSchedule({ ctx: a.ctx, input: { groupId: g.id, form: tuesdays } });
    const check = await publishGroup({ ctx: a.ctx, input: { groupId: g.id } });
    expect(check.problems).toEqual([]);
    const [row] = await t.db.select().from(groups).where(eq(groups.id, g.id));
    expect(row).toMatchObject({ status: 'published' });
    expect(row!.publishedAt?.toISOString()).toBe(NOW.toISOString());
    expect((await searchRow(g.id))?.nextStart?.toISOString()).toBe('2026-10-06T23:00:00.000Z');

    await unpublishGroup({ ctx: a.ctx, input: { groupId: g.id } });
    expect(await searchRow(g.id)).toBeUndefined();
    expect((await auditOf(g.id)).map((x) => x.action)).toEqual(['group.updated', 'group.published', 'group.unpublished']);
  });

  it('blocks group therapy until its licensed facilitator’s licence is verified', async () => {
    const a = await admin();
    const g = await draftIn(a.organizationId, { kind: 'group_therapy', format: 'closed', dropInStyle: null });
    await createCohort(t, { groupId: g.id, startsOn: '2026-11-02', endsOn: '2026-12-14' });
    const f = await createFacilitator(t, {
      organizationId: a.organizationId,
      leadership: 'licensed',
      licenceNumber: '12345',
      licenceBody: 'College of Psychologists of Ontario',
      licenceJurisdiction: 'CA-ON',
      licenceStatus: 'pending',
    });
    expect((await failure(publishGroup({ ctx: a.ctx, input: { groupId: g.id } }))).issues).toEqual([
      { path: 'facilitatorIds', message: 'editor.problem.licensedFacilitator' },
    ]);
    await addFacilitator(t, g.id, f.id);
    expect((await failure(publishGroup({ ctx: a.ctx, input: { groupId: g.id } }))).issues).toEqual([
      { path: 'facilitatorIds', message: 'editor.problem.licenceVerified' },
    ]);
    await t.db.update(facilitators).set({ licenceStatus: 'verified' }).where(eq(facilitators.id, f.id));
    await publishGroup({ ctx: a.ctx, input: { groupId: g.id } });
    const [row] = await t.db.select().from(groups).where(eq(groups.id, g.id));
    expect(row?.status).toBe('published');
  });

  it('archives a group out of search; unpublishing brings it back as a draft', async () => {
    const a = await admin();
    const g = await createGroup(t, { organizationId: a.organizationId });
    await createSession(t, { groupId: g.id, startsAt: new Date('2026-10-10T18:00:00Z') });
    expect(await searchRow(g.id)).toBeDefined();
    await archiveGroup({ ctx: a.ctx, input: { groupId: g.id } });
    expect(await searchRow(g.id)).toBeUndefined();
    const [archived] = await t.db.select().from(groups).where(eq(groups.id, g.id));
    expect(archived).toMatchObject({ status: 'archived' });
    expect(archived!.archivedAt?.toISOString()).toBe(NOW.toISOString());
    await unpublishGroup({ ctx: a.ctx, input: { groupId: g.id } });
    const [draft] = await t.db.select().from(groups).where(eq(groups.id, g.id));
    expect(draft).toMatchObject({ status: 'draft', archivedAt: null });
  });
});

describe('cohorts, modules and questions', () => {
  async function closedGroup() {
    const a = await admin();
    const g = await draftIn(a.organizationId, { format: 'closed', dropInStyle: null });
    await saveSchedule({ ctx: a.ctx, input: { groupId: g.id, form: { ...tuesdays, startDate: '2026-10-01' } } });
    return { a, g };
  }

  it('makes a cohort’s sessions from the schedule, each with the module of its rank', async () => {
    const { a, g } = await closedGroup();
    // A closed group's schedule alone makes no session: cohorts do.
    expect(await sessionsOf(g.id)).toEqual([]);
    const { cohortId, sessions: made } = await saveCohort({
      ctx: a.ctx,
      input: { groupId: g.id, startsOn: '2026-10-20', endsOn: '2026-12-31', sessionCount: 4, capacity: 10, minimumParticipants: 4, decisionOn: '2026-10-15' },
    });
    expect(made.created).toBe(4);
    const [cohort] = await t.db.select().from(cohorts).where(eq(cohorts.id, cohortId));
    expect(cohort!.decisionAt?.toISOString()).toBe('2026-10-15T16:00:00.000Z');
    await saveModules({
      ctx: a.ctx,
      input: { groupId: g.id, cohortId, modules: [{ titleEn: 'Welcome', titleFr: 'Accueil' }, { titleEn: 'Naming the loss' }, { titleFr: 'Souvenirs' }] },
    });
    const mods = await t.db.select().from(modules).where(eq(modules.cohortId, cohortId)).orderBy(asc(modules.position));
    const rows = await sessionsOf(g.id);
    expect(rows.map((s) => [s.startsAt.toISOString().slice(0, 10), s.cohortId, s.moduleId])).toEqual([
      ['2026-10-20', cohortId, mods[0]!.id],
      ['2026-10-27', cohortId, mods[1]!.id],
      ['2026-11-04', cohortId, mods[2]!.id],
      ['2026-11-11', cohortId, null],
    ]);
    // Reordering text keeps rows; a shorter list drops the last ones.
    await saveModules({ ctx: a.ctx, input: { groupId: g.id, cohortId, modules: [{ titleEn: 'Hello' }] } });
    const after = await t.db.select().from(modules).where(eq(modules.cohortId, cohortId));
    expect(after.map((m) => [m.id, m.titleEn, m.titleFr])).toEqual([[mods[0]!.id, 'Hello', null]]);
    expect((await failure(saveModules({ ctx: a.ctx, input: { groupId: g.id, cohortId, modules: [{}, {}, {}, {}, {}] } }))).issues?.[0]).toEqual({
      path: 'modules.0.titleEn',
      message: 'title_required',
    });
  });

  it('validates a cohort', async () => {
    const { a, g } = await closedGroup();
    const err = await failure(
      saveCohort({ ctx: a.ctx, input: { groupId: g.id, startsOn: '2026-11-01', endsOn: '2026-10-01', sessionCount: 4, capacity: 3, minimumParticipants: 5 } }),
    );
    expect(err.issues).toEqual([
      { path: 'endsOn', message: 'end_before_start' },
      { path: 'minimumParticipants', message: 'minimum_above_capacity' },
      { path: 'decisionOn', message: 'required' },
    ]);
    const dropIn = await draftIn(a.organizationId);
    expect((await failure(saveCohort({ ctx: a.ctx, input: { groupId: dropIn.id, startsOn: '2026-11-01', endsOn: '2026-12-01', sessionCount: 4 } }))).issues).toEqual([
      { path: 'groupId', message: 'not_closed' },
    ]);
  });

  it('deletes a cohort nobody applied to', async () => {
    const { a, g } = await closedGroup();
    const { cohortId } = await saveCohort({ ctx: a.ctx, input: { groupId: g.id, startsOn: '2026-10-20', endsOn: '2026-12-31', sessionCount: 3 } });
    await deleteCohort({ ctx: a.ctx, input: { groupId: g.id, cohortId } });
    expect(await sessionsOf(g.id)).toEqual([]);
    expect(await t.db.select().from(cohorts).where(eq(cohorts.groupId, g.id))).toEqual([]);
  });

  it('saves ordered intake questions, keeping ids of questions kept', async () => {
    const a = await admin();
    const g = await draftIn(a.organizationId);
    const { ids } = await saveQuestions({
      ctx: a.ctx,
      input: {
        groupId: g.id,
        questions: [
          { type: 'text', labelEn: 'What brings you here?', labelFr: 'Qu’est-ce qui vous amène?' },
          { type: 'choice', labelEn: 'Who did you lose?', required: true, options: [{ labelEn: 'A parent' }, { labelEn: 'A partner', labelFr: 'Un ou une partenaire' }, { labelEn: '' }] },
          { type: 'yes_no', labelFr: 'Avez-vous déjà participé à un groupe?' },
        ],
      },
    });
    let rows = await t.db.select().from(intakeQuestions).where(eq(intakeQuestions.groupId, g.id)).orderBy(asc(intakeQuestions.position));
    expect(rows.map((r) => [r.position, r.type, r.required])).toEqual([[1, 'text', false], [2, 'choice', true], [3, 'yes_no', false]]);
    expect(rows[1]!.options).toEqual([
      { value: 'a_parent', labelEn: 'A parent', labelFr: null },
      { value: 'a_partner', labelEn: 'A partner', labelFr: 'Un ou une partenaire' },
    ]);
    // Reorder: the yes/no question first, drop the text one.
    await saveQuestions({
      ctx: a.ctx,
      input: { groupId: g.id, questions: [{ id: ids[2], type: 'yes_no', labelFr: 'Déjà participé?' }, { id: ids[1], type: 'choice', labelEn: 'Who?', options: rows[1]!.options }] },
    });
    rows = await t.db.select().from(intakeQuestions).where(eq(intakeQuestions.groupId, g.id)).orderBy(asc(intakeQuestions.position));
    expect(rows.map((r) => [r.id, r.position, r.labelFr ?? r.labelEn])).toEqual([[ids[2], 1, 'Déjà participé?'], [ids[1], 2, 'Who?']]);
    const err = await failure(saveQuestions({ ctx: a.ctx, input: { groupId: g.id, questions: [{ type: 'choice', labelEn: 'Pick', options: [{ labelEn: 'Only one' }] }, { type: 'text' }] } }));
    expect(err.issues).toEqual([
      { path: 'questions.0.options', message: 'two_options' },
      { path: 'questions.1.labelEn', message: 'label_required' },
    ]);
  });
});

describe('duplicateGroup', () => {
  it('copies a group as a draft with its schedules, cohorts, modules, questions, topics and facilitators, but no registrations', async () => {
    const a = await admin();
    const g = await createGroup(t, { organizationId: a.organizationId, format: 'closed', dropInStyle: null, titleEn: 'Grief program', titleFr: 'Programme de deuil' });
    const topic = await createTopic(t);
    await tagGroup(t, g.id, topic.id);
    const f = await createFacilitator(t, { organizationId: a.organizationId });
    await addFacilitator(t, g.id, f.id);
    await createSchedule(t, { groupId: g.id, rrule: 'FREQ=WEEKLY;BYDAY=TH', startsLocal: '2026-10-01 18:00:00' });
    await createCohort(t, { groupId: g.id, startsOn: '2026-10-05', endsOn: '2026-11-30', capacity: 8 }, ['One', 'Two']);
    await saveQuestions({ ctx: a.ctx, input: { groupId: g.id, questions: [{ type: 'yes_no', labelEn: 'Ready?' }] } });
    await saveCohort({ ctx: a.ctx, input: { groupId: g.id, cohortId: (await t.db.select().from(cohorts).where(eq(cohorts.groupId, g.id)))[0]!.id, startsOn: '2026-10-05', endsOn: '2026-11-30', sessionCount: 2, capacity: 8 } });
    const original = await sessionsOf(g.id);
    await register(t, original[0]!.id, 'confirmed');

    const { id, slug } = await duplicateGroup({ ctx: a.ctx, input: { groupId: g.id } });
    const [copy] = await t.db.select().from(groups).where(eq(groups.id, id));
    expect(copy).toMatchObject({ status: 'draft', titleEn: 'Grief program (copy)', titleFr: 'Programme de deuil (copie)', publishedAt: null, format: 'closed', city: 'Ottawa' });
    expect(slug).not.toBe(g.slug);
    expect(await t.db.select({ id: groupTopics.topicId }).from(groupTopics).where(eq(groupTopics.groupId, id))).toEqual([{ id: topic.id }]);
    expect(await t.db.select({ id: groupFacilitators.facilitatorId }).from(groupFacilitators).where(eq(groupFacilitators.groupId, id))).toEqual([{ id: f.id }]);
    const [cc] = await t.db.select().from(cohorts).where(eq(cohorts.groupId, id));
    expect(cc).toMatchObject({ capacity: 8, status: 'open', sessionCount: 2 });
    expect((await t.db.select().from(modules).where(eq(modules.cohortId, cc!.id)).orderBy(asc(modules.position))).map((m) => m.titleEn)).toEqual(['One', 'Two']);
    expect((await t.db.select().from(intakeQuestions).where(eq(intakeQuestions.groupId, id))).map((q) => q.labelEn)).toEqual(['Ready?']);
    const copies = await sessionsOf(id);
    expect(copies.map((s) => s.startsAt.toISOString())).toEqual(original.map((s) => s.startsAt.toISOString()));
    const regs = await t.db.select().from(registrations).where(and(eq(registrations.sessionId, copies[0]!.id)));
    expect(regs).toEqual([]);
    expect((await auditOf(id)).map((x) => x.action)).toEqual(['group.duplicated']);
  });
});
