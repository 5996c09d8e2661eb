import type { Locale } from '../../i18n';
import { pathTo } from './paths';

// Resource routes of a group page (see app/routes.ts): calendar files in each language.

export function groupCalendarPath(locale: Locale, slug: string): string {
  return `${pathTo(locale, 'group', { slug })}/${locale === 'fr' ? 'calendrier' : 'calendar'}.ics`;
}

export function sessionCalendarPath(locale: Locale, slug: string, sessionId: string): string {
  const [sessions, file] = locale === 'fr' ? ['rencontres', 'calendrier'] : ['sessions', 'calendar'];
  return `${pathTo(locale, 'group', { slug })}/${sessions}/${encodeURIComponent(sessionId)}/${file}.ics`;
}

/** The calendar feed of a search: the search page's own query after it. */
export function searchCalendarPath(locale: Locale): string {
  return `${pathTo(locale, 'groups')}/${locale === 'fr' ? 'calendrier' : 'calendar'}.ics`;
}

/** The calendar feed of an organization's published groups. */
export function organizationCalendarPath(locale: Locale, org: string): string {
  return locale === 'fr' ? `/fr/organismes/${encodeURIComponent(org)}/calendrier.ics` : `/en/organizations/${encodeURIComponent(org)}/calendar.ics`;
}

/** A person's private calendar feed, from its link's token (the manage page shows it). */
export function myCalendarPath(locale: Locale, feedToken: string): string {
  return locale === 'fr' ? `/fr/agenda/${encodeURIComponent(feedToken)}/mes-rencontres.ics` : `/en/calendar/${encodeURIComponent(feedToken)}/my-sessions.ics`;
}

/** An organization's embeddable widget (for an <iframe> on its own site). */
export function embedPath(locale: Locale, org: string): string {
  return locale === 'fr' ? `/fr/integration/${encodeURIComponent(org)}` : `/en/embed/${encodeURIComponent(org)}`;
}

/** The Atom feed of a language's articles, or of one topic's. */
export function articlesFeedPath(locale: Locale, topic?: string | null): string {
  const path = `${pathTo(locale, 'articles')}/${locale === 'fr' ? 'fil' : 'feed'}.atom`;
  return topic ? `${path}?topic=${encodeURIComponent(topic)}` : path;
}
