import { asc, eq, isNotNull, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { facilitators, organizations, users } from '../../db/schema';
import { parseInput, type Context } from '../context';
import { requirePlatformAdmin } from '../policy/permissions';
import { bilingual, type Bilingual } from '../text';

export const listLicenceReviewsInput = z
  .object({
    /** `pending`: only the requests waiting for a decision; `all`: also the decided ones. */
    show: z.enum(['pending', 'all']).default('all'),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .default({ show: 'all', limit: 200 });

export interface LicenceReview {
  facilitatorId: string;
  displayName: string;
  leadership: 'peer' | 'professional' | 'licensed';
  credentials: Bilingual;
  licenceNumber: string | null;
  licenceBody: string | null;
  licenceJurisdiction: string | null;
  licenceStatus: 'unverified' | 'pending' | 'verified' | 'rejected';
  licenceReviewedAt: Date | null;
  licenceReviewNote: string | null;
  reviewedBy: { id: string; name: string } | null;
  /** The facilitator's updatedAt, sent back with a decision so that a licence changed meanwhile is not decided blind. */
  version: string;
  submittedAt: Date;
  organization: { id: string; slug: string; name: Bilingual } | null;
  user: { id: string; name: string; email: string } | null;
}

/**
 * The licence review queue for platform administrators: requests waiting for a decision first
 * (oldest first), then the decided ones (latest decision first).
 */
export async function listLicenceReviews({ ctx, input }: { ctx: Context; input?: z.input<typeof listLicenceReviewsInput> }): Promise<LicenceReview[]> {
  await requirePlatformAdmin(ctx);
  const q = parseInput(listLicenceReviewsInput, input ?? {});
  const reviewer = alias(users, 'reviewer');
  const rows = await ctx.db
    .select({
      f: facilitators,
      org: { id: organizations.id, slug: organizations.slug, nameEn: organizations.nameEn, nameFr: organizations.nameFr },
      user: { id: users.id, name: users.name, email: users.email },
      reviewer: { id: reviewer.id, name: reviewer.name },
    })
    .from(facilitators)
    .leftJoin(organizations, eq(organizations.id, facilitators.organizationId))
    .leftJoin(users, eq(users.id, facilitators.userId))
    .leftJoin(reviewer, eq(reviewer.id, facilitators.licenceReviewedBy))
    .where(
      q.show === 'pending'
        ? eq(facilitators.licenceStatus, 'pending')
        : or(ne(facilitators.licenceStatus, 'unverified'), isNotNull(facilitators.licenceNumber)),
    )
    .orderBy(
      sql`case when ${facilitators.licenceStatus} = 'pending' then 0 else 1 end`,
      sql`case when ${facilitators.licenceStatus} = 'pending' then ${facilitators.updatedAt} end asc`,
      sql`${facilitators.licenceReviewedAt} desc nulls last`,
      asc(facilitators.displayName),
    )
    .limit(q.limit);
  return rows.map(({ f, org, user, reviewer: r }) => ({
    facilitatorId: f.id,
    displayName: f.displayName,
    leadership: f.leadership,
    credentials: bilingual(f.credentialsEn, f.credentialsFr),
    licenceNumber: f.licenceNumber,
    licenceBody: f.licenceBody,
    licenceJurisdiction: f.licenceJurisdiction,
    licenceStatus: f.licenceStatus,
    licenceReviewedAt: f.licenceReviewedAt,
    licenceReviewNote: f.licenceReviewNote,
    reviewedBy: r ?? null,
    version: f.updatedAt.toISOString(),
    submittedAt: f.updatedAt,
    organization: org ? { id: org.id, slug: org.slug, name: bilingual(org.nameEn, org.nameFr) } : null,
    user: user ?? null,
  }));
}
