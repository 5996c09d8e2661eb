import '../../i18n/areas/listing';
import '../../i18n/areas/signup';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/session-signup';
import { getSignupForm } from '../../core/registrations/get-signup-form';
import { registerForSession } from '../../core/registrations/register-for-session';
import { pick } from '../../core/text';
import { getT } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { groupLocaleParams } from '../lib/group-address.server';
import { pathTo } from '../lib/paths';
import { formatSessionTime, formatTime } from '../lib/format';
import { personFormPage, submitPersonForm, retryAfterHeaders } from '../lib/signup.server';
import { PersonForm } from '../components/person-fields';
import { Localized } from '../components/localized';
import { CheckEmail } from '../components/check-email';
import { SignupClosed } from '../components/signup-closed';

/** The page's form (404 for a session that does not exist), at the group's address in the page's language. */
function load(args: { request: Request; context: Route.LoaderArgs['context']; params: Route.LoaderArgs['params'] }) {
  return personFormPage(args, (ctx) => getSignupForm({ ctx, input: { sessionId: args.params.sessionId } }));
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { locale, form } = await load({ request, context, params });
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
  const { locale, t } = await load({ request, context, params });
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
          <PersonForm
            locale={locale}
            group={form.group}
            questions={form.questions}
            values={actionData?.values}
            error={error}
            commitment={false}
            submit={full ? t('signup.submitWaitlist') : t('signup.submitSession')}
          />
        </>
      )}
    </div>
  );
}
