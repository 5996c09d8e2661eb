import type { Locale } from '../../i18n';

// Every page has one path per locale. Route ids are `${locale}:${page}`, which lets the
// language switch find the same page in the other language.
export const PAGES = {
  home: { en: '/en', fr: '/fr', file: 'routes/home.tsx' },
  groups: { en: '/en/groups', fr: '/fr/groupes', file: 'routes/groups.tsx' },
  group: { en: '/en/groups/:slug', fr: '/fr/groupes/:slug', file: 'routes/group.tsx' },
  kinds: { en: '/en/kinds-of-groups', fr: '/fr/types-de-groupes', file: 'routes/kinds.tsx' },
  guide: { en: '/en/guide', fr: '/fr/guide', file: 'routes/guide.tsx' },
  guideResults: { en: '/en/guide/results', fr: '/fr/guide/resultats', file: 'routes/guide-results.tsx' },
  groupReport: { en: '/en/groups/:slug/report', fr: '/fr/groupes/:slug/signaler', file: 'routes/group-report.tsx' },
  sessionSignup: {
    en: '/en/groups/:slug/sessions/:sessionId/sign-up',
    fr: '/fr/groupes/:slug/rencontres/:sessionId/inscription',
    file: 'routes/session-signup.tsx',
  },
  cohortApply: {
    en: '/en/groups/:slug/cohorts/:cohortId/apply',
    fr: '/fr/groupes/:slug/cohortes/:cohortId/demande',
    file: 'routes/cohort-apply.tsx',
  },
  manage: { en: '/en/manage/:token', fr: '/fr/gerer/:token', file: 'routes/manage.tsx' },
  unsubscribe: { en: '/en/unsubscribe/:token', fr: '/fr/desabonnement/:token', file: 'routes/unsubscribe.tsx' },
} as const;

export type Page = keyof typeof PAGES;

export function routeId(locale: Locale, page: Page): string {
  return `${locale}:${page}`;
}

export function parseRouteId(id: string): { locale: Locale; page: Page } | null {
  const [locale, page] = id.split(':');
  if ((locale === 'en' || locale === 'fr') && page && page in PAGES) return { locale, page: page as Page };
  return null;
}

/** The path of a page in a locale, with its `:params` filled in. */
export function pathTo(locale: Locale, page: Page, params: Record<string, string | undefined> = {}): string {
  return PAGES[page][locale].replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

/** The locale a URL path is in, from its first segment. */
export function localeOfPath(pathname: string): Locale | null {
  const first = pathname.split('/')[1];
  return first === 'en' || first === 'fr' ? first : null;
}
