import '../../i18n/areas/account';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/account-check-email';
import { getT, type Locale } from '../../i18n';
import { localeOfPath } from '../lib/paths';

export function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const locale = localeOfPath(url.pathname) as Locale;
  const email = (url.searchParams.get('email') ?? '').slice(0, 254);
  return { locale, email };
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${getT(data?.locale ?? 'en')('account.checkEmail.title')} · Cercle` }];

export default function CheckEmail({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { email } = loaderData;
  return (
    <div className="page narrow">
      <h1>{t('account.checkEmail.title')}</h1>
      <p className="notice" role="status">
        {email ? t('account.checkEmail.body', { email }) : t('account.checkEmail.bodyNoEmail')}
      </p>
      <p>{t('account.checkEmail.spam')}</p>
    </div>
  );
}
