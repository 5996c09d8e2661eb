import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { groups, organizations, verificationStatus } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { NotFound } from '../errors';
import { requirePlatformAdmin } from '../policy/permissions';
import { audit } from '../organizations/shared';
import { refreshGroupSearch } from '../search/refresh-group-search';

export const setOrganizationVerificationInput = z.object({
  organizationId: z.uuid(),
  verification: z.enum(verificationStatus.enumValues, { error: 'required' }),
});
export type SetOrganizationVerificationInput = z.input<typeof setOrganizationVerificationInput>;

/**
 * A platform administrator sets an organization's verification (verified once they have checked
 * who runs it and how to reach it). Its groups' search rows are rebuilt in the same transaction,
 * so search and the guide rank its groups by the new status at once, and the change is audited.
 */
export async function setOrganizationVerification({
  ctx,
  input,
}: {
  ctx: Context;
  input: SetOrganizationVerificationInput;
}): Promise<{ changed: boolean }> {
  const q = parseInput(setOrganizationVerificationInput, input);
  return withTransaction(ctx, async (tx) => {
    await requirePlatformAdmin(tx);
    const [before] = await tx.db.select().from(organizations).where(eq(organizations.id, q.organizationId)).for('update');
    if (!before) throw new NotFound('organization');
    if (before.verification === q.verification) return { changed: false };
    await tx.db.update(organizations).set({ verification: q.verification, updatedAt: tx.now }).where(eq(organizations.id, before.id));
    const ids = await tx.db.select({ id: groups.id }).from(groups).where(eq(groups.organizationId, before.id));
    await refreshGroupSearch(
      tx.db,
      ids.map((g) => g.id),
      tx.now,
    );
    await audit(tx, {
      organizationId: before.id,
      action: 'organization.verification_changed',
      entityType: 'organization',
      entityId: before.id,
      data: { from: before.verification, to: q.verification },
    });
    return { changed: true };
  });
}
