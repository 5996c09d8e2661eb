import { redirect } from 'react-router';
import { NotFound } from '../../core/errors';
import type { GroupSlugs } from '../../core/groups/slugs';
import type { Locale } from '../../i18n';

/**
 * A page under /{locale}/groups/:slug answers at the group's own address in that language. Asked
 * by its other language's slug (the French pages once used the English one), a GET or HEAD moves
 * permanently to the right address, keeping the rest of the path and the query; a form post is
 * accepted at either. Any other slug is not this group.
 */
export function checkGroupAddress(request: Request, locale: Locale, asked: string, slugs: GroupSlugs, id?: string): void {
  if (asked === slugs[locale]) return;
  if (asked !== slugs.en && asked !== slugs.fr && asked !== id) throw new NotFound('group');
  if (request.method !== 'GET' && request.method !== 'HEAD') return;
  const url = new URL(request.url);
  const parts = url.pathname.split('/');
  // ['', locale, 'groups' | 'groupes', slug, ...rest]
  parts[3] = encodeURIComponent(slugs[locale]);
  throw redirect(parts.join('/') + url.search, 301);
}

/** Route params of the same page in each language, for the language switch (see app/root.tsx). */
export function groupLocaleParams(slugs: GroupSlugs): Record<Locale, { slug: string }> {
  return { en: { slug: slugs.en }, fr: { slug: slugs.fr } };
}
