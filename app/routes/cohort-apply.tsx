import '../../i18n/areas/signup';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/cohort-apply';
import { getApplicationForm } from '../../core/registrations/get-signup-form';
import { applyToCohort } from '../../core/applications/apply-to-cohort';
import { pick } from '../../core/text';
import { getT, type Locale } from '../../i18n';
import { coreContext } from '../lib/context.server';
import { groupLocaleParams } from '../lib/group-address.server';
import { pathTo } from '../lib/paths';
import { formatDay, formatSessionTime, formatTime, formatWeekday } from '../lib/format';
import { personFormPage, submitPersonForm, retryAfterHeaders } from '../lib/signup.server';
import { PersonForm } from '../components/person-fields';
import { Localized } from '../components/localized';
import { CheckEmail } from '../components/check-email';

/** The page's form (404 for a cohort that does not exist), at the group's address in the page's language. */
function load(args: { request: Request; context: Route.LoaderArgs['context']; params: Route.LoaderArgs['params'] }) {
  return personFormPage(args, (ctx) => getApplicationForm({ ctx, input: { cohortId: args.params.cohortId } }));
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { locale, t, form } = await load({ request, context, params });
  return {
    locale,
    form,
    localeParams: groupLocaleParams(form.group.slugs),
    dates: t('group.cohortDates', { start: formatDay(form.cohort.startsOn, locale), end: formatDay(form.cohort.endsOn, locale) }),
    // When it meets, in the group's zone: one line when every session shares a weekday and time.
    rhythm: rhythmLine(form, t, locale),
    planned: form.cohort.rhythm?.cadence === 'weekly' || form.cohort.rhythm?.cadence === 'once'
      ? []
      : form.cohort.sessions.map((s) => ({
          iso: s.startsAt.toISOString(),
          when: `${formatSessionTime(s.startsAt, form.group.timeZone, locale)} – ${formatTime(s.endsAt, form.group.timeZone, locale)}`,
        })),
    title: `${t('signup.titleCohort')} · ${pick(form.group.title, locale)?.text ?? ''}`,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { locale, t } = await load({ request, context, params });
  return submitPersonForm(request, t, (input) =>
    applyToCohort({ ctx: coreContext(context, locale), input: { ...input, cohortId: params.cohortId } as never }),
  );
}

function rhythmLine(form: Awaited<ReturnType<typeof getApplicationForm>>, t: ReturnType<typeof getT>, locale: Locale): string | null {
  const r = form.cohort.rhythm;
  if (!r) return null;
  const zone = form.group.timeZone;
  return t(`signup.rhythm.${r.cadence}`, {
    weekday: formatWeekday(r.first.startsAt, zone, locale),
    start: formatTime(r.first.startsAt, zone, locale),
    end: formatTime(r.first.endsAt, zone, locale),
  });
}

/** A form refused for being one too many says when to try again. */
export const headers = retryAfterHeaders;

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.title ?? ''} · Cercle` }];

export default function CohortApply({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, form, dates, rhythm, planned } = loaderData;
  const error = actionData?.error;
  return (
    <div className="page narrow">
      <p className="breadcrumb">
        <Link to={pathTo(locale, 'group', { slug: form.group.slug })}>{t('signup.back')}</Link>
      </p>
      <h1>{t('signup.titleCohort')}</h1>
      <Localized as="p" text={form.group.title} locale={locale} className="lead" />
      <dl className="facts">
        {rhythm && (
          <div>
            <dt>{t('signup.when')}</dt>
            <dd>{rhythm}</dd>
          </div>
        )}
        <div>
          <dt>{t('signup.cohort')}</dt>
          <dd>
            {dates} · {t('group.sessionsCount', { count: form.cohort.sessionCount })}
          </dd>
        </div>
      </dl>
      {planned.length > 0 && (
        <section aria-labelledby="planned-title">
          <h2 id="planned-title">{t('signup.plannedSessions')}</h2>
          <ul className="planned-sessions">
            {planned.map((s) => (
              <li key={s.iso}>
                <time dateTime={s.iso}>{s.when}</time>
              </li>
            ))}
          </ul>
        </section>
      )}
      {(form.eligibility.en || form.eligibility.fr) && (
        <section aria-labelledby="who-title">
          <h2 id="who-title">{t('signup.whoFor')}</h2>
          <Localized as="p" text={form.eligibility} locale={locale} />
        </section>
      )}
      {form.modules.length > 0 && (
        <section aria-labelledby="modules-title">
          <h2 id="modules-title">{t('signup.modules')}</h2>
          <ol className="modules">
            {form.modules.map((m) => (
              <li key={m.position}>
                <Localized text={m.title} locale={locale} />
              </li>
            ))}
          </ol>
        </section>
      )}
      {actionData?.sent ? (
        <CheckEmail email={actionData.sent.email} minutes={actionData.sent.minutes} />
      ) : !form.open ? (
        <p className="notice" role="status">
          {t('signup.enrollmentClosed')}
        </p>
      ) : (
        <>
          {form.placesLeft != null && (
            <p className="notice" role="status">
              {form.placesLeft > 0 ? t('signup.seatsLeft', { count: form.placesLeft }) : t('group.full')}
            </p>
          )}
          <PersonForm
            locale={locale}
            group={form.group}
            questions={form.questions}
            values={actionData?.values}
            error={error}
            commitment
            phone={form.callsApplicants}
            submit={t('signup.submitCohort')}
          />
        </>
      )}
    </div>
  );
}
