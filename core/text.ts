import type { Locale } from '../db/schema/enums';

/** Text written in English, French, or both. */
export interface Bilingual {
  en: string | null;
  fr: string | null;
}

export function bilingual(en: string | null | undefined, fr: string | null | undefined): Bilingual {
  return { en: en ?? null, fr: fr ?? null };
}

/**
 * The text in the wanted locale, or else in the other one, with the language it is actually in
 * (pages mark the other language with a `lang` attribute for screen readers).
 */
export function pick(text: Bilingual, locale: Locale): { text: string; lang: Locale } | null {
  const other: Locale = locale === 'en' ? 'fr' : 'en';
  if (text[locale]) return { text: text[locale], lang: locale };
  if (text[other]) return { text: text[other], lang: other };
  return null;
}

/** Whether a string can be a row id (a UUID) at all; anything else is simply not found. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/**
 * The URL-safe part of an address made from a name or title: accents folded, lower-case ASCII
 * words joined by hyphens, at most 60 characters; `fallback` when nothing is left. An apostrophe
 * joins the words it stands between (`L’Entraide` → `lentraide`) or, by default, separates them
 * (`d’un` → `d-un`).
 */
export function slugOf(text: string, fallback: string, options: { joinApostrophes?: boolean } = {}): string {
  const folded = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const slug = (options.joinApostrophes ? folded.replace(/['’]/g, '') : folded)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || fallback;
}
