import i18next, { type i18n as I18n } from 'i18next';
import type { Locale } from '../db/schema/enums';
import type en from './locales/en';
import type email from './locales/en/email';

// The translation instances, one per language, without the catalogs themselves: the browser loads
// only the catalog of the page's language (`loadCatalog`), the server registers both
// (`i18n/index.ts`). This module is safe to import from code that runs in the browser.

export type { Locale };
/** The words of pages (what the browser loads), and the whole catalog with the emails' words. */
export type PageCatalog = typeof en;
export type CatalogData = PageCatalog & { email: typeof email };
export const LOCALES = ['en', 'fr'] as const satisfies readonly Locale[];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'fr';
}

export class MissingTranslationError extends Error {
  override name = 'MissingTranslationError';
}

const registered = new Map<Locale, PageCatalog>();
const instances = new Map<Locale, I18n>();

/** Makes a language's catalog available (once; later calls with the same language do nothing). */
export function registerCatalog(locale: Locale, catalog: PageCatalog) {
  if (!registered.has(locale)) registered.set(locale, catalog);
}

/** Loads the catalog of one language, as its own file in the browser, and registers it. */
export async function loadCatalog(locale: Locale): Promise<void> {
  if (registered.has(locale)) return;
  const mod = locale === 'fr' ? await import('./locales/fr') : await import('./locales/en');
  registerCatalog(locale, mod.default as PageCatalog);
}

/**
 * One i18next instance per locale, created once from its registered catalog (the same on the
 * server and in the browser). A key missing from the catalog throws instead of showing the key.
 */
export function getI18n(locale: Locale): I18n {
  let instance = instances.get(locale);
  if (!instance) {
    const catalog = registered.get(locale);
    if (!catalog) throw new Error(`The ${locale} catalog was not loaded`);
    instance = i18next.createInstance();
    void instance.init({
      lng: locale,
      fallbackLng: false,
      resources: { [locale]: { translation: catalog } },
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
