import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { facilitators } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { NotFound } from '../errors';
import { requirePermission, requireUserId, roleIn } from '../policy/permissions';
import { LICENCE_BODY_MAX, LICENCE_JURISDICTION_MAX, LICENCE_NUMBER_MAX } from './constants';
import { audit, loadFacilitator, requiredText, type FacilitatorRow } from './shared';
import { unpublishUnlicensedGroups } from './unpublish-unlicensed-groups';

export const submitLicenceInput = z.object({
  facilitatorId: z.uuid(),
  /** The licence or permit number, as the regulatory body writes it. */
  number: requiredText(LICENCE_NUMBER_MAX),
  /** The regulatory body (professional order, college, board) that issued it. */
  body: requiredText(LICENCE_BODY_MAX),
  /** Where it lets the person practise (a province, state or country). */
  jurisdiction: requiredText(LICENCE_JURISDICTION_MAX),
});
export type SubmitLicenceInput = z.input<typeof submitLicenceInput>;

/**
 * Submits a facilitator's licence for review by the platform administrators: number, regulatory
 * body, jurisdiction. The facilitator themself (the member linked to the profile) or anyone with
 * `groups.edit` in the organization may do it. The licence becomes `pending`; submitting it again
 * while pending replaces what will be reviewed; changing a verified licence puts it back to
 * `pending` (the same details submitted again leave it verified).
 */
export async function submitLicence({ ctx, input }: { ctx: Context; input: SubmitLicenceInput }): Promise<{ facilitator: FacilitatorRow; changed: boolean }> {
  const userId = requireUserId(ctx);
  const q = parseInput(submitLicenceInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await loadFacilitator(tx, q.facilitatorId, { lock: true });
    if (!before.organizationId) throw new NotFound('facilitator');
    const linkedMember = before.userId === userId && (await roleIn(tx, before.organizationId)) !== null;
    if (!linkedMember) {
      await requirePermission(tx, before.organizationId, 'groups.edit').catch((err: unknown) => {
        if (err instanceof NotFound) throw new NotFound('facilitator');
        throw err;
      });
    }

    const same = before.licenceNumber === q.number && before.licenceBody === q.body && before.licenceJurisdiction === q.jurisdiction;
    // Nothing to review again: the same details, already waiting or already verified.
    if (same && (before.licenceStatus === 'pending' || before.licenceStatus === 'verified')) {
      return { facilitator: before, changed: false };
    }

    const [row] = await tx.db
      .update(facilitators)
      .set({
        licenceNumber: q.number,
        licenceBody: q.body,
        licenceJurisdiction: q.jurisdiction,
        licenceStatus: 'pending',
        // A new request has not been reviewed yet; the previous decision stays in the audit log.
        licenceReviewedAt: null,
        licenceReviewedBy: null,
        licenceReviewNote: null,
        updatedAt: tx.now,
      })
      .where(eq(facilitators.id, before.id))
      .returning();
    await audit(tx, {
      organizationId: before.organizationId,
      action: 'licence.submitted',
      entityType: 'facilitator',
      entityId: before.id,
      data: { number: q.number, body: q.body, jurisdiction: q.jurisdiction, previousStatus: before.licenceStatus },
    });
    // Changed details of a verified licence are not verified yet: the groups it held up go offline.
    if (before.licenceStatus === 'verified') await unpublishUnlicensedGroups(tx, row!);
    return { facilitator: row!, changed: true };
  });
}
