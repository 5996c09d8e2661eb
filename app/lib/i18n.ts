import { useRouteLoaderData } from 'react-router';
import { DEFAULT_LOCALE, type Locale } from '../../i18n';

/** The locale of the page being rendered (from the root loader). */
export function useLocale(): Locale {
  const data = useRouteLoaderData('root') as { locale: Locale } | undefined;
  return data?.locale ?? DEFAULT_LOCALE;
}
