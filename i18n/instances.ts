import i18next, { type i18n as I18n } from 'i18next';
import type { Locale } from '../db/schema/enums';
import type en from './locales/en';
import type email from './locales/en/email';
import type { AreaName, AreaWords } from './locales/areas';
import type { Catalog } from './locales/catalog-type';

// The translation instances, one per language, without the catalogs themselves: the browser loads
// the catalog of the page's language (`loadCatalog`) and, with the code of the pages of an area,
// that area's words (`registerArea`, from i18n/areas/); the server registers everything
// (`i18n/index.ts`). This module is safe to import from code that runs in the browser.

export type { Locale };
/** The words any page may use; the words of every page; the whole catalog with the emails' words. */
export type CoreCatalog = typeof en;
export type PageCatalog = CoreCatalog & AreaWords;
export type CatalogData = PageCatalog & { email: typeof email };
export const LOCALES = ['en', 'fr'] as const satisfies readonly Locale[];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'fr';
}

export class MissingTranslationError extends Error {
  override name = 'MissingTranslationError';
}

const registered = new Map<Locale, CoreCatalog>();
const areas = new Map<AreaName, Record<Locale, object>>();
const instances = new Map<Locale, I18n>();

/** Makes a language's catalog available (once; later calls with the same language do nothing). */
export function registerCatalog(locale: Locale, catalog: CoreCatalog) {
  if (!registered.has(locale)) registered.set(locale, catalog);
}

/** Adds the words of an area in both languages, to the instances made and to those to come. */
export function registerArea<A extends AreaName>(name: A, words: { en: AreaWords[A]; fr: Catalog<AreaWords[A]> }) {
  if (areas.has(name)) return;
  areas.set(name, words);
  for (const [locale, instance] of instances) instance.addResourceBundle(locale, 'translation', { [name]: words[locale] }, true, true);
}

/** Loads the catalog of one language, as its own file in the browser, and registers it. */
export async function loadCatalog(locale: Locale): Promise<void> {
  if (registered.has(locale)) return;
  const mod = locale === 'fr' ? await import('./locales/fr') : await import('./locales/en');
  registerCatalog(locale, mod.default as CoreCatalog);
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
      resources: { [locale]: { translation: { ...Object.fromEntries([...areas].map(([name, words]) => [name, words[locale]])), ...catalog } } },
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
