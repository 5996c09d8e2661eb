import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../i18n';
import { pathTo } from '../lib/paths';

/** The neutral page people leave for when no EXIT_URL is set: the weather, in the page's language. */
export const DEFAULT_EXIT_URL: Record<Locale, string> = { en: 'https://weather.gc.ca/', fr: 'https://meteo.gc.ca/' };

/**
 * The emergency exit on every page (decision 0020): a link to a neutral page, early in the tab
 * order, with the page about browsing safely beside it. Without JavaScript it is a plain link;
 * with it (public/exit-this-page.js), it and the Shift key pressed three times blank the page and
 * replace it, so that Back does not return here. Nothing is requested from the neutral site
 * before the person leaves.
 */
export function ExitThisPage({ locale, href }: { locale: Locale; href: string }) {
  const { t } = useTranslation();
  return (
    <aside className="exit-bar" aria-label={t('exit.region')}>
      <div className="exit-inner">
        <Link to={pathTo(locale, 'browseSafely')}>
          {t('exit.browseSafely')}
        </Link>
        <a id="exit-this-page" className="exit-button" href={href} rel="noreferrer" data-two-more={t('exit.twoMore')} data-one-more={t('exit.oneMore')}>
          {t('exit.button')}
          <span className="visually-hidden">{t('exit.hint')}</span>
        </a>
      </div>
      <script src="/exit-this-page.js" defer />
    </aside>
  );
}
