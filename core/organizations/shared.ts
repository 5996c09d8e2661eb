import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { organizationMembers, organizations, type MemberRole } from '../../db/schema';
import type { Context } from '../context';
import { NotFound } from '../errors';
import { slugOf } from '../text';

// Pieces shared by the organization actions: the profile's fields and their validation, slugs,
// invitation tokens and the audit row every action writes.

import { DESCRIPTION_MAX, NAME_MAX } from './constants';

export { DESCRIPTION_MAX, NAME_MAX };

// Issue messages are stable codes (`required`, `too_long`, `invalid_email`…): pages turn them into
// sentences in the reader's language.

/** Trimmed text; an empty field means "not given" (null). */
const optionalText = (max: number) =>
  z
    .string({ error: 'invalid' })
    .trim()
    .max(max, { error: 'too_long' })
    .nullish()
    .transform((s) => s || null);

export const organizationProfileInput = z
  .object({
    nameEn: optionalText(NAME_MAX),
    nameFr: optionalText(NAME_MAX),
    descriptionEn: optionalText(DESCRIPTION_MAX),
    descriptionFr: optionalText(DESCRIPTION_MAX),
    website: optionalText(500).pipe(
      z
        .url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'invalid_url' })
        .nullable(),
    ),
    email: optionalText(254).pipe(z.email({ error: 'invalid_email' }).nullable()),
    phone: optionalText(40).pipe(
      z
        .string()
        .regex(/^\+?[0-9 ().-]{7,}(?:\s*(?:x|ext\.?|poste)\s*[0-9]{1,6})?$/i, { error: 'invalid_phone' })
        .nullable(),
    ),
    city: optionalText(100),
    region: optionalText(100),
  })
  .superRefine((v, issue) => {
    // A name is needed in at least one language; the other may come later.
    if (!v.nameEn && !v.nameFr) issue.addIssue({ code: 'custom', path: ['nameEn'], message: 'required' });
  });
export type OrganizationProfileInput = z.input<typeof organizationProfileInput>;
export type OrganizationProfile = z.output<typeof organizationProfileInput>;

/**
 * The profile as stored. The English name column is required by the table and serves as the
 * fallback everywhere, so a French-only organization keeps its French name there too (a name is a
 * proper noun; the English profile is still flagged as missing through its description).
 */
export function profileColumns(p: OrganizationProfile) {
  return {
    nameEn: p.nameEn ?? p.nameFr!,
    nameFr: p.nameFr,
    descriptionEn: p.descriptionEn,
    descriptionFr: p.descriptionFr,
    website: p.website,
    email: p.email,
    phone: p.phone,
    city: p.city,
    region: p.region,
  };
}

type ProfileRow = Pick<typeof organizations.$inferSelect, 'nameEn' | 'nameFr' | 'descriptionEn' | 'descriptionFr'>;

/** The languages the public profile is missing (shown to organizers as a note, never blocking). */
export function missingLanguages(row: ProfileRow): ('en' | 'fr')[] {
  const missing: ('en' | 'fr')[] = [];
  // English is missing when only French was written; French when its name or description is.
  if (!row.descriptionEn && row.descriptionFr) missing.push('en');
  if (!row.nameFr || (!row.descriptionFr && row.descriptionEn)) missing.push('fr');
  return missing;
}

/** The organization's name in a language, falling back to the other one. */
export function nameIn(row: Pick<ProfileRow, 'nameEn' | 'nameFr'>, locale: 'en' | 'fr'): string {
  return locale === 'fr' ? (row.nameFr ?? row.nameEn) : row.nameEn;
}

/** An organization's slug from its name (`slugOf`, apostrophes joining: `L’Entraide` → `lentraide`). */
export function slugify(name: string): string {
  return slugOf(name, 'organization', { joinApostrophes: true });
}

/** A fresh invitation token (sent by email) and the hash that is stored in its place. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The organization row, or NotFound. */
export async function loadOrganization(ctx: Context, organizationId: string) {
  const [row] = await ctx.db.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!row) throw new NotFound('organization');
  return row;
}

/** A membership in an organization, or null. */
export async function membershipOf(ctx: Context, organizationId: string, userId: string) {
  const [row] = await ctx.db
    .select()
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)));
  return row ?? null;
}


export const uuidInput = z.uuid({ error: 'invalid' });
export type { MemberRole };

export { audit } from '../audit/write-audit';
