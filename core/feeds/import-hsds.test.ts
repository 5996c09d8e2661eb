import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createGroup, createOrganization, createSchedule, createTopic, tagGroup } from '../../tests/support/factories';
import { readStandard } from '../../tests/support/standards';
import { auditLog, groups, groupTopics, schedules, sessions } from '../../db/schema';
import { createContext } from '../context';
import { hsdsAllServices } from './hsds';
import { hsdsRecords, importHsds } from './import-hsds';

const NOW = new Date('2026-10-01T12:00:00Z');
const links = { pageUrl: (slug: string) => `https://cercle.example/page/${slug}` };

let t: TestDatabase;
let from: string;
let into: string;

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
  from = (await createOrganization(t, { nameEn: 'Harbour Hospice' })).id;
  into = (await createOrganization(t, { nameEn: 'Valley Network' })).id;
  const topic = await createTopic(t, { slug: 'caregiving', labelEn: 'Caregiving', labelFr: 'Proches aidants' });
  const a = await createGroup(t, {
    organizationId: from,
    titleEn: 'Caregivers’ evening',
    titleFr: null,
    descriptionEn: 'An evening for people who care for a parent.',
    venueName: 'Library',
    postalCode: 'K1A 0B1',
    latitude: 45.4,
    longitude: -75.7,
    costType: 'fee',
    feeCents: 1000,
    feeCurrency: 'CAD',
    feePer: 'session',
    languages: ['en'],
    timeZone: 'America/Vancouver',
  });
  await tagGroup(t, a.id, topic.id);
  await createSchedule(t, { groupId: a.id, rrule: 'FREQ=WEEKLY;BYDAY=WE', startsLocal: '2026-09-02 18:30:00', durationMinutes: 90 });
  const b = await createGroup(t, { organizationId: from, delivery: 'online', venueName: null, street: null, kind: 'workshop' });
  await createSchedule(t, { groupId: b.id, rrule: 'FREQ=MONTHLY;BYDAY=-1FR', startsLocal: '2026-09-25 12:00:00', durationMinutes: 60 });
});

afterAll(async () => {
  await t?.close();
});

const ctx = () => createContext(t.db, { now: NOW, actor: { type: 'system' } });
const exported = async () => {
  const out = [];
  for await (const s of hsdsAllServices(createContext(t.db, { now: NOW }), links)) out.push(s);
  return out;
};
const groupsOf = (organizationId: string) => t.db.select().from(groups).where(eq(groups.organizationId, organizationId)).orderBy(groups.titleEn);

