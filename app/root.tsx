import {
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteLoaderData,
  type LoaderFunctionArgs,
  type ShouldRevalidateFunctionArgs,
} from 'react-router';
import { I18nextProvider } from 'react-i18next';
import { negotiateLocale } from '../i18n';
import { getI18n, loadCatalog, type Locale, DEFAULT_LOCALE } from '../i18n/instances';
import { localeOfPath, parseRouteId, pathTo, routeId, type Page } from './lib/paths';
import { ErrorPage } from './components/area-frame';
import { translateSearch } from './lib/translate-path';
import { currentSession, sessionCsrf } from './lib/auth.server';
import { SiteHeader } from './components/site-header';
import { CrisisBanner } from './components/crisis-banner';
import { DEFAULT_EXIT_URL, ExitThisPage } from './components/exit-this-page';
import appCss from './app.css?inline';
import type { Route } from './+types/root';

export const links: Route.LinksFunction = () => [{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }];

/**
 * The style sheet travels inside the page (about 5 kB compressed): the first paint waits for no
 * other request. The server writes it; the browser keeps what the server wrote, so that its
 * JavaScript does not carry the style sheet a second time.
 */
let styleSheet: string | undefined;
function useStyleSheet(): string {
  if (import.meta.env.SSR) return appCss;
  styleSheet ??= document.getElementById('cercle-style')?.textContent ?? '';
  return styleSheet;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const locale = localeOfPath(url.pathname) ?? negotiateLocale(request.headers.get('accept-language'));
  // Who is signed in, for the header's account menu (its sign-out form carries the CSRF token).
  const session = await currentSession({ request, context });
  const account = session ? { name: session.user.name, csrf: sessionCsrf(context, session.sessionId) } : null;
  return { locale, account, exitUrl: context.config.EXIT_URL ?? DEFAULT_EXIT_URL[locale] };
}

/** In the browser, a page in the other language first loads that language's catalog. */
export async function clientLoader({ serverLoader }: Route.ClientLoaderArgs) {
  const data = await serverLoader();
  await loadCatalog(data.locale);
  return data;
}

/**
 * The root loader depends on the locale segment of the URL and on who is signed in: it is read
 * again when the language changes, after a form that may have changed the account (any POST) and
 * when a page asks for fresh data; not on every link or search.
 */
export function shouldRevalidate({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if (localeOfPath(currentUrl.pathname) !== localeOfPath(nextUrl.pathname)) return true;
  const navigation = currentUrl.href !== nextUrl.href && (!formMethod || formMethod.toUpperCase() === 'GET');
  return navigation ? false : defaultShouldRevalidate;
}

/**
 * The same page in the other language, with its parameters and query string kept (the paths a
 * query carries, such as sign-in's `next`, translated too), and the page being shown.
 */
function useAlternate(locale: Locale): { locale: Locale; href: string; self: string; page: Page | null } {
  const matches = useMatches();
  const location = useLocation();
  const other: Locale = locale === 'en' ? 'fr' : 'en';
  for (let i = matches.length - 1; i >= 0; i--) {
    const match = matches[i];
    const parsed = match && parseRouteId(match.id);
    if (parsed) {
      // A page whose params differ by language (a group's slug) gives them in its loader data; a
      // page that has no twin in the other language (an article not translated) gives where to go.
      const own = match.data as { localeParams?: Record<Locale, Record<string, string>>; localeHref?: Partial<Record<Locale, string>> } | undefined;
      const href = own?.localeHref?.[other];
      return {
        locale: other,
        href: href ?? pathTo(other, parsed.page, { ...match.params, ...own?.localeParams?.[other] }) + translateSearch(location.search, other),
        self: pathTo(locale, parsed.page, match.params) + location.search,
        page: parsed.page,
      };
    }
  }
  return { locale: other, href: pathTo(other, 'home'), self: pathTo(locale, 'home'), page: null };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  // Without the root's data (an action refused before the loaders ran), the address says the language.
  const { pathname } = useLocation();
  const locale = data?.locale ?? localeOfPath(pathname) ?? DEFAULT_LOCALE;
  const alternate = useAlternate(locale);
  const css = useStyleSheet();
  const i18n = getI18n(locale);
  const t = i18n.t;
  return (
    <html lang={locale === 'fr' ? 'fr-CA' : 'en-CA'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <style id="cercle-style" dangerouslySetInnerHTML={{ __html: css }} />
        <Links />
        <link rel="alternate" hrefLang={locale} href={alternate.self} />
        <link rel="alternate" hrefLang={alternate.locale} href={alternate.href} />
        {/* Meeting finders discover the feed by this title (the Meeting Guide specification's). */}
        <link rel="alternate" type="application/json" title="Meetings Feed" href={`/api/v1/meeting-guide.json?lang=${locale}`} />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          <a className="skip-link" href="#main">
            {t('nav.skip')}
          </a>
          <ExitThisPage locale={locale} href={data?.exitUrl ?? DEFAULT_EXIT_URL[locale]} />
          <CrisisBanner />
          {/* The sign-out page has its own button: the header does not repeat it there. */}
          <SiteHeader locale={locale} alternateHref={alternate.href} account={alternate.page === 'signOut' ? null : (data?.account ?? null)} />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <footer className="site-footer">
            <p>{t('footer.about')}</p>
            <p>{t('footer.privacy')}</p>
            <p>
              <Link to={pathTo(locale, 'developers')}>{t('footer.developers')}</Link>
            </p>
          </footer>
        </I18nextProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}

export { routeId };
