import type { Locale } from '../../i18n';
import { localeOfPath, PAGES, pathTo, type Page } from './paths';

// A path of this site in the other language: the same page with the same parameters, and the
// paths carried by its query string (`?next=/en/organize`) translated too. Used by the language
// switch and by the pages that send a person on afterwards (sign-in's `next`).

const BASE = 'http://cercle.invalid';

/** A value that is a path of this site in one of its languages. */
function isLocalePath(value: string): boolean {
  return /^\/(en|fr)(\/|\?|#|$)/.test(value);
}

/** The page a path shows in a locale, with its parameters; static segments win over parameters. */
export function matchPage(pathname: string, locale: Locale): { page: Page; params: Record<string, string> } | null {
  const segments = pathname.split('/').filter(Boolean);
  let best: { page: Page; params: Record<string, string>; fixed: number } | null = null;
  for (const page of Object.keys(PAGES) as Page[]) {
    const pattern = PAGES[page][locale].split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let fixed = 0;
    let ok = true;
    for (let i = 0; i < pattern.length && ok; i++) {
      const part = pattern[i]!;
      const segment = segments[i]!;
      if (part.startsWith(':')) {
        try {
          params[part.slice(1)] = decodeURIComponent(segment);
        } catch {
          ok = false;
        }
      } else if (part === segment) fixed++;
      else ok = false;
    }
    if (ok && (!best || fixed > best.fixed)) best = { page, params, fixed };
  }
  return best && { page: best.page, params: best.params };
}

/**
 * `target` (a path of this site, with its query and fragment) in the locale `to`. Paths that are
 * not pages of the site, and addresses of other sites, come back unchanged.
 */
export function translatePath(target: string, to: Locale): string {
  if (!isLocalePath(target)) return target;
  const url = new URL(target, BASE);
  if (url.origin !== BASE) return target;
  const from = localeOfPath(url.pathname);
  let pathname = url.pathname;
  if (from && from !== to) {
    const found = matchPage(pathname, from);
    if (found) pathname = pathTo(to, found.page, found.params);
  }
  return `${pathname}${translateSearch(url.search, to)}${url.hash}`;
}

/** A query string whose values that are paths of this site are translated into `to`; the rest is kept as it was. */
export function translateSearch(search: string, to: Locale): string {
  if (!search || search === '?') return search;
  const params = new URLSearchParams(search);
  const out = new URLSearchParams();
  let changed = false;
  for (const [key, value] of params) {
    const translated = isLocalePath(value) ? translatePath(value, to) : value;
    if (translated !== value) changed = true;
    out.append(key, translated);
  }
  return changed ? `?${out.toString()}` : search;
}
