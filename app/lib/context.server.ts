import type { AppLoadContext } from 'react-router';
import { requestContext, type Context } from '../../core/context';
import type { Locale } from '../../i18n';

/** The core context for one request: the wall clock is read here, once, and core uses nothing else. */
export function coreContext(load: AppLoadContext, locale: Locale): Context {
  return requestContext({ db: load.handle.db, settings: load.settings, rateLimits: load.config.RATE_LIMITS, ip: load.clientIp }, locale);
}
