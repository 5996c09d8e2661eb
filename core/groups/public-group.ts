import type { InferSelectModel } from 'drizzle-orm';
import { groups, type Locale } from '../../db/schema';
import { groupSlugs, type GroupSlugs } from './slugs';
import { bilingual, type Bilingual } from '../text';

type GroupRow = InferSelectModel<typeof groups>;

/** The columns of a group that its public summary shows (what search reads for a page of results). */
export const SUMMARY_COLUMNS = {
  id: groups.id,
  slug: groups.slug,
  slugFr: groups.slugFr,
  titleEn: groups.titleEn,
  titleFr: groups.titleFr,
  summaryEn: groups.summaryEn,
  summaryFr: groups.summaryFr,
  kind: groups.kind,
  leadership: groups.leadership,
  format: groups.format,
  dropInStyle: groups.dropInStyle,
  delivery: groups.delivery,
  workshopActivity: groups.workshopActivity,
  city: groups.city,
  province: groups.province,
  languages: groups.languages,
  costType: groups.costType,
  feeCents: groups.feeCents,
  feeCurrency: groups.feeCurrency,
  feePer: groups.feePer,
  suggestedDonationCents: groups.suggestedDonationCents,
  insuranceReceipts: groups.insuranceReceipts,
  coveredByEn: groups.coveredByEn,
  coveredByFr: groups.coveredByFr,
  timeZone: groups.timeZone,
} as const;
type SummaryRow = Pick<GroupRow, keyof typeof SUMMARY_COLUMNS>;

/** The fields of a group anyone may see. The online meeting link is deliberately absent. */
export interface PublicGroupSummary {
  id: string;
  /** The group's address in the context's language. */
  slug: string;
  slugs: GroupSlugs;
  title: Bilingual;
  summary: Bilingual;
  kind: GroupRow['kind'];
  leadership: GroupRow['leadership'];
  format: GroupRow['format'];
  dropInStyle: GroupRow['dropInStyle'];
  delivery: GroupRow['delivery'];
  workshopActivity: GroupRow['workshopActivity'];
  city: string | null;
  province: string | null;
  languages: string[];
  cost: PublicCost;
  timeZone: string;
  nextSessionAt: Date | null;
  nextCohortStartsOn: string | null;
  /** `verified`: a platform administrator verified the organization (shown with its groups). */
  organization: { slug: string; name: Bilingual; verified: boolean };
}

export interface PublicCost {
  type: GroupRow['costType'];
  amountCents: number | null;
  currency: string | null;
  per: GroupRow['feePer'];
  suggestedDonationCents: number | null;
  insuranceReceipts: boolean;
  coveredBy: Bilingual;
}

export function publicCost(g: SummaryRow): PublicCost {
  return {
    type: g.costType,
    amountCents: g.costType === 'fee' ? g.feeCents : null,
    currency: g.costType === 'fee' ? g.feeCurrency : g.suggestedDonationCents != null ? (g.feeCurrency ?? 'CAD') : null,
    per: g.costType === 'fee' ? g.feePer : null,
    suggestedDonationCents: g.costType === 'pay_what_you_can' ? g.suggestedDonationCents : null,
    insuranceReceipts: g.insuranceReceipts,
    coveredBy: bilingual(g.coveredByEn, g.coveredByFr),
  };
}

export function publicSummary(
  g: SummaryRow,
  extra: {
    nextSessionAt: Date | null;
    nextCohortStartsOn: string | null;
    organization: { slug: string; nameEn: string; nameFr: string | null; verification: string };
  },
  locale: Locale,
): PublicGroupSummary {
  const slugs = groupSlugs(g);
  return {
    id: g.id,
    slug: slugs[locale],
    slugs,
    title: bilingual(g.titleEn, g.titleFr),
    summary: bilingual(g.summaryEn, g.summaryFr),
    kind: g.kind,
    leadership: g.leadership,
    format: g.format,
    dropInStyle: g.dropInStyle,
    delivery: g.delivery,
    workshopActivity: g.workshopActivity,
    city: g.delivery === 'online' ? null : g.city,
    province: g.delivery === 'online' ? null : g.province,
    languages: g.languages,
    cost: publicCost(g),
    timeZone: g.timeZone,
    nextSessionAt: extra.nextSessionAt,
    nextCohortStartsOn: extra.nextCohortStartsOn,
    organization: {
      slug: extra.organization.slug,
      name: bilingual(extra.organization.nameEn, extra.organization.nameFr),
      verified: extra.organization.verification === 'verified',
    },
  };
}
