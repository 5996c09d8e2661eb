import { useTranslation } from 'react-i18next';
import '../../i18n/areas/safety';
import type { Route } from './+types/browse-safely';
import { getT, type Locale } from '../../i18n';
import { localeOfPath } from '../lib/paths';

const SECTIONS = ['exit', 'private', 'history', 'shared', 'discreet', 'danger'] as const;

export function loader({ request }: Route.LoaderArgs) {
  const locale = localeOfPath(new URL(request.url).pathname) as Locale;
  return { title: getT(locale)('safety.title') };
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.title ?? ''} · Cercle` }];

/** How to look for support without leaving traces on a device someone else may check. */
export default function BrowseSafely() {
  const { t } = useTranslation();
  return (
    <div className="page prose">
      <h1>{t('safety.title')}</h1>
      <p className="lead">{t('safety.lead')}</p>
      {SECTIONS.map((s) => (
        <section key={s} aria-labelledby={`safety-${s}`}>
          <h2 id={`safety-${s}`}>{t(`safety.sections.${s}.title`)}</h2>
          <p>{t(`safety.sections.${s}.body`)}</p>
        </section>
      ))}
    </div>
  );
}
