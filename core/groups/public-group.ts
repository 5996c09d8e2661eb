import type { InferSelectModel } from 'drizzle-orm';
import type { groups } from '../../db/schema';
import { bilingual, type Bilingual } from '../text';

type GroupRow = InferSelectModel<typeof groups>;

/** The fields of a group anyone may see. The online meeting link is deliberately absent. */
export interface PublicGroupSummary {
  id: string;
  slug: string;
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
  organization: { slug: string; name: Bilingual };
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

export function publicCost(g: GroupRow): PublicCost {
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
  g: GroupRow,
  extra: {
    nextSessionAt: Date | null;
    nextCohortStartsOn: string | null;
    organization: { slug: string; nameEn: string; nameFr: string | null };
  },
): PublicGroupSummary {
  return {
    id: g.id,
    slug: g.slug,
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
    },
  };
}
