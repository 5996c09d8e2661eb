import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { organizations } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { requirePermission, requireUserId } from '../policy/permissions';
import { audit, loadOrganization, organizationProfileInput, profileColumns, uuidInput, type OrganizationProfileInput } from './shared';

export const updateOrganizationInput = z.object({ organizationId: uuidInput, profile: organizationProfileInput });
export type UpdateOrganizationInput = { organizationId: string; profile: OrganizationProfileInput };

/**
 * Saves the bilingual profile (owners and admins). Either language may be left empty: the page
 * flags what is missing but never refuses it. The slug does not change, so links keep working.
 */
export async function updateOrganization({
  ctx,
  input,
}: {
  ctx: Context;
  input: UpdateOrganizationInput;
}): Promise<{ changed: string[] }> {
  requireUserId(ctx);
  const q = parseInput(updateOrganizationInput, input);
  await requirePermission(ctx, q.organizationId, 'organization.edit');
  return withTransaction(ctx, async (tx) => {
    const before = await loadOrganization(tx, q.organizationId);
    const next = profileColumns(q.profile);
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => before[k] !== next[k]);
    if (changed.length === 0) return { changed };
    await tx.db
      .update(organizations)
      .set({ ...next, updatedAt: tx.now })
      .where(eq(organizations.id, q.organizationId));
    await audit(tx, {
      organizationId: q.organizationId,
      action: 'organization.updated',
      entityType: 'organization',
      entityId: q.organizationId,
      data: { changed },
    });
    return { changed };
  });
}
