import Negotiator from 'negotiator';
import type { i18n as I18n, TFunction } from 'i18next';
import en from './locales/en';
import fr from './locales/fr';
import enEmail from './locales/en/email';
import frEmail from './locales/fr/email';
import { AREA_WORDS } from './locales/areas';
import { DEFAULT_LOCALE, LOCALES, getI18n as instanceOf, isLocale, registerCatalog, type CatalogData, type Locale } from './instances';

export { LOCALES, DEFAULT_LOCALE, isLocale, MissingTranslationError, type Locale } from './instances';
/** Both languages' whole catalogs: the pages' words and the emails'. */
export const catalogs: Record<Locale, CatalogData> = {
  en: { ...en, ...AREA_WORDS.en, email: enEmail },
  fr: { ...(fr as typeof en), ...(AREA_WORDS.fr as typeof AREA_WORDS.en), email: frEmail as typeof enEmail },
};

/** Registers both catalogs: the server renders pages in either language. */
export function registerCatalogs() {
  registerCatalog('en', catalogs.en);
  registerCatalog('fr', catalogs.fr);
}

/** The i18next instance of a language, both catalogs registered (server side). */
export function getI18n(locale: Locale): I18n {
  registerCatalogs();
  return instanceOf(locale);
}

export function getT(locale: Locale): TFunction {
  return getI18n(locale).t;
}

/** Picks the preferred supported locale from an Accept-Language header (quality values honoured). */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const [best] = new Negotiator({ headers: { 'accept-language': header } }).languages([...LOCALES]);
  return isLocale(best) ? best : DEFAULT_LOCALE;
}
