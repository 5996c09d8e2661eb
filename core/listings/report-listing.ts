import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { groups, listingReports, LISTING_REPORT_REASONS, LOCALES } from '../../db/schema';
import { parseInput, withTransaction, type Context } from '../context';
import { addressLimit, consume } from '../limits/rate-limit';
import { groupSlugIs } from '../groups/slugs';
import { NotFound } from '../errors';

export const REPORT_DETAILS_MAX = 4000;

// Issue messages are stable codes (`required`, `too_long`, …): the page turns them into sentences
// in the reader's language.
export const reportListingInput = z
  .object({
    /** The group's slug. */
    group: z.string().trim().min(1).max(200),
    reason: z.enum(LISTING_REPORT_REASONS, { error: 'required' }),
    details: z
      .string()
      .trim()
      .max(REPORT_DETAILS_MAX, { error: 'too_long' })
      .optional()
      .transform((s) => s || undefined),
    email: z
      .string()
      .trim()
      .max(254, { error: 'invalid_email' })
      .optional()
      .transform((s) => s || undefined)
      .pipe(z.email({ error: 'invalid_email' }).optional()),
    locale: z.enum(LOCALES).default('en'),
  })
  .superRefine((v, issue) => {
    // "Something else" says nothing by itself: moderators need a few words.
    if (v.reason === 'other' && !v.details) issue.addIssue({ code: 'custom', path: ['details'], message: 'required' });
  });
export type ReportListingInput = z.input<typeof reportListingInput>;

/**
 * "Report a problem with this listing": stores the report for platform moderators. Anyone may
 * report a published group; the reporter's email is optional and only for moderators to answer.
 */
export async function reportListing({ ctx, input }: { ctx: Context; input: ReportListingInput }): Promise<{ id: string }> {
  const q = parseInput(reportListingInput, input);
  await consume(ctx, addressLimit(ctx, 'report'));
  return withTransaction(ctx, async (tx) => {
    const [group] = await tx.db
      .select({ id: groups.id })
      .from(groups)
      .where(and(groupSlugIs(q.group), eq(groups.status, 'published')))
      .limit(1);
    if (!group) throw new NotFound('group');
    const [row] = await tx.db
      .insert(listingReports)
      .values({
        groupId: group.id,
        reason: q.reason,
        details: q.details ?? null,
        reporterEmail: q.email ?? null,
        locale: q.locale,
        createdAt: tx.now,
      })
      .returning({ id: listingReports.id });
    return { id: row!.id };
  });
}
