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
