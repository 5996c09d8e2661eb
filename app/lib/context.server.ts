import type { AppLoadContext } from 'react-router';
import { createContext, type Context } from '../../core/context';
import type { Locale } from '../../i18n';

/** The core context for one request: the wall clock is read here, once, and core uses nothing else. */
export function coreContext(load: AppLoadContext, locale: Locale): Context {
  // The client's address counts against the per-address limits (core/limits/rate-limit.ts).
  const client = load.config.RATE_LIMITS && load.clientIp ? { client: { ip: load.clientIp } } : {};
  return createContext(load.handle.db, { now: new Date(), locale, settings: load.settings, ...client });
}
