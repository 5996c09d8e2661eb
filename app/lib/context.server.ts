import type { AppLoadContext } from 'react-router';
import { createContext, type Context } from '../../core/context';
import type { Locale } from '../../i18n';

/** The core context for one request: the wall clock is read here, once, and core uses nothing else. */
export function coreContext(load: AppLoadContext, locale: Locale): Context {
  return createContext(load.handle.db, { now: new Date(), locale, settings: load.settings });
}
