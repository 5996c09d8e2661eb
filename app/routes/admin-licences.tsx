import '../../i18n/areas/admin';
import { data, Form, Link, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/admin-licences';
import { listLicenceReviews, reviewLicence } from '../../core/admin';
import { REVIEW_NOTE_MAX } from '../../core/admin/constants';
import { pick } from '../../core/text';
import { getT } from '../../i18n';
import { requirePlatformAdminUser, requireOrganizerForm } from '../lib/auth.server';
import { localeOf } from '../lib/organize.server';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';
import { formatDate, formatWhen, adminMeta } from './admin-shared';
import { formProblem } from '../lib/problem.server';
import { ErrorSummary, TextField } from '../components/form-kit';
import { field } from '../lib/form-values';

export async function loader({ request, context }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const { ctx, csrf } = await requirePlatformAdminUser({ request, context }, locale);
  const search = new URL(request.url).searchParams;
  const show = search.get('show') === 'all' ? 'all' : 'pending';
  const reviews = await listLicenceReviews({ ctx, input: { show } });
  const done = search.get('done');
  return {
    locale,
    csrf,
    show,
    done: done === 'verified' || done === 'rejected' ? { decision: done, name: search.get('name') ?? '' } : null,
    reviews: reviews.map((r) => ({
      ...r,
      organizationName: r.organization ? (pick(r.organization.name, locale)?.text ?? r.organization.slug) : null,
      credentialsText: pick(r.credentials, locale),
      submittedOn: formatWhen(r.submittedAt, locale),
      decidedOn: formatDate(r.licenceReviewedAt, locale),
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  // Only administrators reach the form; anyone else gets the same 404 as the page.
  await requirePlatformAdminUser({ request, context }, locale);
  const { ctx, form } = await requireOrganizerForm({ request, context }, locale);
  const facilitatorId = field(form, 'facilitatorId');
  const decision = field(form, 'decision');
  const note = field(form, 'note');
  const name = field(form, 'name');
  const show = field(form, 'show') === 'all' ? 'all' : 'pending';
  try {
    await reviewLicence({
      ctx,
      input: { facilitatorId, decision: decision as 'verify' | 'reject', note, version: field(form, 'version') || undefined },
    });
    const done = decision === 'verify' ? 'verified' : 'rejected';
    const query = new URLSearchParams({ done, name, ...(show === 'all' ? { show } : {}) });
    return redirect(`${pathTo(locale, 'adminLicences')}?${query.toString()}`);
  } catch (err) {
    const e = formProblem(err, t, 'admin');
    return data({ ...e, facilitatorId, note }, { status: e.status });
  }
}

export const meta: Route.MetaFunction = (args) => adminMeta(args, 'admin.licences.title');

export default function AdminLicences({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, csrf, show, done, reviews } = loaderData;
  const base = pathTo(locale, 'adminLicences');
  return (
    <>
      <h1>{t('admin.licences.title')}</h1>
      <p className="muted">{t('admin.licences.lead')}</p>
      {done && (
        <p className="notice success" role="status">
          {t(done.decision === 'verified' ? 'admin.licences.verified' : 'admin.licences.rejected', { name: done.name })}
        </p>
      )}
      {actionData && Object.keys(actionData.fields).length === 0 && (
        <ErrorSummary message={actionData.message} />
      )}
      <nav aria-label={t('admin.filter.label')}>
        <ul className="filter-links">
          <li>
            <Link to={base} aria-current={show === 'pending' ? 'page' : undefined}>
              {t('admin.licences.showPending')}
            </Link>
          </li>
          <li>
            <Link to={`${base}?show=all`} aria-current={show === 'all' ? 'page' : undefined}>
              {t('admin.licences.showAll')}
            </Link>
          </li>
        </ul>
      </nav>
      {reviews.length === 0 && <p>{t(show === 'all' ? 'admin.licences.noneAll' : 'admin.licences.none')}</p>}
      {reviews.map((r) => {
        const failed = actionData && actionData.facilitatorId === r.facilitatorId ? actionData : null;
        const noteError = failed?.fields.note;
        const id = `review-${r.facilitatorId}`;
        return (
          <section key={r.facilitatorId} aria-labelledby={`${id}-title`} className="card">
            <h2 id={`${id}-title`}>{r.displayName}</h2>
            <p>
              <span className={r.licenceStatus === 'verified' ? 'badge verified' : 'badge'}>{t(`admin.status.${r.licenceStatus}`)}</span>
            </p>
            <dl>
              <div>
                <dt>{t('admin.licences.organization')}</dt>
                <dd>{r.organizationName ?? '—'}</dd>
              </div>
              <div>
                <dt>{t('admin.licences.account')}</dt>
                <dd>{r.user ? `${r.user.name} <${r.user.email}>` : t('admin.licences.noAccount')}</dd>
              </div>
              {r.credentialsText && (
                <div>
                  <dt>{t('admin.licences.credentials')}</dt>
                  <dd lang={r.credentialsText.lang}>{r.credentialsText.text}</dd>
                </div>
              )}
              <div>
                <dt>{t('admin.licences.number')}</dt>
                <dd>{r.licenceNumber}</dd>
              </div>
              <div>
                <dt>{t('admin.licences.body')}</dt>
                <dd>{r.licenceBody}</dd>
              </div>
              <div>
                <dt>{t('admin.licences.jurisdiction')}</dt>
                <dd>{r.licenceJurisdiction}</dd>
              </div>
            </dl>
            {r.licenceStatus === 'pending' ? (
              <>
                <p className="muted">{t('admin.licences.submitted', { date: r.submittedOn })}</p>
                {failed && (
                  <ErrorSummary message={failed.message} fields={failed.fields} hrefs={{ note: `#${id}-note` }} />
                )}
                <Form method="post" noValidate>
                  <CsrfField token={csrf} />
                  <input type="hidden" name="facilitatorId" value={r.facilitatorId} />
                  <input type="hidden" name="version" value={r.version} />
                  <input type="hidden" name="name" value={r.displayName} />
                  <input type="hidden" name="show" value={show} />
                  <fieldset>
                    <legend>{t('admin.licences.decision', { name: r.displayName })}</legend>
                    <TextField
                      id={`${id}-note`}
                      name="note"
                      label={t('admin.licences.note')}
                      hint={t('admin.licences.noteHint')}
                      multiline
                      rows={3}
                      maxLength={REVIEW_NOTE_MAX}
                      value={failed?.note}
                      error={noteError}
                    />
                    <p className="actions">
                      <button type="submit" name="decision" value="verify">
                        {t('admin.licences.verify')}
                      </button>{' '}
                      <button type="submit" name="decision" value="reject" className="secondary">
                        {t('admin.licences.reject')}
                      </button>
                    </p>
                  </fieldset>
                </Form>
              </>
            ) : (
              <>
                {r.decidedOn && (
                  <p className="muted">
                    {r.reviewedBy
                      ? t('admin.licences.decided', { date: r.decidedOn, name: r.reviewedBy.name })
                      : t('admin.licences.decidedNoName', { date: r.decidedOn })}
                  </p>
                )}
                {r.licenceReviewNote && <p>{t('admin.licences.previousNote', { note: r.licenceReviewNote })}</p>}
              </>
            )}
          </section>
        );
      })}
    </>
  );
}
