import '../../i18n/areas/account';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/account-deleted';
import { getT, type Locale } from '../../i18n';
import { localeOfPath, pathTo } from '../lib/paths';

// Where a person lands once their account is deleted (they are signed out by then).

export function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const content = url.searchParams.get('content');
  return { locale: localeOfPath(url.pathname) as Locale, content: content === 'erase' || content === 'keep' ? content : null };
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${getT(data?.locale ?? 'en')('account.mine.deletedTitle')} · Cercle` },
  { name: 'robots', content: 'noindex' },
];

export default function AccountDeleted({ loaderData: d }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="page narrow">
      <h1>{t('account.mine.deletedTitle')}</h1>
      <p role="status">{t('account.mine.deleted')}</p>
      {d.content && <p>{t(d.content === 'erase' ? 'account.mine.deletedErased' : 'account.mine.deletedKept')}</p>}
      <p>
        <a href={pathTo(d.locale, 'home')}>{t('account.mine.home')}</a>
      </p>
    </div>
  );
}
