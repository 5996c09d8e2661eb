import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { organizations, type MemberRole } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { NotFound } from '../errors';
import { requirePermission, requireUserId } from '../policy/permissions';

export const findOrganizationBySlugInput = z.object({ slug: z.string().trim().min(1).max(200) });

/**
 * The organization behind an organizer page's `:org` slug, for its members only: anyone else
 * (another organization's member, a mistyped slug) gets the same NotFound.
 */
export async function findOrganizationBySlug({
  ctx,
  input,
}: {
  ctx: Context;
  input: { slug: string };
}): Promise<{ id: string; slug: string; nameEn: string; nameFr: string | null; role: MemberRole }> {
  requireUserId(ctx);
  const q = parseInput(findOrganizationBySlugInput, input);
  const [row] = await ctx.db
    .select({ id: organizations.id, slug: organizations.slug, nameEn: organizations.nameEn, nameFr: organizations.nameFr })
    .from(organizations)
    .where(eq(organizations.slug, q.slug));
  if (!row) throw new NotFound('organization');
  const role = await requirePermission(ctx, row.id, 'organization.view');
  return { ...row, role };
}
