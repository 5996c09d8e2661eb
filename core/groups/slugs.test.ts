import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { groups } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../../tests/support/db';
import { createGroup, createMember, createSession } from '../../tests/support/factories';
import { createContext, type Context } from '../context';
import { CoreError } from '../errors';
import { createGroup as createDraft, duplicateGroup, updateGroup } from '../group-editor';
import { findGroups } from '../search';
import { getGroup } from './index';
import { frenchSlugFor, slugBase, slugsFrom } from './slugs';

const NOW = new Date('2026-11-27T15:00:00Z');
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

const anonymous = (locale: 'en' | 'fr'): Context => createContext(t.db, { now: NOW, locale });
const rowOf = async (id: string) => (await t.db.select().from(groups).where(eq(groups.id, id)))[0]!;

async function admin() {
  const { user, organizationId } = await createMember(t, 'admin');
  return { organizationId, ctx: createContext(t.db, { now: NOW, actor: { type: 'user', userId: user.id } }) };
}

describe('slugs from titles', () => {
  it('folds accents and punctuation, and shares one random suffix between the languages', () => {
    expect(slugBase('  Deuil : après la perte d’un parent! ', 'groupe')).toBe('deuil-apres-la-perte-d-un-parent');
    expect(slugBase('—', 'groupe')).toBe('groupe');
    const { slug, slugFr } = slugsFrom('Grief after a parent', 'Deuil après la perte d’un parent');
    const suffix = slug.slice(-6);
    expect(slug).toMatch(/^grief-after-a-parent-[0-9a-f]{6}$/);
    expect(slugFr).toBe(`deuil-apres-la-perte-d-un-parent-${suffix}`);
  });

  it('gives no separate French slug when there is no French title or it reads the same', () => {
    expect(slugsFrom('Grief circle', null).slugFr).toBeNull();
    expect(slugsFrom('Café', 'Cafe').slugFr).toBeNull();
    // A group with a French title only has its one address made from it.
    expect(slugsFrom(null, 'Cercle de deuil').slug).toMatch(/^cercle-de-deuil-[0-9a-f]{6}$/);
    expect(frenchSlugFor('grief-circle-0a1b2c', 'Cercle de deuil')).toBe('cercle-de-deuil-0a1b2c');
  });
});

describe('a group has an address in each language', () => {
  it('is created with both slugs, found by either, and shown with the slug of the reader’s language', async () => {
    const a = await admin();
    const { id } = await createDraft({
      ctx: a.ctx,
      input: {
        organizationId: a.organizationId,
        kind: 'support_group',
        leadership: 'peer',
        format: 'drop_in',
        delivery: 'online',
        titleEn: 'Grief after a parent',
        titleFr: 'Deuil après la perte d’un parent',
      },
    });
    const row = await rowOf(id);
    expect(row.slug).toMatch(/^grief-after-a-parent-/);
    expect(row.slugFr).toMatch(/^deuil-apres-la-perte-d-un-parent-/);
    await t.db.update(groups).set({ status: 'published', publishedAt: NOW }).where(eq(groups.id, id));

    for (const ref of [row.slug, row.slugFr!]) {
      const fr = await getGroup({ ctx: anonymous('fr'), input: { ref } });
      expect(fr.slug).toBe(row.slugFr);
      expect(fr.slugs).toEqual({ en: row.slug, fr: row.slugFr });
      const en = await getGroup({ ctx: anonymous('en'), input: { ref } });
      expect(en.slug).toBe(row.slug);
    }
    await expect(getGroup({ ctx: anonymous('fr'), input: { ref: `${row.slugFr}x` } })).rejects.toBeInstanceOf(CoreError);
  });

  it('uses the English slug in French until a French title is added, then keeps the new one', async () => {
    const a = await admin();
    const g = await createGroup(t, { organizationId: a.organizationId, titleEn: 'Walking together', titleFr: null, slug: 'walking-together-00aa11' });
    await createSession(t, { groupId: g.id, startsAt: new Date(NOW.getTime() + 86_400_000) });
    expect((await getGroup({ ctx: anonymous('fr'), input: { ref: g.slug } })).slug).toBe('walking-together-00aa11');

    await updateGroup({ ctx: a.ctx, input: { groupId: g.id, changes: { titleFr: 'Marcher ensemble' } } });
    expect((await rowOf(g.id)).slugFr).toBe('marcher-ensemble-00aa11');
    // Search results in French link to the French address.
    const found = await findGroups({ ctx: anonymous('fr'), input: { q: 'Marcher ensemble' } });
    expect(found.results.find((r) => r.id === g.id)?.slug).toBe('marcher-ensemble-00aa11');

    // An address once given stays, even if the title changes again.
    await updateGroup({ ctx: a.ctx, input: { groupId: g.id, changes: { titleFr: 'Marchons' } } });
    expect((await rowOf(g.id)).slugFr).toBe('marcher-ensemble-00aa11');
  });

  it('does not hand out a slug another group has in the other language', async () => {
    const a = await admin();
    const taken = await createGroup(t, { organizationId: a.organizationId, slug: 'other-00bb22', slugFr: 'partage-00bb22' });
    const g = await createGroup(t, { organizationId: a.organizationId, titleEn: 'Sharing', titleFr: null, slug: 'sharing-00bb22' });
    await updateGroup({ ctx: a.ctx, input: { groupId: g.id, changes: { titleFr: 'Partage' } } });
    const slugFr = (await rowOf(g.id)).slugFr!;
    expect(slugFr).toMatch(/^partage-[0-9a-f]{6}$/);
    expect(slugFr).not.toBe((await rowOf(taken.id)).slugFr);
  });

  it('gives a copy new addresses in both languages', async () => {
    const a = await admin();
    const g = await createGroup(t, { organizationId: a.organizationId, titleEn: 'Loss circle', titleFr: 'Cercle du deuil', slug: 'loss-circle-00cc33', slugFr: 'cercle-du-deuil-00cc33' });
    const copy = await rowOf((await duplicateGroup({ ctx: a.ctx, input: { groupId: g.id } })).id);
    expect(copy.slug).toMatch(/^loss-circle-copy-/);
    expect(copy.slugFr).toMatch(/^cercle-du-deuil-copie-/);
    expect(copy.slugFr).not.toBe('cercle-du-deuil-00cc33');
  });
});
