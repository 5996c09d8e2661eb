import { asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { groups, listingReports, organizations, type ListingReportReason } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { requirePlatformAdmin } from '../policy/permissions';
import { bilingual, type Bilingual } from '../text';
import { groupSlugColumn } from '../groups/slugs';
import { LISTING_REPORT_STATUSES, type ListingReportStatus } from './constants';


export const listListingReportsInput = z
  .object({
    show: z.enum([...LISTING_REPORT_STATUSES, 'all']).default('open'),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .default({ show: 'open', limit: 200 });

export interface ListingReportItem {
  id: string;
  reason: ListingReportReason;
  details: string | null;
  reporterEmail: string | null;
  locale: 'en' | 'fr';
  status: ListingReportStatus;
  createdAt: Date;
  resolvedAt: Date | null;
  group: { id: string; slug: string; title: Bilingual; status: string };
  organization: { id: string; slug: string; name: Bilingual } | null;
}

/**
 * "Report a problem with this listing" reports, for platform administrators: open ones first
 * (oldest first, they have waited longest), then the handled ones (latest first).
 */
export async function listListingReports({ ctx, input }: { ctx: Context; input?: z.input<typeof listListingReportsInput> }): Promise<ListingReportItem[]> {
  await requirePlatformAdmin(ctx);
  const q = parseInput(listListingReportsInput, input ?? {});
  const rows = await ctx.db
    .select({
      r: listingReports,
      g: { id: groups.id, slug: groupSlugColumn(ctx.locale), titleEn: groups.titleEn, titleFr: groups.titleFr, status: groups.status },
      org: { id: organizations.id, slug: organizations.slug, nameEn: organizations.nameEn, nameFr: organizations.nameFr },
    })
    .from(listingReports)
    .innerJoin(groups, eq(groups.id, listingReports.groupId))
    .leftJoin(organizations, eq(organizations.id, groups.organizationId))
    .where(q.show === 'all' ? undefined : eq(listingReports.status, q.show))
    .orderBy(
      sql`case when ${listingReports.status} = 'open' then 0 else 1 end`,
      sql`case when ${listingReports.status} = 'open' then ${listingReports.createdAt} end asc`,
      desc(listingReports.createdAt),
      asc(listingReports.id),
    )
    .limit(q.limit);
  return rows.map(({ r, g, org }) => ({
    id: r.id,
    reason: r.reason,
    details: r.details,
    reporterEmail: r.reporterEmail,
    locale: r.locale,
    status: r.status,
    createdAt: r.createdAt,
    resolvedAt: r.resolvedAt,
    group: { id: g.id, slug: g.slug, title: bilingual(g.titleEn, g.titleFr), status: g.status },
    organization: org ? { id: org.id, slug: org.slug, name: bilingual(org.nameEn, org.nameFr) } : null,
  }));
}
