import '../../i18n/areas/community';
import '../../i18n/areas/manage';
import { data, Form } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/unsubscribe';
import { unsubscribe } from '../../core/participants/my-data';
import { verifyScopedToken } from '../../core/participants/manage-link';
import { CoreError } from '../../core/errors';
import { getT, type Locale } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { localeOfPath } from '../lib/paths';

export function loader({ request, params, context }: Route.LoaderArgs) {
  const locale = localeOfPath(new URL(request.url).pathname) as Locale;
  const scope = verifyScopedToken(context.settings, params.token, new Date());
  if (!scope) throw data(getT(locale)('manage.notFound'), { status: 404 });
  return { locale, title: getT(locale)('manage.unsubscribeTitle'), topic: scope.kind === 'community' ? scope.topic : null };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const locale = localeOfPath(new URL(request.url).pathname) as Locale;
  try {
    await unsubscribe({ ctx: coreContext(context, locale), input: { token: params.token } });
    return { done: true };
  } catch (err) {
    if (err instanceof CoreError) throw data(getT(locale)('manage.notFound'), { status: 404 });
    throw err;
  }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.title ?? ''} · Cercle` }, { name: 'robots', content: 'noindex' }];

/** Confirms stopping reminders (a GET never changes anything; the button posts). */
export default function Unsubscribe({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const topic = loaderData.topic;
  return (
    <div className="page narrow">
      <h1>{t('manage.unsubscribeTitle')}</h1>
      {actionData?.done ? (
        <p className="notice success" role="status">
          {topic ? t(`community.unsubscribe.${topic}Done`) : t('manage.unsubscribed')}
        </p>
      ) : (
        <>
          <p>{topic ? t(`community.unsubscribe.${topic}`) : t('manage.unsubscribeLead')}</p>
          <Form method="post">
            <button type="submit">{t('manage.unsubscribeButton')}</button>
          </Form>
        </>
      )}
    </div>
  );
}
