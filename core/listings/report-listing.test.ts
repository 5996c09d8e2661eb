import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { listingReports } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createGroup } from '../../tests/support/factories';
import { createContext } from '../context';
import { reportListing } from './index';

const NOW = new Date('2026-11-27T15:00:00Z');
let t: TestDatabase;
const ctx = () => createContext(t.db, { now: NOW, locale: 'fr' });
const reportsOf = (groupId: string) => t.db.select().from(listingReports).where(eq(listingReports.groupId, groupId));

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

describe('reportListing', () => {
  it('stores an open report for moderators, with the optional email and the reader’s language', async () => {
    const g = await createGroup(t);
    const { id } = await reportListing({
      ctx: ctx(),
      input: { group: g.slug, reason: 'not_running', details: '  The hall is closed since June.  ', email: ' me@example.org ', locale: 'fr' },
    });
    const [row] = await reportsOf(g.id);
    expect(row).toMatchObject({
      id,
      reason: 'not_running',
      details: 'The hall is closed since June.',
      reporterEmail: 'me@example.org',
      locale: 'fr',
      status: 'open',
    });
    expect(row?.createdAt.toISOString()).toBe(NOW.toISOString());
  });

  it('accepts a report without details or email', async () => {
    const g = await createGroup(t);
    await reportListing({ ctx: ctx(), input: { group: g.slug, reason: 'wrong_information', details: '', email: '' } });
    const [row] = await reportsOf(g.id);
    expect(row).toMatchObject({ details: null, reporterEmail: null, locale: 'en' });
  });

  it('refuses bad input with issues naming each field, and writes nothing', async () => {
    const g = await createGroup(t);
    await expect(
      reportListing({ ctx: ctx(), input: { group: g.slug, reason: 'boring' as never, email: 'not-an-email', details: 'x'.repeat(4001) } }),
    ).rejects.toMatchObject({
      code: 'invalid',
      issues: expect.arrayContaining([
        { path: 'reason', message: 'required' },
        { path: 'email', message: 'invalid_email' },
        { path: 'details', message: 'too_long' },
      ]),
    });
    await expect(reportListing({ ctx: ctx(), input: { group: g.slug, reason: 'other' } })).rejects.toMatchObject({
      code: 'invalid',
      issues: [{ path: 'details', message: 'required' }],
    });
    expect(await reportsOf(g.id)).toEqual([]);
  });

  it('only published groups can be reported', async () => {
    const draft = await createGroup(t, { status: 'draft' });
    await expect(reportListing({ ctx: ctx(), input: { group: draft.slug, reason: 'safety' } })).rejects.toMatchObject({ code: 'not_found' });
    await expect(reportListing({ ctx: ctx(), input: { group: 'nope', reason: 'safety' } })).rejects.toMatchObject({ code: 'not_found' });
    const [n] = await t.db.select({ n: count() }).from(listingReports).where(eq(listingReports.groupId, draft.id));
    expect(n?.n).toBe(0);
  });
});
