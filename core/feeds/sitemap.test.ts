import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createGroup } from '../../tests/support/factories';
import { createContext } from '../context';
import { groupSitemapCount, groupSitemapEntries } from './sitemap';

let t: TestDatabase;
const slugs: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase({ now: new Date('2026-10-01T12:00:00Z') });
  for (let i = 0; i < 7; i++) slugs.push((await createGroup(t, {})).slug);
  await createGroup(t, { status: 'draft', publishedAt: null });
});
afterAll(async () => {
  await t?.close();
});

describe('the sitemaps of groups', () => {
  it('split the published groups into files, each read in batches, every group once', async () => {
    const ctx = createContext(t.db, { now: new Date() });
    expect(await groupSitemapCount(ctx, 3)).toBe(3);
    const files = [];
    for (let file = 1; file <= 4; file++) {
      const entries = [];
      for await (const e of groupSitemapEntries(ctx, file, { perFile: 3, batch: 2 })) entries.push(e.slugs.en);
      files.push(entries);
    }
    expect(files.map((f) => f.length)).toEqual([3, 3, 1, 0]);
    expect(files.flat().sort()).toEqual([...slugs].sort());
  });
});
