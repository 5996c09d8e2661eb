import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { migrateDatabase, openPglite } from '../../db/client';
import { groups, schedules } from '../../db/schema';
import { createGroup, createOrganization, createSchedule } from '../support/factories';
import { hsdsValidator } from '../support/hsds';
import { runScript } from '../support/cli';

// `npm run cercle -- import hsds …`, run as a child process on an embedded database.

const run = (args: string[], env: Record<string, string>) => runScript('cercle.ts', args, env);

const service = (n: number, extra: object = {}) => ({
  id: `5b0c9a61-7d2e-4f3a-8c1b-00000000000${n}`,
  name: `Evening circle ${n}`,
  description: 'People who care for someone meet to talk.',
  status: 'active',
  languages: [{ id: `5b0c9a61-7d2e-4f3a-8c1b-10000000000${n}`, code: 'en' }],
  schedules: [{ id: `5b0c9a61-7d2e-4f3a-8c1b-20000000000${n}`, freq: 'WEEKLY', byday: 'MO', opens_at: '18:00', closes_at: '19:30', dtstart: '2026-09-07' }],
  ...extra,
});

describe('the cercle command: arguments', { timeout: 120_000 }, () => {
  it('explains itself, and refuses wrong arguments with exit code 2', async () => {
    const env = { DATA_DIR: '/nonexistent/never-opened' };
    const help = await run(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('import hsds <file> --organization <slug>');
    const none = await run([], env);
    expect(none.code).toBe(2);
    const unknown = await run(['publish', 'everything'], env);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('Unknown command: publish everything')]);
    const noOrg = await run(['import', 'hsds', 'file.json'], env);
    expect([noOrg.code, noOrg.stderr]).toEqual([2, expect.stringContaining('--organization is required')]);
    const badZone = await run(['import', 'hsds', 'file.json', '--organization', 'o', '--time-zone', 'Mars/Olympus'], env);
    expect([badZone.code, badZone.stderr]).toEqual([2, expect.stringContaining('--time-zone Mars/Olympus is not an IANA time zone')]);
  });
});

