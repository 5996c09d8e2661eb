import { Readable } from 'node:stream';
import { SitemapIndexStream, SitemapStream, type SitemapItemLoose } from 'sitemap';
import type { Route } from './+types/sitemap';
import { groupSitemapCount, groupSitemapEntries } from '../../core/feeds/sitemap';
import { publishedArticleTexts } from '../../core/articles';
import { coreContext } from '../lib/context.server';
import { pathTo, type Page } from '../lib/paths';

/** The public pages a search engine should know, besides each group's. */
const SITEMAP_PAGES: Page[] = ['home', 'groups', 'kinds', 'guide', 'articles', 'developers', 'browseSafely'];

/**
 * The sitemaps, streamed: /sitemap.xml (the index), /sitemaps/pages.xml, /sitemaps/guides.xml (the articles: each
 * published article's text, with its published translation as an hreflang alternate) and /sitemaps/groups-N.xml
 * (each group's page in English and French, each with its other language as an hreflang
 * alternate). Private pages (manage, organizer, admin, account, community) are never listed.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const base = context.settings.publicUrl;
  const ctx = coreContext(context, 'en');
  const url = (path: string) => new URL(path, base).toString();
  const both = (paths: { en: string; fr: string }, lastmod?: Date): SitemapItemLoose[] =>
    (['en', 'fr'] as const).map((locale) => ({
      url: url(paths[locale]),
      ...(lastmod ? { lastmod: lastmod.toISOString() } : {}),
      links: [
        { lang: 'en', url: url(paths.en) },
        { lang: 'fr', url: url(paths.fr) },
      ],
    }));
  const xml = (items: AsyncIterable<SitemapItemLoose> | Iterable<SitemapItemLoose>) =>
    Readable.from(items).pipe(new SitemapStream({ hostname: base, xmlns: { xhtml: true, news: false, image: false, video: false } }));
  const file = params.file ?? (new URL(request.url).pathname === '/sitemap.xml' ? 'index' : '');

  let body: Readable;
  if (file === 'index') {
    const files = ['pages.xml', 'guides.xml', ...Array.from({ length: await groupSitemapCount(ctx) }, (_, i) => `groups-${i + 1}.xml`)];
    body = Readable.from(files.map((f) => url(`/sitemaps/${f}`))).pipe(new SitemapIndexStream());
  } else if (file === 'pages.xml') {
    body = xml(SITEMAP_PAGES.flatMap((page) => both({ en: pathTo('en', page), fr: pathTo('fr', page) })));
  } else if (file === 'guides.xml') {
    const items = (await publishedArticleTexts(ctx)).flatMap(({ texts }) => {
      const links = (['en', 'fr'] as const).flatMap((lang) => (texts[lang] ? [{ lang, url: url(pathTo(lang, 'article', { slug: texts[lang].slug })) }] : []));
      return (['en', 'fr'] as const).flatMap((lang) => {
        const text = texts[lang];
        if (!text) return [];
        return [{ url: url(pathTo(lang, 'article', { slug: text.slug })), lastmod: text.updatedAt.toISOString(), ...(links.length > 1 ? { links } : {}) }];
      });
    });
    body = xml(items);
  } else {
    const n = /^groups-([1-9]\d{0,5})\.xml$/.exec(file)?.[1];
    if (!n || Number(n) > (await groupSitemapCount(ctx))) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    body = xml(
      (async function* () {
        for await (const g of groupSitemapEntries(ctx, Number(n))) {
          yield* both({ en: pathTo('en', 'group', { slug: g.slugs.en }), fr: pathTo('fr', 'group', { slug: g.slugs.fr }) }, g.updatedAt);
        }
      })(),
    );
  }
  return new Response(Readable.toWeb(body) as ReadableStream, {
    headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' },
  });
}
