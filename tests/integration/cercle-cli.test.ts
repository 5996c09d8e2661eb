import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { migrateDatabase, openPglite } from '../../db/client';
import { groups, schedules } from '../../db/schema';
import { createOrganization } from '../support/factories';
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
    const unknown = await run(['export', 'everything'], env);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('Unknown command: export everything')]);
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
});

