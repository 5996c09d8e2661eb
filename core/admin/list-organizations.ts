import { asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { organizations, verificationStatus } from '../../db/schema';

type VerificationStatus = (typeof verificationStatus.enumValues)[number];
import { parseInput, type Context } from '../context';
import { requirePlatformAdmin } from '../policy/permissions';
import { bilingual, type Bilingual } from '../text';

export const listOrganizationsInput = z
  .object({
    show: z.enum([...verificationStatus.enumValues, 'all']).default('all'),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .default({ show: 'all', limit: 200 });

export interface OrganizationReviewItem {
  id: string;
  slug: string;
  name: Bilingual;
  verification: VerificationStatus;
  /** What an administrator checks before verifying: a description and a public way to reach it. */
  described: boolean;
  website: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  publishedGroups: number;
  createdAt: Date;
}

/**
 * Organizations for platform administrators to verify: those asking for it (pending) first, then
 * not yet verified, newest first (a minutes-old organization is the one to look at), then the rest.
 */
export async function listOrganizations({ ctx, input }: { ctx: Context; input?: z.input<typeof listOrganizationsInput> }): Promise<OrganizationReviewItem[]> {
  await requirePlatformAdmin(ctx);
  const q = parseInput(listOrganizationsInput, input ?? {});
  const order = sql`case ${organizations.verification} when 'pending' then 0 when 'unverified' then 1 when 'rejected' then 2 else 3 end`;
  const rows = await ctx.db
    .select({
      o: organizations,
      published: sql<number>`(select count(*)::int from groups g where g.organization_id = ${organizations.id} and g.status = 'published')`,
    })
    .from(organizations)
    .where(q.show === 'all' ? undefined : eq(organizations.verification, q.show))
    .orderBy(asc(order), desc(organizations.createdAt), asc(organizations.slug))
    .limit(q.limit);
  return rows.map(({ o, published }) => ({
    id: o.id,
    slug: o.slug,
    name: bilingual(o.nameEn, o.nameFr),
    verification: o.verification,
    described: Boolean(o.descriptionEn || o.descriptionFr),
    website: o.website,
    email: o.email,
    phone: o.phone,
    city: o.city,
    publishedGroups: Number(published),
    createdAt: o.createdAt,
  }));
}
