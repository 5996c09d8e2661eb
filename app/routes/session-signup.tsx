import { data, Form, Link, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/session-signup';
import { getSignupForm } from '../../core/registrations/get-signup-form';
import { registerForSession } from '../../core/registrations/register-for-session';
import { CoreError } from '../../core/errors';
import { pick } from '../../core/text';
import { getT, type Locale } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { checkGroupAddress, groupLocaleParams } from '../lib/group-address.server';
import { localeOfPath, pathTo } from '../lib/paths';
import { formatSessionTime, formatTime } from '../lib/format';
import { submitPersonForm, retryAfterHeaders } from '../lib/signup.server';
import { PersonFields } from '../components/person-fields';
import { Localized } from '../components/localized';
import { CheckEmail } from '../components/check-email';
import { SignupClosed } from '../components/signup-closed';
import { ErrorSummary } from '../components/form-kit';

async function load(request: Request, context: Route.LoaderArgs['context'], params: Route.LoaderArgs['params']) {
  const locale = localeOfPath(new URL(request.url).pathname) as Locale;
  const t = getT(locale);
  try {
    const form = await getSignupForm({ ctx: coreContext(context, locale), input: { sessionId: params.sessionId } });
    checkGroupAddress(request, locale, params.slug, form.group.slugs);
    return { locale, t, form };
  } catch (err) {
    if (err instanceof CoreError && (err.code === 'not_found' || err.code === 'invalid')) {
      throw data(t('signup.errors.notFound'), { status: 404 });
    }
    throw err;
  }
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { locale, form } = await load(request, context, params);
  const tz = form.group.timeZone;
  return {
    locale,
    form,
    localeParams: groupLocaleParams(form.group.slugs),
    when: `${formatSessionTime(form.session.startsAt, tz, locale)} – ${formatTime(form.session.endsAt, tz, locale)}`,
    cutoff: formatSessionTime(form.cutoffAt, tz, locale),
    originally: form.session.originalStartsAt ? formatSessionTime(form.session.originalStartsAt, tz, locale) : null,
    title: `${getT(locale)('signup.titleSession')} · ${pick(form.group.title, locale)?.text ?? ''}`,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { locale, t } = await load(request, context, params);
  return submitPersonForm(request, t, (input) =>
    registerForSession({ ctx: coreContext(context, locale), input: { ...input, sessionId: params.sessionId } as never }),
  );
}

/** A form refused for being one too many says when to try again. */
export const headers = retryAfterHeaders;

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.title ?? ''} · Cercle` }];

export default function SessionSignup({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, form, when, cutoff, originally } = loaderData;
  const navigation = useNavigation();
  const error = actionData?.error;
  const groupHref = pathTo(locale, 'group', { slug: form.group.slug });
  const full = form.seatsLeft === 0;
  return (
    <div className="page narrow">
      <p className="breadcrumb">
        <Link to={groupHref}>{t('signup.back')}</Link>
      </p>
      <h1>{t('signup.titleSession')}</h1>
      <Localized as="p" text={form.group.title} locale={locale} className="lead" />
      <dl className="facts">
        <div>
          <dt>{t('signup.session')}</dt>
          <dd>
            <time dateTime={new Date(form.session.startsAt).toISOString()}>{when}</time>
            {form.session.status === 'postponed' && (
              <strong className="status">
                {' '}
                {t('sessionStatus.postponed')}
                {originally && <> ({t('listing.originally', { date: originally })})</>}
              </strong>
            )}
            {pick(form.session.topic, locale) && (
              <>
                {' · '}
                <Localized text={form.session.topic} locale={locale} />
              </>
            )}
          </dd>
        </div>
      </dl>
      {actionData?.sent ? (
        <CheckEmail email={actionData.sent.email} minutes={actionData.sent.minutes} />
      ) : !form.open ? (
        form.closedReason && form.closedReason !== 'not_drop_in' ? (
          <div role="status">
            <SignupClosed
              className="notice"
              reason={form.closedReason}
              closedAt={cutoff}
              delivery={form.session.status === 'moved_online' ? 'online' : form.group.delivery}
              seatsLeft={form.seatsLeft}
              contact={form.contact}
              otherSessionsHref={`${groupHref}#schedule`}
            />
          </div>
        ) : (
          <p className="notice" role="status">
            {t('signup.closedNow')}
          </p>
        )
      ) : (
        <>
          <p className="notice" role="status">
            {form.seatsLeft == null
              ? t('signup.unlimited')
              : full
                ? `${t('signup.full')} ${t('signup.waitlistLength', { count: form.waitlistLength })}`
                : t('signup.seatsLeft', { count: form.seatsLeft })}
          </p>
          {error && <ErrorSummary message={error.message} fields={error.fields} />}
          <Form method="post" className="person-form">
            <PersonFields
              locale={locale}
              group={form.group}
              questions={form.questions}
              values={actionData?.values ?? {}}
              errors={error?.fields ?? {}}
              commitment={false}
            />
            <p className="muted">{t('signup.privacy')}</p>
            <p>
              <button type="submit" disabled={navigation.state === 'submitting'}>
                {full ? t('signup.submitWaitlist') : t('signup.submitSession')}
              </button>
            </p>
          </Form>
        </>
      )}
    </div>
  );
}
