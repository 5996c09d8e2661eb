import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { groups, listingReports } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { Conflict, NotFound } from '../errors';
import { requirePlatformAdmin } from '../policy/permissions';
import { audit } from '../facilitators/shared';

export const resolveListingReportInput = z.object({
  reportId: z.uuid(),
  /** `resolved`: the problem was real and has been dealt with; `dismissed`: nothing to do. */
  outcome: z.enum(['resolved', 'dismissed'], { error: 'required' }),
});
export type ResolveListingReportInput = z.input<typeof resolveListingReportInput>;

/** A platform administrator closes an open listing report as resolved or dismissed. */
export async function resolveListingReport({ ctx, input }: { ctx: Context; input: ResolveListingReportInput }): Promise<{ id: string; status: 'resolved' | 'dismissed' }> {
  const q = parseInput(resolveListingReportInput, input);
  return withTransaction(ctx, async (tx) => {
    const adminId = await requirePlatformAdmin(tx);
    const [report] = await tx.db
      .select({ id: listingReports.id, status: listingReports.status, reason: listingReports.reason, organizationId: groups.organizationId, groupId: groups.id })
      .from(listingReports)
      .innerJoin(groups, eq(groups.id, listingReports.groupId))
      .where(eq(listingReports.id, q.reportId));
    if (!report) throw new NotFound('listing report');
    // Only an open report is closed; the condition also settles two administrators acting at once.
    const [closed] = await tx.db
      .update(listingReports)
      .set({ status: q.outcome, resolvedAt: tx.now, resolvedBy: adminId })
      .where(and(eq(listingReports.id, q.reportId), eq(listingReports.status, 'open')))
      .returning({ id: listingReports.id });
    if (!closed) throw new Conflict(`the report is already ${report.status}`, 'report_closed');
    await audit(tx, {
      organizationId: report.organizationId,
      action: `listing_report.${q.outcome}`,
      entityType: 'listing_report',
      entityId: report.id,
      data: { groupId: report.groupId, reason: report.reason },
    });
    return { id: report.id, status: q.outcome };
  });
}
