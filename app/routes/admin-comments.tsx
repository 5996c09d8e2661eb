import '../../i18n/areas/admin';
import { data, Form, Link, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/admin-comments';
import { listCommentsForModeration, moderateComment } from '../../core/articles';
import { COMMENT_QUEUES } from '../../core/articles/constants';
import { getT } from '../../i18n';
import { requireOrganizerForm, requirePlatformAdminUser } from '../lib/auth.server';
import { localeOf } from '../lib/organize.server';
import { pathTo } from '../lib/paths';
import { field } from '../lib/form-values';
import { formProblem } from '../lib/problem.server';
import { CsrfField } from '../components/csrf-field';
import { ErrorSummary } from '../components/form-kit';
import { adminMeta, formatWhen } from './admin-shared';

// Comments on articles waiting for an administrator: approve, reject, or mark as spam.

type Queue = (typeof COMMENT_QUEUES)[number];
const queueOf = (v: unknown): Queue => ((COMMENT_QUEUES as readonly unknown[]).includes(v) ? (v as Queue) : 'pending');
const OUTCOMES = ['approved', 'rejected', 'spam'] as const;
type Outcome = (typeof OUTCOMES)[number];
const DONE = { approved: 'admin.comments.doneApproved', rejected: 'admin.comments.doneRejected', spam: 'admin.comments.doneSpam' } as const;
const SHOW = { pending: 'admin.comments.pending', approved: 'admin.comments.approved', rejected: 'admin.comments.rejected', spam: 'admin.comments.spam' } as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const { ctx, csrf } = await requirePlatformAdminUser({ request, context }, locale);
  const search = new URL(request.url).searchParams;
  const show = queueOf(search.get('show'));
  const done = search.get('done');
  const comments = await listCommentsForModeration({ ctx, input: { status: show } });
  return {
    locale,
    csrf,
    show,
    done: (OUTCOMES as readonly unknown[]).includes(done) ? (done as Outcome) : null,
    comments: comments.map((c) => ({
      id: c.id,
      nickname: c.nickname,
      html: c.html,
      when: formatWhen(c.createdAt, locale),
      title: c.article.title,
      lang: c.article.locale,
      href: pathTo(c.article.locale, 'article', { slug: c.article.slug }),
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  await requirePlatformAdminUser({ request, context }, locale);
  const { ctx, form } = await requireOrganizerForm({ request, context }, locale);
  const outcome = field(form, 'outcome');
  const show = queueOf(field(form, 'show'));
  try {
    await moderateComment({ ctx, input: { commentId: field(form, 'commentId'), outcome: outcome as Outcome } });
    const query = new URLSearchParams({ done: outcome, ...(show !== 'pending' ? { show } : {}) });
    return redirect(`${pathTo(locale, 'adminComments')}?${query.toString()}`, 303);
  } catch (err) {
    const problem = formProblem(err, t, 'admin');
    return data({ problem }, { status: problem.status });
  }
}

export const meta: Route.MetaFunction = (args) => adminMeta(args, 'admin.comments.title');

export default function AdminComments({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, csrf, show, done, comments } = loaderData;
  const base = pathTo(locale, 'adminComments');
  return (
    <>
      <h1>{t('admin.comments.title')}</h1>
      <p className="muted">{t('admin.comments.lead')}</p>
      {done && (
        <p className="notice success" role="status">
          {t(DONE[done])}
        </p>
      )}
      {actionData?.problem && <ErrorSummary message={actionData.problem.message} />}
      <nav aria-label={t('admin.comments.show')}>
        <ul className="filter-links">
          {COMMENT_QUEUES.map((q) => (
            <li key={q}>
              <Link to={q === 'pending' ? base : `${base}?show=${q}`} aria-current={show === q ? 'page' : undefined}>
                {t(SHOW[q])}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {comments.length === 0 ? (
        <p className="empty">{t('admin.comments.none')}</p>
      ) : (
        <ul className="queue">
          {comments.map((c) => (
            <li key={c.id} className="queue-item card">
              <h2>
                <Link to={c.href} lang={c.lang === locale ? undefined : c.lang}>
                  {t('admin.comments.on', { title: c.title })}
                </Link>
              </h2>
              <p className="muted">{t('admin.comments.by', { nickname: c.nickname, date: c.when })}</p>
              <div dangerouslySetInnerHTML={{ __html: c.html }} />
              <Form method="post" className="inline-form">
                <CsrfField token={csrf} />
                <input type="hidden" name="commentId" value={c.id} />
                <input type="hidden" name="show" value={show} />
                {show !== 'approved' && (
                  <button type="submit" name="outcome" value="approved">
                    {t('admin.comments.approve')}
                  </button>
                )}{' '}
                {show !== 'rejected' && (
                  <button type="submit" name="outcome" value="rejected" className="secondary">
                    {t('admin.comments.reject')}
                  </button>
                )}{' '}
                {show !== 'spam' && (
                  <button type="submit" name="outcome" value="spam" className="secondary">
                    {t('admin.comments.markSpam')}
                  </button>
                )}
              </Form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
