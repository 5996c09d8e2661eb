import { catalogs } from '../../i18n';

// For the tests that send generated input: whether an answer's message is in the other language.

function flatten(obj: object, prefix = ''): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v as object, `${prefix}${k}.`)));
}

const words = { en: new Map(flatten(catalogs.en)), fr: new Map(flatten(catalogs.fr)) };
/** The sentences of `locale` that the other language words differently. */
const only = (locale: 'en' | 'fr', other: 'en' | 'fr') => new Set([...words[locale]].filter(([k, v]) => words[other].get(k) !== v).map(([, v]) => v));
const ONLY = { en: only('en', 'fr'), fr: only('fr', 'en') };
const LONG = { en: [...ONLY.en].filter((s) => s.length >= 25 && !s.includes('{{')), fr: [...ONLY.fr].filter((s) => s.length >= 25 && !s.includes('{{')) };

/** True when `message`, meant for `locale`, is (or contains) a sentence of the other language. */
export function wrongLanguage(message: string, locale: 'en' | 'fr'): boolean {
  const other = locale === 'en' ? 'fr' : 'en';
  return ONLY[other].has(message) || LONG[other].some((s) => message.includes(s));
}
