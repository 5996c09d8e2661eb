import type { AppLoadContext } from 'react-router';
import { createContext, type Context, type Settings } from '../../core/context';
import type { Database } from '../../db/client';
import type { Locale } from '../../i18n';

/**
 * The context of a request at the edge (a page, an API call), on the wall clock, read here once:
 * the client's address counts against the per-address limits (core/limits/rate-limit.ts) unless
 * the limits are off (RATE_LIMITS=false, for load tests from one machine).
 */
export function requestContext(edge: { db: Database; settings: Settings; rateLimits: boolean; ip?: string | null }, locale: Locale): Context {
  return createContext(edge.db, { now: new Date(), locale, settings: edge.settings, ...(edge.rateLimits && edge.ip ? { client: { ip: edge.ip } } : {}) });
}

/** The core context for one request: the wall clock is read here, once, and core uses nothing else. */
export function coreContext(load: AppLoadContext, locale: Locale): Context {
  return requestContext({ db: load.handle.db, settings: load.settings, rateLimits: load.config.RATE_LIMITS, ip: load.clientIp }, locale);
}
