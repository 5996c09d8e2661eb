import { eq, sql } from 'drizzle-orm';
import { facilitators, listingReports, users } from '../../db/schema';
import type { Context } from '../context';
import { requirePlatformAdmin } from '../policy/permissions';

export interface AdminOverview {
  pendingLicences: number;
  openReports: number;
  platformAdmins: number;
}

/** What waits for platform administrators: the admin home's counts. */
export async function getAdminOverview({ ctx }: { ctx: Context; input?: undefined }): Promise<AdminOverview> {
  await requirePlatformAdmin(ctx);
  const n = sql<number>`count(*)::int`;
  const [[licences], [reports], [admins]] = await Promise.all([
    ctx.db.select({ n }).from(facilitators).where(eq(facilitators.licenceStatus, 'pending')),
    ctx.db.select({ n }).from(listingReports).where(eq(listingReports.status, 'open')),
    ctx.db.select({ n }).from(users).where(eq(users.isPlatformAdmin, true)),
  ]);
  return { pendingLicences: licences?.n ?? 0, openReports: reports?.n ?? 0, platformAdmins: admins?.n ?? 0 };
}
