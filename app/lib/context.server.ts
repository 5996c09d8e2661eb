import type { AppLoadContext } from 'react-router';
import { createContext, type Context } from '../../core/context';
import type { Locale } from '../../i18n';

/** The core context for one request. */
export function coreContext(load: AppLoadContext, locale: Locale): Context {
  return createContext(load.handle.db, { locale, settings: load.settings });
}
