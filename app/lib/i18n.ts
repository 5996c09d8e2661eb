import { useRouteLoaderData } from 'react-router';
import { DEFAULT_LOCALE, getI18n, type Locale } from '../../i18n/instances';

/** The locale of the page being rendered (from the root loader). */
export function useLocale(): Locale {
  const data = useRouteLoaderData('root') as { locale: Locale } | undefined;
  return data?.locale ?? DEFAULT_LOCALE;
}

/**
 * The page's translation function, for components drawn many times on one page (a post's
 * reactions, its author line): `useTranslation` copies the i18n instance for every component it
 * renders, which costs a feed page of twenty posts several milliseconds on the server. The
 * language is the page's, and changes with it.
 */
export function usePageT() {
  return getI18n(useLocale()).t;
}
