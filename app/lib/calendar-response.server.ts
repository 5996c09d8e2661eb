import { CoreError, HTTP_STATUS } from '../../core/errors';
import type { CalendarFile } from '../../core/calendars';
import { getT, type Locale } from '../../i18n';
import { coreContext } from './context.server';
import { pathTo } from './paths';
import type { AppLoadContext } from 'react-router';

/**
 * Serves a calendar file built by core for a group page, or a plain-text error in the reader's
 * language (404 for an unknown group or session).
 */
export async function calendarResponse(
  request: Request,
  context: AppLoadContext,
  locale: Locale,
  slug: string,
  build: (args: { ctx: ReturnType<typeof coreContext>; pageUrl: string }) => Promise<CalendarFile>,
): Promise<Response> {
  // Absolute addresses come from PUBLIC_URL, never from the request's Host header.
  const pageUrl = groupPageUrl(context, locale)(slug);
  return calendarFileResponse(locale, () => build({ ctx: coreContext(context, locale), pageUrl }));
}

/** The address of a group's page in `locale`, from its slug in that language (from PUBLIC_URL). */
export function groupPageUrl(context: AppLoadContext, locale: Locale): (slug: string) => string {
  return (slug) => new URL(pathTo(locale, 'group', { slug }), context.settings.publicUrl).toString();
}

/**
 * A calendar file as an answer (a feed apps subscribe to: `inline`, or a download), or a
 * plain-text error in the reader's language (404 for what does not exist).
 */
export async function calendarFileResponse(locale: Locale, build: () => Promise<CalendarFile>, options: { feed?: boolean } = {}): Promise<Response> {
  try {
    const { filename, ics } = await build();
    return new Response(ics, {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `${options.feed ? 'inline' : 'attachment'}; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
        'cache-control': options.feed ? 'public, max-age=900' : 'no-cache',
      },
    });
  } catch (err) {
    if (!(err instanceof CoreError)) throw err;
    const t = getT(locale);
    return new Response(err.code === 'not_found' ? t('errors.notFound') : t('errors.generic'), {
      status: HTTP_STATUS[err.code],
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
}
