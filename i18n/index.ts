import Negotiator from 'negotiator';
import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import en from './locales/en';
import fr from './locales/fr';
import type { Locale } from '../db/schema/enums';

export const LOCALES = ['en', 'fr'] as const satisfies readonly Locale[];
export type { Locale };
export const DEFAULT_LOCALE: Locale = 'en';
export const catalogs = { en, fr } as const;

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'fr';
}

export class MissingTranslationError extends Error {
  override name = 'MissingTranslationError';
}

const instances = new Map<Locale, I18n>();

/**
 * One i18next instance per locale, created once with its catalog bundled in (the same on the
 * server and in the browser). A key missing from the catalog throws instead of showing the key.
 */
export function getI18n(locale: Locale): I18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      lng: locale,
      fallbackLng: false,
      resources: { [locale]: { translation: catalogs[locale] } },
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
      saveMissing: true,
      missingKeyHandler: (_lngs, _ns, key) => {
        throw new MissingTranslationError(`Missing translation key "${key}" for locale ${locale}`);
      },
    });
    instances.set(locale, instance);
  }
  return instance;
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
