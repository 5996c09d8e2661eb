import type { Route } from './+types/robots';
import { isPrivatePage, PAGES, type Page } from '../lib/paths';

/** Addresses with a person's or an organization's data that are not pages of the table (links from emails, data files, private calendars). */
const PRIVATE_PREFIXES = ['/manage/', '/unsubscribe/', '/account/', '/api/auth/', '/en/calendar/', '/fr/agenda/'];

/** The rules, worked out once from the page table: they change only with the code. */
const RULES = (() => {
  const disallowed = new Set(PRIVATE_PREFIXES);
  for (const page of (Object.keys(PAGES) as Page[]).filter(isPrivatePage)) {
    for (const path of [PAGES[page].en, PAGES[page].fr]) {
      // A parameter is any one segment (`*`); a path that ends with one covers its whole folder.
      disallowed.add(path.replace(/\/:[a-zA-Z]+$/, '/').replace(/:[a-zA-Z]+/g, '*'));
    }
  }
  // Rules match by prefix: /en/organize covers /en/organize/…, so only the shortest are written.
  return [...disallowed].sort().filter((p, _, all) => !all.some((q) => q !== p && p.startsWith(q)));
})();

/**
 * GET /robots.txt — keeps search engines out of the private pages (manage, organizer, admin,
 * account and community pages, in both languages) and names the sitemap.
 */
export function loader({ context }: Route.LoaderArgs) {
  const lines = ['User-agent: *', ...RULES.map((p) => `Disallow: ${p}`), '', `Sitemap: ${new URL('/sitemap.xml', context.settings.publicUrl).toString()}`, ''];
  return new Response(lines.join('\n'), { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
}
