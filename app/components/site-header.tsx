import { Form, NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../i18n';
import { pathTo } from '../lib/paths';
import { CsrfField } from './csrf-field';

/** The signed-in person, for the account menu (null: nobody is signed in). */
export interface HeaderAccount {
  name: string;
  /** The CSRF token of the sign-out form. */
  csrf: string;
}

export function SiteHeader({ locale, alternateHref, account }: { locale: Locale; alternateHref: string; account: HeaderAccount | null }) {
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
            <NavLink to={pathTo(locale, 'guide')}>{t('nav.guide')}</NavLink>
          </li>
          <li>
            <NavLink to={pathTo(locale, 'articles')}>{t('nav.articles')}</NavLink>
          </li>
          <li>
            {/* Current only on the organizer home: inside the area, the organization's own navigation says where one is. */}
            <NavLink to={pathTo(locale, 'organize')} end>
              {t('nav.organize')}
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
      {account && (
        // A plain form: signing out works without JavaScript, and ends on the home page of this language.
        <Form method="post" action={pathTo(locale, 'signOut')} className="account-menu">
          <span className="account-name">{t('nav.signedInAs', { name: account.name })}</span>
          <a className="account-link" href={pathTo(locale, 'account')}>
            {t('nav.myAccount')}
          </a>
          <CsrfField token={account.csrf} />
          <button type="submit" className="secondary small">
            {t('nav.signOut')}
          </button>
        </Form>
      )}
    </header>
  );
}
