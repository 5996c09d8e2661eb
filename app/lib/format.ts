import type { Locale } from '../../i18n';

// Display formatting. Pages format in their loaders (on the server) and send strings, so the
// browser renders exactly what the server rendered whatever its own ICU data.

const intlLocale = (locale: Locale) => (locale === 'fr' ? 'fr-CA' : 'en-CA');

// Building an Intl formatter costs far more than using one (it loads locale and zone data), and
// pages and emails format many dates in few zones: each formatter is built once per process.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames>();
function memo<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/** e.g. "Tuesday, December 1, 7:00 p.m. EST" in the group's zone, with the zone's abbreviation. */
export function formatSessionTime(date: Date, timeZone: string, locale: Locale): string {
  return memo(
    `session|${locale}|${timeZone}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        timeZone,
        weekday: 'long',
        month: 'long',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
      }),
  ).format(date);
}

/** The weekday of an instant in a zone, e.g. "Tuesday" / "mardi". */
export function formatWeekday(date: Date, timeZone: string, locale: Locale): string {
  return memo(`weekday|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(intlLocale(locale), { timeZone, weekday: 'long' })).format(date);
}

export function formatTime(date: Date, timeZone: string, locale: Locale): string {
  return memo(`time|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(intlLocale(locale), { timeZone, hour: 'numeric', minute: '2-digit' })).format(date);
}

/** A calendar date (`YYYY-MM-DD`), e.g. "January 12, 2027". */
export function formatDay(isoDate: string, locale: Locale): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return memo(`day|${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' })).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)),
  );
}

export function formatMoney(cents: number, currency: string, locale: Locale): string {
  const digits = cents % 100 === 0 ? 0 : 2;
  return memo(
    `money|${locale}|${currency}|${digits}`,
    () => new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency, minimumFractionDigits: digits }),
  ).format(cents / 100);
}

/** The name of a language (ISO 639-1 code) in the page's language. */
/** A language's name inside a sentence: French writes it without a capital ("le texte en français"). */
export function languageInSentence(code: string, locale: Locale): string {
  const name = languageName(code, locale);
  return locale === 'fr' ? name.toLocaleLowerCase('fr') : name;
}

export function languageName(code: string, locale: Locale): string {
  try {
    const name = memo(`language|${locale}`, () => new Intl.DisplayNames([intlLocale(locale)], { type: 'language' })).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(intlLocale(locale)) + name.slice(1) : code;
  } catch {
    return code;
  }
}

/** The long name of a time zone, e.g. "Eastern Time" / "heure de l’Est". */
export function zoneName(timeZone: string, locale: Locale): string {
  const part = memo(`zone|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(intlLocale(locale), { timeZone, timeZoneName: 'longGeneric' }))
    .formatToParts(new Date())
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}
