import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openPglite, openPostgres, type DatabaseHandle } from '../../db/client';
import { createGroup, createSchedule, createSession, register } from '../support/factories';
import { scratchPostgres } from '../support/db';
import { runScript } from '../support/cli';

// `npm run cercle -- backup` then `restore`, run as an operator runs them, on each engine: the
// restored database holds the same rows as the saved one.

const run = (args: string[], env: Record<string, string>) => runScript('cercle.ts', args, env);

/** Some of everything: organizations, groups, schedules, sessions, participants, registrations. */
async function fill(handle: DatabaseHandle) {
  await migrateDatabase(handle);
  const f = { db: handle.db, now: new Date('2026-10-01T12:00:00Z') };
  for (let i = 0; i < 3; i++) {
    const g = await createGroup(f, { titleEn: `Circle ${i}`, titleFr: `Cercle ${i}` });
    await createSchedule(f, { groupId: g.id, rrule: 'FREQ=WEEKLY;BYDAY=MO', startsLocal: '2026-10-05T19:00:00' });
    const s = await createSession(f, { groupId: g.id, startsAt: new Date('2026-10-05T23:00:00Z') });
    await register(f, s.id, 'confirmed');
  }
}

/** Every table's row count, and every row of a few tables, as the database returns them. */
async function snapshot(handle: DatabaseHandle) {
  const rows = async (query: string) => ((await handle.db.execute(sql.raw(query))) as unknown as { rows: Record<string, unknown>[] }).rows;
  const tables = (await rows(`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)).map((r) => String(r.t));
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = Number((await rows(`select count(*) as n from "${t}"`))[0]!.n);
  const sample: Record<string, unknown> = {};
  for (const t of ['organizations', 'groups', 'schedules', 'sessions', 'participants', 'registrations', 'topics']) {
    sample[t] = JSON.stringify(await rows(`select * from "${t}" order by id`));
  }
  return { tables, counts, sample };
}

describe('backup and restore of the embedded database', { timeout: 180_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cercle-backup-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores a data folder with nothing lost, and never over a database', async () => {
    const from = path.join(dir, 'from');
    const handle = await openPglite(from);
    await fill(handle);
    const before = await snapshot(handle);
    await handle.close();
    expect(before.counts.groups).toBe(3);

    const file = path.join(dir, 'cercle.tar.gz');
    const saved = await run(['backup', '--output', file], { DATA_DIR: from });
    expect([saved.code, saved.stdout]).toEqual([0, expect.stringContaining(`to ${file}`)]);
    const into = path.join(dir, 'into');
    const restored = await run(['restore', file], { DATA_DIR: into });
    expect([restored.code, restored.stderr]).toEqual([0, '']);

    const back = await openPglite(into);
    expect(await snapshot(back)).toEqual(before);
    await back.close();

    const again = await run(['restore', file], { DATA_DIR: into });
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining('already holds a database')]);
    const wrongKind = await run(['restore', path.join(dir, 'nothing.dump')], { DATA_DIR: path.join(dir, 'other') });
    expect(wrongKind.code).toBe(1);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('backup and restore on PostgreSQL', { timeout: 180_000 }, () => {
  const base = process.env.TEST_DATABASE_URL ?? '';
  let from: Awaited<ReturnType<typeof scratchPostgres>>;
  let into: Awaited<ReturnType<typeof scratchPostgres>>;
  let dir: string;
  beforeAll(async () => {
    from = await scratchPostgres(base, 'cercle_backup_from');
    into = await scratchPostgres(base, 'cercle_backup_into');
    dir = mkdtempSync(path.join(os.tmpdir(), 'cercle-backup-pg-'));
  });
  afterAll(async () => {
    await from?.drop();
    await into?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores into an empty database with nothing lost, and never over a database', async () => {
    const handle = await openPostgres(from.url, { max: 2 });
    await fill(handle);
    const before = await snapshot(handle);
    await handle.close();

    const file = path.join(dir, 'cercle.dump');
    expect((await run(['backup', '--output', file], { DATABASE_URL: from.url })).code).toBe(0);
    const restored = await run(['restore', file], { DATABASE_URL: into.url });
    expect([restored.code, restored.stderr]).toEqual([0, '']);
    const back = await openPostgres(into.url, { max: 2 });
    expect(await snapshot(back)).toEqual(before);
    await back.close();

    const again = await run(['restore', file], { DATABASE_URL: into.url });
    expect([again.code, again.stderr]).toEqual([1, expect.stringContaining('is not empty')]);
  });
});