describe('importing HSDS', () => {
  it('reads what the export writes back as draft groups with their schedules, place, cost and topics', async () => {
    const records = hsdsRecords({ version: '3.1', services: await exported() })!;
    expect(records).toHaveLength(2);
    const steps: string[] = [];
    const report = await importHsds({ ctx: ctx(), options: { organizationId: into }, records, progress: (step, done, total) => steps.push(`${step} ${done}/${total}`) });
    expect(report).toEqual({ created: 2, unchanged: 0, rejected: [] });
    expect(steps).toEqual(['read 1/2', 'read 2/2', 'write 1/2', 'write 2/2']);

    const [evening, other] = await groupsOf(into);
    expect(evening).toMatchObject({
      status: 'draft',
      titleEn: 'Caregivers’ evening',
      summaryEn: 'An evening for people who care for a parent.',
      kind: 'support_group',
      format: 'drop_in',
      delivery: 'in_person',
      timeZone: 'America/Vancouver',
      venueName: 'Library',
      street: '1 Test Street',
      city: 'Ottawa',
      postalCode: 'K1A 0B1',
      latitude: 45.4,
      costType: 'fee',
      feeCents: 1000,
      feeCurrency: 'CAD',
      feePer: 'session',
      languages: ['en'],
    });
    expect(other).toMatchObject({ kind: 'workshop', workshopActivity: 'other', format: 'drop_in', delivery: 'online', venueName: null });
    const rules = await t.db.select({ groupId: schedules.groupId, rrule: schedules.rrule, startsLocal: schedules.startsLocal, duration: schedules.durationMinutes }).from(schedules);
    expect(rules.filter((r) => r.groupId === evening!.id)).toEqual([{ groupId: evening!.id, rrule: 'FREQ=WEEKLY;BYDAY=WE', startsLocal: '2026-09-02 18:30:00', duration: 90 }]);
    expect(rules.filter((r) => r.groupId === other!.id).map((r) => r.rrule)).toEqual(['FREQ=MONTHLY;BYDAY=-1FR']);
    // The schedules made their sessions, as the editor's do.
    expect((await t.db.select().from(sessions).where(eq(sessions.groupId, evening!.id))).length).toBeGreaterThan(0);
    expect(await t.db.select({ topicId: groupTopics.topicId }).from(groupTopics).where(eq(groupTopics.groupId, evening!.id))).toHaveLength(1);
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.action, 'group.imported'));
    expect(audited).toHaveLength(2);
  });

  it('changes nothing when the same file is imported again', async () => {
    const records = hsdsRecords(await exported())!;
    const before = { groups: await groupsOf(into), schedules: await t.db.select().from(schedules) };
    const again = await importHsds({ ctx: ctx(), options: { organizationId: into }, records: records.filter((r) => (r as { organization_id: string }).organization_id === from) });
    expect(again).toEqual({ created: 0, unchanged: 2, rejected: [] });
    expect(await groupsOf(into)).toEqual(before.groups);
    expect(await t.db.select().from(schedules)).toEqual(before.schedules);
  });

  it('reads the specification’s own example, in French', async () => {
    const example = readStandard('hsds', 'examples', 'service_full.json');
    const org = (await createOrganization(t, { nameEn: 'Example' })).id;
    const options = { organizationId: org, language: 'fr' as const, timeZone: 'Europe/London' };
    // Its fee is in pounds, which Cercle does not take: the record is refused, saying so.
    const refused = await importHsds({ ctx: ctx(), options, records: hsdsRecords(example)! });
    expect(refused.rejected).toEqual([{ record: '#1 ac148810-d857-441c-9679-408f346de14b “Community Counselling”', reason: 'cost_options.0.currency: GBP is not a currency Cercle takes (CAD, USD, EUR)' }]);
    const inDollars = structuredClone(example) as { cost_options: { currency: string }[] };
    inDollars.cost_options[0]!.currency = 'cad';
    const report = await importHsds({ ctx: ctx(), options, records: hsdsRecords(inDollars)! });
    expect(report).toEqual({ created: 1, unchanged: 0, rejected: [] });
    const [g] = await groupsOf(org);
    expect(g).toMatchObject({ titleFr: 'Community Counselling', titleEn: null, status: 'draft', timeZone: 'Europe/London', costType: 'fee', feeCents: 3500, feeCurrency: 'CAD', languages: ['ur'] });
    // Its coordinates (100, 101) cannot be on Earth: they are left out, not the service.
    expect([g!.latitude, g!.longitude]).toEqual([null, null]);
    expect((await t.db.select({ rrule: schedules.rrule }).from(schedules).where(eq(schedules.groupId, g!.id))).map((r) => r.rrule)).toEqual(['FREQ=WEEKLY;BYDAY=TH,FR']);
  });

  it('reports each record it cannot read, with its reason, and imports the others', async () => {
    const [good] = await exported();
    const org = (await createOrganization(t, { nameEn: 'Mixed' })).id;
    const records = [
      { ...good, id: '8f2c1b1e-5d4a-4e55-9a55-0f5c2b7e1a01' },
      { id: '8f2c1b1e-5d4a-4e55-9a55-0f5c2b7e1a02', status: 'active' },
      { ...good, id: '8f2c1b1e-5d4a-4e55-9a55-0f5c2b7e1a03', name: 'Gone', status: 'defunct' },
      { ...good, id: '8f2c1b1e-5d4a-4e55-9a55-0f5c2b7e1a04', name: 'No time', schedules: [{ id: '8f2c1b1e-5d4a-4e55-9a55-0f5c2b7e1a05', freq: 'WEEKLY', byday: 'MO' }] },
      { ...good, id: '8f2c1b1e-5d4a-4e55-9a55-0f5c2b7e1a01' },
      'not an object',
    ];
    const report = await importHsds({ ctx: ctx(), options: { organizationId: org }, records });
    expect(report.created).toBe(1);
    expect(report.rejected.map((r) => [r.record.split(' ')[0], r.reason])).toEqual([
      ['#2', expect.stringContaining('name:')],
      ['#3', 'the service is defunct'],
      ['#4', 'schedules.0: it has no opening time (opens_at)'],
      ['#5', 'the same service id appears earlier in the file'],
      ['#6', expect.stringContaining('service:')],
    ]);
  });

  it('writes nothing when the database refuses one of the records', async () => {
    const org = (await createOrganization(t, { nameEn: 'All or nothing' })).id;
    const [first, second] = await exported();
    await t.db.execute(sql`create function refuse_explode() returns trigger language plpgsql as $$ begin if new.title_en = 'Explode' then raise exception 'refused'; end if; return new; end $$`);
    await t.db.execute(sql`create trigger refuse_explode before insert on groups for each row execute function refuse_explode()`);
    try {
      const records = [first, { ...second, name: 'Explode' }];
      await expect(importHsds({ ctx: ctx(), options: { organizationId: org }, records })).rejects.toThrow();
      expect(await groupsOf(org)).toEqual([]);
    } finally {
      await t.db.execute(sql`drop trigger refuse_explode on groups`);
    }
  });
});
