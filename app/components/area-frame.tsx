import type { ReactNode } from 'react';
import { isRouteErrorResponse, useMatches, useRouteLoaderData, type MetaDescriptor } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/instances';
import { parseRouteId, pathTo, type Page } from '../lib/paths';

// The frame of an area of pages (organizer, admin): the layout route around them shows its
// navigation, keeps the pages out of search engines, and titles a page that could not load.

/** What a page inside a frame may say of itself (`export const handle`): a narrow column. */
export interface FramedHandle {
  narrow?: boolean;
}

/** The page shown inside a frame, from the deepest route matched. */
export function useFramedPage(): { page: Page | null; narrow: boolean } {
  const leaf = useMatches().at(-1);
  return { page: leaf ? (parseRouteId(leaf.id)?.page ?? null) : null, narrow: !!(leaf?.handle as FramedHandle | undefined)?.narrow };
}

/** An area's frame: its navigation above the page. */
export function AreaFrame({ nav, children }: { nav: ReactNode; children: ReactNode }) {
  const { narrow } = useFramedPage();
  return (
    <div className={narrow ? 'page narrow' : 'page'}>
      {nav}
      {children}
    </div>
  );
}

type MetaMatch = { id: string; data?: unknown } | undefined;

/**
 * The meta tags of a page inside a frame: its title (else the frame's, when the page could not
 * load), and no indexing.
 */
export function framedMeta(args: { matches: readonly MetaMatch[] }, title: string | null | undefined): MetaDescriptor[] {
  const frame = args.matches.find((m) => m?.id.includes(':frame-'))?.data as { title?: string } | undefined;
  return [{ title: `${title || frame?.title || ''} · Cercle` }, { name: 'robots', content: 'noindex' }];
}

/** What a page that failed says: its title, a sentence, and the way home. */
export function ErrorContent({ error, locale }: { error: unknown; locale: Locale }) {
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title =
    status === 404 ? t('errors.notFoundTitle') : status === 400 ? t('errors.badRequestTitle') : status === 403 ? t('errors.forbiddenTitle') : t('errors.genericTitle');
  const detail = isRouteErrorResponse(error) && typeof error.data === 'string' && error.data ? error.data : null;
  return (
    <>
      <title>{`${title} · Cercle`}</title>
      <h1>{title}</h1>
      <p>{detail ?? (status === 404 ? t('errors.notFound') : status === 403 ? t('errors.forbidden') : t('errors.generic'))}</p>
      <p>
        <a href={pathTo(locale, 'home')}>{t('errors.home')}</a>
      </p>
    </>
  );
}

/** A page that failed, alone (no frame could load): in the language of the address. */
export function ErrorPage({ error }: { error: unknown }) {
  const root = useRouteLoaderData('root') as { locale?: Locale } | undefined;
  return (
    <div className="page narrow">
      <ErrorContent error={error} locale={root?.locale ?? DEFAULT_LOCALE} />
    </div>
  );
}
