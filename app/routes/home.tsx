import { Form, Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/home';
import { listGroups } from '../../core/groups';
import { getT, type Locale } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { localeOfPath, pathTo } from '../lib/paths';
import { GROUP_KINDS } from '../../db/schema/values';

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = localeOfPath(new URL(request.url).pathname) as Locale;
  const list = await listGroups({ ctx: coreContext(context, locale), input: { perPage: 1 } });
  return { locale, total: list.total, title: getT(locale)('site.tagline') };
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Cercle · ${data.title}` : 'Cercle' },
  { name: 'description', content: data?.title ?? '' },
];

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, total } = loaderData;
  return (
    <div className="page">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <Form method="get" action={pathTo(locale, 'groups')} className="search-box" role="search">
          <label htmlFor="home-q">{t('home.searchLabel')}</label>
          <div className="search-row">
            <input id="home-q" name="q" type="search" placeholder={t('home.searchPlaceholder')} />
            <button type="submit">{t('home.searchButton')}</button>
          </div>
        </Form>
        <p>
          <Link to={pathTo(locale, 'groups')}>{t('home.browseAll')}</Link> · {t('home.statsGroups', { count: total })}
        </p>
      </section>

      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t('home.stepsTitle')}</h2>
        <ol className="steps">
          <li>{t('home.step1')}</li>
          <li>{t('home.step2')}</li>
          <li>{t('home.step3')}</li>
        </ol>
      </section>

      <section aria-labelledby="kinds-title" className="kinds-teaser">
        <h2 id="kinds-title">{t('home.kindsTitle')}</h2>
        <p>{t('home.kindsLead')}</p>
        <ul className="kind-cards">
          {GROUP_KINDS.map((kind) => (
            <li key={kind}>
              <Link to={`${pathTo(locale, 'groups')}?kind=${kind}`}>
                <strong>{t(`kind.${kind}`)}</strong>
              </Link>
              <p>{t(`kindPlain.${kind}`)}</p>
            </li>
          ))}
        </ul>
        <p>
          <Link to={pathTo(locale, 'kinds')}>{t('home.kindsLink')}</Link>
        </p>
      </section>
    </div>
  );
}
