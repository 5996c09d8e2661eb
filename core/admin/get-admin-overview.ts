import { eq, sql } from 'drizzle-orm';
import { articleComments, facilitators, listingReports, users } from '../../db/schema';
import type { Context } from '../context';
import { requirePlatformAdmin } from '../policy/permissions';

export interface AdminOverview {
  pendingLicences: number;
  openReports: number;
  /** Comments on articles waiting for moderation. */
  pendingComments: number;
  platformAdmins: number;
}

/** What waits for platform administrators: the admin home's counts. */
export async function getAdminOverview({ ctx }: { ctx: Context; input?: undefined }): Promise<AdminOverview> {
  await requirePlatformAdmin(ctx);
  const n = sql<number>`count(*)::int`;
  const [[licences], [reports], [comments], [admins]] = await Promise.all([
    ctx.db.select({ n }).from(facilitators).where(eq(facilitators.licenceStatus, 'pending')),
    ctx.db.select({ n }).from(listingReports).where(eq(listingReports.status, 'open')),
    ctx.db.select({ n }).from(articleComments).where(eq(articleComments.status, 'pending')),
    ctx.db.select({ n }).from(users).where(eq(users.isPlatformAdmin, true)),
  ]);
  return { pendingLicences: licences?.n ?? 0, openReports: reports?.n ?? 0, pendingComments: comments?.n ?? 0, platformAdmins: admins?.n ?? 0 };
}
