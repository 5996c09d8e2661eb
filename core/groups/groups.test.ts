import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import {
  createGroup,
  createSession,
  createFacilitator,
  addFacilitator,
  createCohort,
  createOrganization,
  register,
} from '../../tests/support/factories';
import { createContext } from '../context';
import { CoreError } from '../errors';
import { listGroups, getGroup } from './index';

const NOW = new Date('2026-11-27T15:00:00Z');
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

let t: TestDatabase;
const ctx = () => createContext(t.db, { now: NOW });

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

describe('listGroups', () => {
  it('lists only published groups, filtered and paginated, soonest session first', async () => {
    const org = await createOrganization(t);
    const later = await createGroup(t, { organizationId: org.id, titleEn: 'Later grief circle' });
    const sooner = await createGroup(t, { organizationId: org.id, titleEn: 'Sooner grief circle' });
    const none = await createGroup(t, { organizationId: org.id, titleEn: 'Zzz no sessions' });
    await createGroup(t, { organizationId: org.id, status: 'draft', titleEn: 'Draft group' });
    await createGroup(t, {
      organizationId: org.id,
      kind: 'workshop',
      format: 'closed',
      titleEn: 'Art workshop',
    });
    await createSession(t, { groupId: later.id, startsAt: hours(72) });
    await createSession(t, { groupId: sooner.id, startsAt: hours(5) });
    // A past session and a cancelled one do not count as "next".
    await createSession(t, { groupId: none.id, startsAt: hours(-48) });
    await createSession(t, { groupId: none.id, startsAt: hours(2), status: 'cancelled' });

    const all = await listGroups({ ctx: ctx(), input: {} });
    expect(all.total).toBe(4);
    expect(all.results.map((g) => g.slug).slice(0, 2)).toEqual([sooner.slug, later.slug]);
    expect(all.results.find((g) => g.slug === none.slug)?.nextSessionAt).toBeNull();
    expect(all.results.find((g) => g.slug === sooner.slug)?.nextSessionAt?.toISOString()).toBe(hours(5).toISOString());
    expect(all.results.some((g) => g.title.en === 'Draft group')).toBe(false);

    const workshops = await listGroups({ ctx: ctx(), input: { kind: 'workshop' } });
    expect(workshops.total).toBe(1);
    expect(workshops.results[0]?.title.en).toBe('Art workshop');

    const page2 = await listGroups({ ctx: ctx(), input: { perPage: 3, page: 2 } });
    expect(page2.pages).toBe(2);
    expect(page2.results).toHaveLength(1);
  });

  it('matches keywords regardless of accents and case', async () => {
    await createGroup(t, { titleEn: null, titleFr: 'Thérapie de groupe pour le deuil', summaryFr: null, summaryEn: null });
    const found = await listGroups({ ctx: ctx(), input: { q: 'THERAPIE' } });
    expect(found.results.map((g) => g.title.fr)).toContain('Thérapie de groupe pour le deuil');
    const none = await listGroups({ ctx: ctx(), input: { q: '100%_nothing' } });
    expect(none.total).toBe(0);
  });

  it('rejects bad input with an invalid error naming the field', async () => {
    await expect(listGroups({ ctx: ctx(), input: { perPage: 1000 } })).rejects.toMatchObject({
      code: 'invalid',
      issues: [expect.objectContaining({ path: 'perPage' })],
    });
    await expect(listGroups({ ctx: ctx(), input: { kind: 'bogus' as never } })).rejects.toBeInstanceOf(CoreError);
  });
});

describe('getGroup', () => {
  it('returns the public group by slug or id, never the online link', async () => {
    const g = await createGroup(t, {
      delivery: 'hybrid',
      onlineUrl: 'https://meet.example.org/secret-room',
      sessionCapacity: 10,
    });
    const s = await createSession(t, { groupId: g.id, startsAt: hours(30), topicEn: 'Holidays' });
    await register(t, s.id, 'confirmed');
    await register(t, s.id, 'confirmed');
    await register(t, s.id, 'cancelled');
    await register(t, s.id, 'waitlisted', 1);

    const bySlug = await getGroup({ ctx: ctx(), input: { ref: g.slug } });
    const byId = await getGroup({ ctx: ctx(), input: { ref: g.id } });
    expect(byId.id).toBe(bySlug.id);
    expect(JSON.stringify(bySlug)).not.toContain('secret-room');
    expect(bySlug.sessions).toHaveLength(1);
    expect(bySlug.sessions[0]).toMatchObject({ capacity: 10, seatsLeft: 8, waitlistLength: 1, topic: { en: 'Holidays', fr: null } });
  });

  it('hides drafts and unknown groups behind not_found', async () => {
    const draft = await createGroup(t, { status: 'draft' });
    await expect(getGroup({ ctx: ctx(), input: { ref: draft.slug } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getGroup({ ctx: ctx(), input: { ref: 'no-such-group' } })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('shows a licence only once an administrator verified it', async () => {
    const g = await createGroup(t, { kind: 'group_therapy', format: 'closed', dropInStyle: null });
    const verified = await createFacilitator(t, {
      leadership: 'licensed',
      displayName: 'Dr. Verified',
      licenceNumber: '12345',
      licenceBody: 'College of Psychologists',
      licenceJurisdiction: 'ON',
      licenceStatus: 'verified',
    });
    const pending = await createFacilitator(t, {
      leadership: 'licensed',
      displayName: 'Pending Person',
      licenceNumber: '999',
      licenceBody: 'Some Order',
      licenceJurisdiction: 'QC',
      licenceStatus: 'pending',
    });
    await addFacilitator(t, g.id, verified.id, 0);
    await addFacilitator(t, g.id, pending.id, 1);
    const out = await getGroup({ ctx: ctx(), input: { ref: g.slug } });
    expect(out.facilitators.map((f) => [f.name, f.licence?.number ?? null])).toEqual([
      ['Dr. Verified', '12345'],
      ['Pending Person', null],
    ]);
  });

  it('lists upcoming cohorts with their modules in order and accepted counts', async () => {
    const g = await createGroup(t, { format: 'closed', dropInStyle: null });
    await createCohort(t, { groupId: g.id, startsOn: '2026-10-01', endsOn: '2026-11-01' }, ['Old']);
    const c = await createCohort(
      t,
      { groupId: g.id, startsOn: '2027-01-05', endsOn: '2027-02-23', capacity: 10, minimumParticipants: 4, decisionAt: hours(500) },
      ['Welcome', 'Naming the loss', 'Looking ahead'],
    );
    const out = await getGroup({ ctx: ctx(), input: { ref: g.slug } });
    expect(out.cohorts).toHaveLength(1);
    expect(out.cohorts[0]).toMatchObject({ id: c.id, capacity: 10, minimum: 4, accepted: 0, sessionCount: 3 });
    expect(out.cohorts[0]?.modules.map((m) => m.title.en)).toEqual(['Welcome', 'Naming the loss', 'Looking ahead']);
    expect(out.nextCohortStartsOn).toBe('2027-01-05');
  });
});
