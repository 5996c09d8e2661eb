import '../../i18n/areas/community';
import { data, Form, Link, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/community';
import { getCommunity } from '../../core/communities/community-page';
import { listFeed, searchCommunity } from '../../core/communities/feed';
import { leaveCommunity, requestToJoin } from '../../core/communities/membership';
import { react } from '../../core/communities/posts';
import { setNotifications } from '../../core/communities/notifications';
import { pick } from '../../core/text';
import { getT } from '../../i18n';
import { checkGroupAddress, groupLocaleParams } from '../lib/group-address.server';
import { backTo, communityError, communityForm, communityNotFound, communityVisitor, reactionOf } from '../lib/community.server';
import type { FormProblem } from '../lib/problem.server';
import { formatSessionTime } from '../lib/format';
import { retryAfter } from '../lib/signup.server';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';
import { Localized } from '../components/localized';
import { CommunityLive } from '../components/community-live';
import { CommunityNotices, PostComposer } from '../components/community-post';
import { Check, TextField } from '../components/form-kit';
import { CommunityFeed, JoinCommunity } from '../components/community-page';
import { checked, field } from '../lib/form-values';

const DONE = ['joined', 'asked', 'left', 'posted', 'emails'] as const;

export async function loader(args: Route.LoaderArgs) {
  const { request, params } = args;
  const visitor = await communityVisitor(args);
  const { locale, ctx } = visitor;
  const page = await getCommunity({ ctx, input: { community: params.slug } }).catch((err: unknown) => communityNotFound(err, locale));
  checkGroupAddress(request, locale, params.slug, page.group.slugs, page.group.id);
  const url = new URL(request.url);
  const order = url.searchParams.get('order') === 'active' ? 'active' : 'newest';
  const after = url.searchParams.get('after') ?? undefined;
  // A search within the community (members), or its feed.
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
  const feed = !page.viewer.canRead
    ? null
    : q
      ? await searchCommunity({ ctx, input: { community: page.group.id, q } }).then((r) => ({ posts: r.posts, next: null }))
      : await listFeed({ ctx, input: { community: page.group.id, order, after } }).catch((err: unknown) => communityNotFound(err, locale));
  const tz = page.group.timeZone;
  const done = url.searchParams.get('done');
  const here = pathTo(locale, 'community', { slug: page.group.slugs[locale] });
  return {
    locale,
    csrf: visitor.csrf,
    page,
    here,
    back: `${here}${url.search}`,
    localeParams: groupLocaleParams(page.group.slugs),
    groupHref: pathTo(locale, 'group', { slug: page.group.slugs[locale] }),
    signInHref: `${pathTo(locale, 'signIn')}?next=${encodeURIComponent(here)}`,
    signUpHref: `${pathTo(locale, 'signUp')}?next=${encodeURIComponent(here)}`,
    requestsHref: pathTo(locale, 'communityRequests', { slug: page.group.slugs[locale] }),
    moderationHref: pathTo(locale, 'communityModeration', { slug: page.group.slugs[locale] }),
    newPostHref: pathTo(locale, 'communityNewPost', { slug: page.group.slugs[locale] }),
    peopleHref: pathTo(locale, 'communityPeople', { slug: page.group.slugs[locale] }),
    messagesHref: pathTo(locale, 'communityMessages', { slug: page.group.slugs[locale] }),
    mutedUntil: page.viewer.mutedUntil ? formatSessionTime(page.viewer.mutedUntil, tz, locale) : null,
    order,
    posts: (feed?.posts ?? []).map((p) => ({
      ...p,
      iso: p.createdAt.toISOString(),
      when: formatSessionTime(p.createdAt, tz, locale),
      href: pathTo(locale, 'communityPost', { slug: page.group.slugs[locale], post: p.id }),
    })),
    groupId: page.group.id,
    /** Live news reloads the first page only: a reader paging back keeps their place. */
    firstPage: !after && !q,
    q,
    olderHref: feed?.next ? `${here}?${new URLSearchParams({ order, after: feed.next })}` : null,
    done: (DONE as readonly string[]).includes(done ?? '') ? (done as (typeof DONE)[number]) : null,
    crisis: url.searchParams.get('crisis') === '1',
    title: `${getT(locale)('community.title')} · ${pick(page.group.title, locale)?.text ?? ''}`,
  };
}

type ActionResult = { intent: string; problem: FormProblem; values: Record<string, string> };

export async function action(args: Route.ActionArgs) {
  const { ctx, form, locale } = await communityForm(args);
  const t = getT(locale);
  const intent = field(form, 'intent');
  const here = new URL(args.request.url).pathname;
  const values = Object.fromEntries([...form].filter(([k, v]) => typeof v === 'string' && k !== '_csrf')) as Record<string, string>;
  try {
    if (intent === 'join') {
      const answers: Record<string, string> = {};
      for (const [k, v] of form) if (k.startsWith('answer.') && typeof v === 'string') answers[k.slice('answer.'.length)] = v;
      const out = await requestToJoin({ ctx, input: { community: args.params.slug, nickname: field(form, 'nickname'), answers, acceptRules: checked(form, 'rules') as true } });
      return redirect(`${here}?done=${out.status === 'member' ? 'joined' : 'asked'}`);
    }
    if (intent === 'emails') {
      await setNotifications({ ctx, input: { community: args.params.slug, replies: checked(form, 'replies'), digest: checked(form, 'digest') } });
      return redirect(`${here}?done=emails`);
    }
    if (intent === 'leave') {
      await leaveCommunity({ ctx, input: { community: args.params.slug } });
      return redirect(`${here}?done=left`);
    }
    if (intent === 'react') {
      await react({
        ctx,
        input: { postId: field(form, 'postId') || undefined, commentId: field(form, 'commentId') || undefined, ...reactionOf(form) },
      });
      return redirect(backTo(form, here));
    }
    return data<ActionResult>({ intent, problem: { status: 400, message: t('community.errors.forbidden'), fields: {} }, values }, { status: 400 });
  } catch (err) {
    const problem = communityError(err, t);
    return data<ActionResult>({ intent, problem, values }, { status: problem.status, headers: retryAfter(err) });
  }
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.title ?? ''} · Cercle` }, { name: 'robots', content: 'noindex' }];

export default function Community({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const d = loaderData;
  const { page, locale } = d;
  const v = page.viewer;
  const problem = actionData?.problem;
  const values = actionData?.values ?? {};
  return (
    <div className="page narrow community">
      <p className="breadcrumb">
        <Link to={d.groupHref}>{t('community.back')}</Link>
      </p>
      <h1>
        <Localized text={page.group.title} locale={locale} />
        <span className="visually-hidden"> · </span>
        <span className="subtitle">{t('community.title')}</span>
      </h1>
      <CommunityNotices done={d.done} crisis={d.crisis} problem={problem} />

      {!v.canRead && <JoinCommunity d={d} problem={problem} values={values} />}

      {v.canRead && (
        <>
          {v.canModerate && (
            <ul className="notice moderation-links">
              <li>
                <Link to={d.requestsHref}>{v.pendingRequests ? t('community.requestsCount', { count: v.pendingRequests }) : t('community.requests')}</Link>
              </li>
              <li>
                <Link to={d.moderationHref}>{v.openReports ? t('community.moderation.linkCount', { count: v.openReports }) : t('community.moderation.link')}</Link>
              </li>
            </ul>
          )}
          {d.mutedUntil && (
            <p className="notice" role="status">
              {t('community.muted', { date: d.mutedUntil })} {v.sanctionReason && t('community.mutedReason', { reason: v.sanctionReason })}
            </p>
          )}
          {v.canPost && d.csrf && <PostComposer csrf={d.csrf} action={d.newPostHref} />}
          {v.status === 'member' && (
            <ul className="member-links">
              <li>
                <Link to={d.peopleHref}>{t('community.people.link')}</Link>
              </li>
              <li>
                <Link to={d.messagesHref}>{t('community.messages.link')}</Link>
              </li>
            </ul>
          )}

          {d.firstPage && <CommunityLive groupId={d.groupId} wanted={(e) => e.kind === 'post' || d.order === 'active'} />}
          <Form method="get" role="search" className="community-search">
            <TextField name="q" type="search" label={t('community.search.label')} value={d.q} maxLength={200} />
            <button type="submit" className="secondary">
              {t('community.search.button')}
            </button>
          </Form>
          <CommunityFeed d={d} />

          {pick(page.group.rules, locale) && (
            <details className="rules">
              <summary>{t('community.rules')}</summary>
              <Localized as="p" text={page.group.rules} locale={locale} />
            </details>
          )}
          {v.emails && d.csrf && (
            <Form method="post" className="card emails">
              <CsrfField token={d.csrf} />
              <input type="hidden" name="intent" value="emails" />
              <fieldset>
                <legend>{t('community.notifications.title')}</legend>
                <p className="hint" id="emails-hint">
                  {t('community.notifications.hint')}
                </p>
                <Check name="replies" label={t('community.notifications.replies')} checked={v.emails.replies} describedBy="emails-hint" />
                <Check name="digest" label={t('community.notifications.digest')} checked={v.emails.digest} />
              </fieldset>
              <button type="submit" className="secondary">
                {t('community.notifications.save')}
              </button>
            </Form>
          )}
          {v.status === 'member' && d.csrf && (
            <Form method="post" className="leave">
              <CsrfField token={d.csrf} />
              <input type="hidden" name="intent" value="leave" />
              <p className="muted">{t('community.leaveHint')}</p>
              <button type="submit" className="secondary">
                {t('community.leave')}
              </button>
            </Form>
          )}
        </>
      )}
    </div>
  );
}
