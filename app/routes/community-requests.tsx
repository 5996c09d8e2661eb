import '../../i18n/areas/community';
import '../../i18n/areas/signup';
import { data, Form, Link, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/community-requests';
import { getCommunity } from '../../core/communities/community-page';
import { decideJoinRequest, listJoinRequests, listMembers, setModerator } from '../../core/communities/membership';
import { pick } from '../../core/text';
import { getT } from '../../i18n';
import { communityError, communityForm, communityNotFound, communityVisitor } from '../lib/community.server';
import type { FormProblem } from '../lib/problem.server';
import { formatSessionTime } from '../lib/format';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';
import { Localized } from '../components/localized';
import { CommunityNotices, CommunityBreadcrumb } from '../components/community-post';
import { field } from '../lib/form-values';
import { TextField } from '../components/form-kit';

const DONE = ['approved', 'declined', 'saved'] as const;

export async function loader(args: Route.LoaderArgs) {
  const visitor = await communityVisitor(args);
  const { locale, ctx } = visitor;
  const page = await getCommunity({ ctx, input: { community: args.params.slug } }).catch((err: unknown) => communityNotFound(err, locale));
  const communityHref = pathTo(locale, 'community', { slug: page.group.slugs[locale] });
  if (!visitor.user) throw redirect(`${pathTo(locale, 'signIn')}?next=${encodeURIComponent(new URL(args.request.url).pathname)}`);
  // Only those who moderate: anyone else is told the page does not exist.
  if (!page.viewer.canModerate) throw data(getT(locale)('errors.notFound'), { status: 404 });
  const [requests, members] = await Promise.all([
    listJoinRequests({ ctx, input: { community: page.group.id } }),
    page.viewer.canManage ? listMembers({ ctx, input: { community: page.group.id } }) : Promise.resolve(null),
  ]);
  const tz = page.group.timeZone;
  const done = new URL(args.request.url).searchParams.get('done');
  return {
    locale,
    csrf: visitor.csrf!,
    groupTitle: page.group.title,
    communityHref,
    localeParams: { en: { slug: page.group.slugs.en }, fr: { slug: page.group.slugs.fr } },
    requests: requests.map((r) => ({
      id: r.id,
      nickname: r.nickname,
      on: formatSessionTime(r.requestedAt, tz, locale),
      answers: r.labelled.map((a) => ({
        label: a.label,
        value: typeof a.value === 'boolean' ? a.value : a.choice ? (pick(a.choice, locale)?.text ?? String(a.value)) : a.value,
      })),
    })),
    moderationHref: pathTo(locale, 'communityModeration', { slug: page.group.slugs[locale] }),
    openReports: page.viewer.openReports ?? 0,
    members: members?.map((m) => ({ id: m.id, nickname: m.nickname ?? '', moderator: m.role === 'moderator' })) ?? null,
    done: (DONE as readonly string[]).includes(done ?? '') ? (done as (typeof DONE)[number]) : null,
    title: `${getT(locale)('community.requests')} · ${pick(page.group.title, locale)?.text ?? ''}`,
  };
}

export async function action(args: Route.ActionArgs) {
  const { ctx, form, locale } = await communityForm(args);
  const here = new URL(args.request.url).pathname;
  const decision = field(form, 'decision') === 'approve' ? 'approve' : 'decline';
  try {
    if (field(form, 'intent') === 'moderator') {
      await setModerator({ ctx, input: { memberId: field(form, 'memberId'), moderator: field(form, 'moderator') === 'true' } });
      return redirect(`${here}?done=saved`);
    }
    await decideJoinRequest({ ctx, input: { memberId: field(form, 'memberId'), decision, reason: field(form, 'reason') || undefined } });
    return redirect(`${here}?done=${decision === 'approve' ? 'approved' : 'declined'}`);
  } catch (err) {
    const problem = communityError(err, getT(locale));
    return data<{ problem: FormProblem }>({ problem }, { status: problem.status });
  }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.title ?? ''} · Cercle` }, { name: 'robots', content: 'noindex' }];

export default function CommunityRequests({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const d = loaderData;
  const problem = actionData?.problem;
  return (
    <div className="page narrow community">
      <CommunityBreadcrumb href={d.communityHref} title={d.groupTitle} locale={d.locale} />
      <h1>{t('community.requests')}</h1>
      <CommunityNotices done={d.done} problem={problem} />
      <p className="notice">
        <Link to={d.moderationHref}>{d.openReports ? t('community.moderation.linkCount', { count: d.openReports }) : t('community.moderation.link')}</Link>
      </p>
      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{d.requests.length ? t('community.requestsCount', { count: d.requests.length }) : t('community.requestsNone')}</h2>
        <ul className="applications">
          {d.requests.map((r) => (
            <li key={r.id} className="card">
              <h3>{r.nickname}</h3>
              <p className="muted">{t('community.requestedOn', { date: r.on })}</p>
              {r.answers.length > 0 && (
                <dl className="answers">
                  {r.answers.map((a, i) => (
                    <div key={i}>
                      <dt>
                        <Localized text={a.label} locale={d.locale} />
                      </dt>
                      <dd>{typeof a.value === 'boolean' ? t(a.value ? 'signup.yes' : 'signup.no') : a.value}</dd>
                    </div>
                  ))}
                </dl>
              )}
              <Form method="post" className="inline-form">
                <CsrfField token={d.csrf} />
                <input type="hidden" name="memberId" value={r.id} />
                <input type="hidden" name="decision" value="approve" />
                <button type="submit">
                  {t('community.approve')}
                  <span className="visually-hidden"> · {r.nickname}</span>
                </button>
              </Form>
              <Form method="post">
                <CsrfField token={d.csrf} />
                <input type="hidden" name="memberId" value={r.id} />
                <input type="hidden" name="decision" value="decline" />
                <TextField id={`reason-${r.id}`} name="reason" label={t('community.declineReason')} multiline rows={2} maxLength={1000} />
                <button type="submit" className="secondary">
                  {t('community.decline')}
                  <span className="visually-hidden"> · {r.nickname}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>
      {d.members && (
        <section aria-labelledby="members-title">
          <h2 id="members-title">{t('community.moderators')}</h2>
          <p>{t('community.moderatorsHint')}</p>
          <ul className="members">
            {d.members.map((m) => (
              <li key={m.id}>
                <Form method="post" className="inline-form">
                  <CsrfField token={d.csrf} />
                  <input type="hidden" name="intent" value="moderator" />
                  <input type="hidden" name="memberId" value={m.id} />
                  <input type="hidden" name="moderator" value={m.moderator ? 'false' : 'true'} />
                  <strong>{m.nickname}</strong> {m.moderator && <span className="muted">({t('community.moderator')})</span>}{' '}
                  <button type="submit" className="secondary">
                    {m.moderator ? t('community.removeModerator') : t('community.makeModerator')}
                    <span className="visually-hidden"> · {m.nickname}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
