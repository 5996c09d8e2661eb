import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../i18n';
import { pathTo } from '../lib/paths';

export function SiteHeader({ locale, alternateHref }: { locale: Locale; alternateHref: string }) {
  const { t } = useTranslation();
  const other: Locale = locale === 'en' ? 'fr' : 'en';
  return (
    <header className="site-header">
      <a className="brand" href={pathTo(locale, 'home')}>
        <span aria-hidden="true" className="brand-mark">
          ◯
        </span>{' '}
        {t('site.name')}
      </a>
      <nav aria-label={t('nav.primary')}>
        <ul>
          <li>
            <NavLink to={pathTo(locale, 'groups')} end>
              {t('nav.groups')}
            </NavLink>
          </li>
          <li>
            <NavLink to={pathTo(locale, 'kinds')}>{t('nav.kinds')}</NavLink>
          </li>
          <li>
            <NavLink to={pathTo(locale, 'guide')}>{t('guide.nav')}</NavLink>
          </li>
          <li>
            {/* Current only on the organizer home: inside the area, the organization's own navigation says where one is. */}
            <NavLink to={pathTo(locale, 'organize')} end>
              {t('account.organize')}
            </NavLink>
          </li>
        </ul>
      </nav>
      <a
        className="language-switch"
        href={alternateHref}
        hrefLang={other}
        lang={other === 'fr' ? 'fr-CA' : 'en-CA'}
        aria-label={t('nav.switchToLabel')}
      >
        {t('nav.switchTo')}
      </a>
    </header>
  );
}
