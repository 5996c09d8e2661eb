import { randomBytes } from 'node:crypto';
import { eq, or, sql, type SQL } from 'drizzle-orm';
import { groups, type Locale } from '../../db/schema';
import { slugOf } from '../text';

// A group has an address in each language: `slug` (English, and French when the group has no
// French title) and `slug_fr` (from its French title). Either slug finds the group; a page asked
// for by the other language's slug redirects to its own.

export interface GroupSlugs {
  en: string;
  fr: string;
}

export function groupSlugs(g: { slug: string; slugFr: string | null }): GroupSlugs {
  return { en: g.slug, fr: g.slugFr ?? g.slug };
}

/** The column expression of a group's slug in `locale` (for selections that build links). */
export function groupSlugColumn(locale: Locale): SQL<string> {
  return locale === 'fr' ? sql<string>`coalesce(${groups.slugFr}, ${groups.slug})` : sql<string>`${groups.slug}`;
}

/** Rows whose English or French slug is `slug`. */
export function groupSlugIs(slug: string): SQL {
  return or(eq(groups.slug, slug), eq(groups.slugFr, slug))!;
}

/** The readable part of a group's slug: its title as `slugOf` makes it. */
export function slugBase(title: string, fallback: string): string {
  return slugOf(title, fallback);
}

/**
 * Slugs for a group with these titles, sharing one short random suffix so that both are unique:
 * the English one from the English title (or the French one when there is none), and a French one
 * only when there is a French title that reads differently.
 */
export function slugsFrom(titleEn: string | null, titleFr: string | null): { slug: string; slugFr: string | null } {
  const suffix = randomBytes(3).toString('hex');
  const slug = `${slugBase((titleEn ?? titleFr)!, 'group')}-${suffix}`;
  const slugFr = titleFr ? `${slugBase(titleFr, 'groupe')}-${suffix}` : null;
  return { slug, slugFr: slugFr === slug ? null : slugFr };
}

/**
 * The French slug a group gets when a French title is added to it later: with the suffix of its
 * English slug, or a new random one (`freshSuffix`, when that one is taken).
 */
export function frenchSlugFor(slug: string, titleFr: string, freshSuffix = false): string | null {
  const kept = freshSuffix ? undefined : /-([0-9a-f]{6})$/.exec(slug)?.[1];
  const suffix = kept ?? randomBytes(3).toString('hex');
  const slugFr = `${slugBase(titleFr, 'groupe')}-${suffix}`;
  return slugFr === slug ? null : slugFr;
}
