import type { TFunction } from 'i18next';
import type { PublicGroupSummary } from '../../core/groups';
import type { Locale } from '../../i18n';
import type { GroupCardData } from '../components/group-card';
import { describeCost } from './cost';
import { formatDay, formatSessionTime, languageName } from './format';

/** Place of a group in words: its city, "Online", or "City · Online" for hybrid groups. */
export function describePlace(g: PublicGroupSummary, t: TFunction): string {
  if (g.delivery === 'online' || !g.city) return t('delivery.online');
  return g.delivery === 'hybrid' ? `${g.city} · ${t('delivery.online')}` : g.city;
}

export function describeLanguages(codes: string[], locale: Locale): string {
  return codes.map((c) => languageName(c, locale)).join(', ');
}

/** What a list shows of a group, formatted on the server in the page's language. */
export function groupCard(g: PublicGroupSummary, t: TFunction, locale: Locale): GroupCardData {
  let when: string;
  if (g.format === 'ongoing') when = t('groups.ongoing');
  else if (g.format === 'closed' && g.nextCohortStartsOn)
    when = t('groups.cohortStarts', { date: formatDay(g.nextCohortStartsOn, locale) });
  else if (g.nextSessionAt) when = t('groups.nextSession', { date: formatSessionTime(g.nextSessionAt, g.timeZone, locale) });
  else when = t('groups.noUpcoming');
  return {
    slug: g.slug,
    title: g.title,
    summary: g.summary,
    kind: g.kind,
    format: g.format,
    leadership: g.leadership,
    delivery: g.delivery,
    place: describePlace(g, t),
    cost: describeCost(g.cost, t, locale),
    when,
    languages: describeLanguages(g.languages, locale),
    verified: g.organization.verified,
  };
}