describe('the cercle command: import hsds', { timeout: 180_000 }, () => {
  let dir: string;
  let file: string;
  const groupsOf = async (slug: string) => {
    const handle = await openPglite(path.join(dir, 'data'));
    try {
      const rows = await handle.db.select({ id: groups.id, title: groups.titleEn, status: groups.status, orgSlug: groups.organizationId }).from(groups);
      const scheduled = await handle.db.select({ groupId: schedules.groupId }).from(schedules);
      return { rows: rows.filter((r) => r.orgSlug === orgIds[slug]), scheduled };
    } finally {
      await handle.close();
    }
  };
  const orgIds: Record<string, string> = {};

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cercle-cli-'));
    const handle = await openPglite(path.join(dir, 'data'));
    await migrateDatabase(handle);
    const f = { db: handle.db, now: new Date() };
    orgIds.valley = (await createOrganization(f, { slug: 'valley', nameEn: 'Valley Network' })).id;
    orgIds.dry = (await createOrganization(f, { slug: 'dry', nameEn: 'Dry Run' })).id;
    // A published drop-in group that meets every week, for the exports.
    const published = await createGroup(f, { organizationId: (await createOrganization(f, { slug: 'pub', nameEn: 'Published Org' })).id, titleEn: 'Weekly circle' });
    await createSchedule(f, { groupId: published.id, rrule: 'FREQ=WEEKLY;BYDAY=TH', startsLocal: '2026-09-03T19:00:00' });
    await handle.close();
    file = path.join(dir, 'services.json');
    writeFileSync(file, JSON.stringify({ total_items: 3, contents: [service(1), service(2), service(3, { status: 'defunct' })] }));
    writeFileSync(path.join(dir, 'broken.json'), '{ "contents": [');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the services as drafts, lists the refused one, and changes nothing the second time', async () => {
    const env = { DATA_DIR: path.join(dir, 'data') };
    const first = await run(['import', 'hsds', file, '--organization', 'valley'], env);
    expect(first.stdout).toContain('3 records read');
    expect(first.stdout).toContain('Created 2 draft groups.');
    expect(first.stdout).toContain('1 refused:\n  #3 5b0c9a61-7d2e-4f3a-8c1b-000000000003 “Evening circle 3”: the service is defunct');
    expect(first.code).toBe(3);
    const after = await groupsOf('valley');
    expect(after.rows.map((r) => [r.title, r.status]).sort()).toEqual([
      ['Evening circle 1', 'draft'],
      ['Evening circle 2', 'draft'],
    ]);
    expect(after.scheduled.filter((s) => after.rows.some((r) => r.id === s.groupId))).toHaveLength(2);

    const second = await run(['import', 'hsds', file, '--organization', 'valley'], env);
    expect(second.stdout).toContain('Created 0 draft groups.\n2 already imported, left as they are.');
    expect(second.code).toBe(3);
    expect((await groupsOf('valley')).rows).toHaveLength(2);
  });

  it('checks without writing on a dry run, and fails with 1 on an unknown organization or a file that is not JSON', async () => {
    const env = { DATA_DIR: path.join(dir, 'data') };
    const dry = await run(['import', 'hsds', file, '--organization', 'dry', '--dry-run', '--language', 'fr'], env);
    expect(dry.stdout).toContain('Would create 2 draft groups (dry run: nothing written).');
    expect((await groupsOf('dry')).rows).toEqual([]);
    const unknown = await run(['import', 'hsds', file, '--organization', 'nobody'], env);
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('No organization has the slug "nobody"')]);
    const broken = await run(['import', 'hsds', path.join(dir, 'broken.json'), '--organization', 'valley'], env);
    expect([broken.code, broken.stderr]).toEqual([1, expect.stringContaining('broken.json is not JSON')]);
  });

  it('exports the published groups as an HSDS dataset, a Meeting Guide feed and a CSV file', async () => {
    const env = { DATA_DIR: path.join(dir, 'data'), PUBLIC_URL: 'https://cercle.example.org' };
    const hsdsFile = path.join(dir, 'hsds.json');
    const hsds = await run(['export', 'hsds', '--output', hsdsFile], env);
    expect([hsds.code, hsds.stdout]).toEqual([0, expect.stringContaining(`Wrote 1 entry to ${hsdsFile}`)]);
    const dataset = JSON.parse(readFileSync(hsdsFile, 'utf8')) as { version: string; services: { name: string; url: string }[] };
    expect(dataset.services.map((s) => s.name)).toEqual(['Weekly circle']);
    expect(dataset.services[0]!.url).toMatch(/^https:\/\/cercle\.example\.org\/en\/groups\//);
    const validate = hsdsValidator();
    for (const service of dataset.services) expect(validate('service', service)).toEqual([]);

    const feedFile = path.join(dir, 'meetings.json');
    expect((await run(['export', 'meeting-guide', '--output', feedFile, '--language', 'fr'], env)).code).toBe(0);
    const meetings = JSON.parse(readFileSync(feedFile, 'utf8')) as { day: number; time: string; url: string }[];
    expect(meetings.map((m) => [m.day, m.time])).toEqual([[4, '19:00']]);
    expect(meetings[0]!.url).toMatch(/\/fr\/groupes\//);

    const csvFile = path.join(dir, 'groups.csv');
    expect((await run(['export', 'csv', '--output', csvFile], env)).code).toBe(0);
    const lines = readFileSync(csvFile, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('id,name,organization,kind,format,delivery,venue,city,province,languages,cost,amount,currency,schedules,time_zone,topics,url,last_modified');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Weekly circle,Published Org,support_group,drop_in,in_person');

    const noOutput = await run(['export', 'hsds'], env);
    expect([noOutput.code, noOutput.stderr]).toEqual([2, expect.stringContaining('--output is required')]);
    const badFormat = await run(['export', 'xml', '--output', csvFile], env);
    expect([badFormat.code, badFormat.stderr]).toEqual([2, expect.stringContaining('Unknown export format: xml')]);
  });
});
