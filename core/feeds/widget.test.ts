import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createGroup, createOrganization, createSession } from '../../tests/support/factories';
import { createContext } from '../context';
import { organizationWidget } from './widget';

const NOW = new Date('2026-10-01T12:00:00Z');
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
  const org = await createOrganization(t, { slug: 'harbour', nameEn: 'Harbour Hospice', nameFr: 'Hospice du Port' });
  const later = await createGroup(t, { organizationId: org.id, titleEn: 'Later', titleFr: 'Plus tard' });
  await createSession(t, { groupId: later.id, startsAt: day(9) });
  const soon = await createGroup(t, { organizationId: org.id, titleEn: 'Soon', titleFr: null });
  await createSession(t, { groupId: soon.id, startsAt: day(2) });
  await createSession(t, { groupId: soon.id, startsAt: day(1), status: 'cancelled' });
  await createSession(t, { groupId: soon.id, startsAt: day(-1) });
  await createGroup(t, { organizationId: org.id, titleEn: 'Someday' });
  await createGroup(t, { organizationId: org.id, titleEn: 'Draft', status: 'draft', publishedAt: null });
});
afterAll(async () => {
  await t?.close();
});

describe('an organization’s widget', () => {
  it('lists its published groups, the next meeting first (not a cancelled or past one), then those with none ahead', async () => {
    const w = await organizationWidget(createContext(t.db, { now: NOW, locale: 'fr' }), { slug: 'harbour', limit: 10 });
    expect(w.name).toBe('Hospice du Port');
    expect(w.groups.map((g) => [g.title, g.lang, g.nextSessionAt?.toISOString() ?? null])).toEqual([
      ['Soon', 'en', day(2).toISOString()],
      ['Plus tard', 'fr', day(9).toISOString()],
      [expect.stringMatching(/^Groupe /), 'fr', null],
    ]);
    expect((await organizationWidget(createContext(t.db, { now: NOW }), { slug: 'harbour', limit: 1 })).groups).toHaveLength(1);
    await expect(organizationWidget(createContext(t.db, { now: NOW }), { slug: 'nobody', limit: 5 })).rejects.toMatchObject({ code: 'not_found' });
  });
});
