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
  const pageUrl = new URL(pathTo(locale, 'group', { slug }), context.settings.publicUrl).toString();
  try {
    const { filename, ics } = await build({ ctx: coreContext(context, locale), pageUrl });
    return new Response(ics, {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
        'cache-control': 'no-cache',
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
