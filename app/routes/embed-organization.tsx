import '../../i18n/areas/listing';
import { renderToStaticMarkup } from 'react-dom/server';
import { z } from 'zod';
import type { Route } from './+types/embed-organization';
import { organizationWidget, type WidgetGroup } from '../../core/feeds/widget';
import { CoreError } from '../../core/errors';
import { getT, type Locale } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { localeOfPath, pathTo } from '../lib/paths';
import { formatSessionTime } from '../lib/format';
import { parseQuery } from '../lib/query.server';

/** What the page that embeds the widget may choose: how many groups, and the colour of links. */
const embedQuery = z.object({
  limit: z.coerce.number().int().min(1).max(20).optional(),
  accent: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
});

const css = (accent: string) => `
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2521;background:transparent}
main{padding:.75rem}h1{font-size:1.15rem;margin:0 0 .5rem}ul{list-style:none;margin:0;padding:0}
li{padding:.6rem 0;border-top:1px solid #d5ddd8}li:first-child{border-top:0}
a{color:${accent};font-weight:600}a:focus-visible{outline:3px solid ${accent};outline-offset:2px}
p{margin:.15rem 0}.meta{color:#4a5550;font-size:.9rem}.by{margin-top:.75rem;font-size:.85rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}`;

/**
 * GET /en/embed/:org — an organization's groups as a small page for other sites to show in an
 * <iframe> (the organizer groups page gives the code): the soonest first, in the page's
 * language, accessible, no script, no request elsewhere. Its own security policy lets any site
 * frame it (server/security-headers.ts); links open Cercle in a new window.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const locale = localeOfPath(url.pathname) as Locale;
  const t = getT(locale);
  const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const query = parseQuery(embedQuery, url, t);
  if (!query.ok) return text(query.issues.map((i) => i.message).join('\n'), 400);
  let widget;
  try {
    widget = await organizationWidget(coreContext(context, locale), { slug: params.org, limit: query.value.limit ?? 10 });
  } catch (err) {
    if (err instanceof CoreError && err.code === 'not_found') return text(t('errors.notFound'), 404);
    throw err;
  }
  const absolute = (path: string) => new URL(path, context.settings.publicUrl).toString();
  const title = t('listing.embed.title', { name: widget.name, interpolation: { escapeValue: false } });
  const html = renderToStaticMarkup(
    <html lang={locale === 'fr' ? 'fr-CA' : 'en-CA'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <style nonce={context.cspNonce} dangerouslySetInnerHTML={{ __html: css(query.value.accent ?? '#1f6f50') }} />
      </head>
      <body>
        <main>
          <h1>{title}</h1>
          {widget.groups.length === 0 ? (
            <p>{t('listing.embed.empty')}</p>
          ) : (
            <ul>
              {widget.groups.map((g) => (
                <Item key={g.slug} g={g} href={absolute(pathTo(locale, 'group', { slug: g.slug }))} locale={locale} t={t} />
              ))}
            </ul>
          )}
          <p className="by">
            <a href={absolute(pathTo(locale, 'home'))} target="_blank" rel="noopener">
              {t('listing.embed.by')}
              <span className="visually-hidden"> {t('listing.embed.newWindow')}</span>
            </a>
          </p>
        </main>
      </body>
    </html>,
  );
  return new Response(`<!DOCTYPE html>${html}`, { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=300' } });
}

function Item({ g, href, locale, t }: { g: WidgetGroup; href: string; locale: Locale; t: ReturnType<typeof getT> }) {
  const say = t as unknown as (key: string, options?: object) => string;
  const meta = [say(`kind.${g.kind}`), say(`delivery.${g.delivery}`), g.city].filter(Boolean).join(' · ');
  return (
    <li>
      <a href={href} target="_blank" rel="noopener" lang={g.lang === locale ? undefined : g.lang}>
        {g.title}
        <span className="visually-hidden"> {t('listing.embed.newWindow')}</span>
      </a>
      <p className="meta">{meta}</p>
      <p>{g.nextSessionAt ? t('listing.embed.next', { when: formatSessionTime(g.nextSessionAt, g.timeZone, locale) }) : t('listing.embed.noSession')}</p>
    </li>
  );
}
