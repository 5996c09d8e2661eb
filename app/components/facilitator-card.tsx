import '../../i18n/areas/admin';
import { Form, Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from '../routes/+types/organize-facilitators';
import { LICENCE_BODY_MAX, LICENCE_JURISDICTION_MAX, LICENCE_NUMBER_MAX } from '../../core/facilitators/constants';
import { CsrfField } from './csrf-field';
import { ErrorSummary, TextField } from './form-kit';

// One facilitator of an organization's facilitators page: the profile, the groups they lead (linked
// and unlinked there), and the licence with its review status and the form that submits it.

type Facilitator = Route.ComponentProps['loaderData']['facilitators'][number];

export function FacilitatorCard({
  facilitator: f,
  csrf,
  canEdit,
  base,
  order,
  failed,
}: {
  facilitator: Facilitator;
  csrf: string;
  canEdit: boolean;
  /** The page's address, for the edit link. */
  base: string;
  /** The languages, the page's own first. */
  order: ('en' | 'fr')[];
  /** This facilitator's licence form, refused: what was typed, and why. */
  failed: { message: string; fields: Record<string, string>; values: Record<string, string> } | null;
}) {
  const { t } = useTranslation();
  const formId = `licence-${f.id}`;
  const licenceFailed = failed;
  const licenceValues = licenceFailed
    ? licenceFailed.values
    : { number: f.licenceNumber ?? '', body: f.licenceBody ?? '', jurisdiction: f.licenceJurisdiction ?? '' };
  const licenceErrors: Record<string, string> = licenceFailed?.fields ?? {};
  const credentials = order
    .map((l) => ({ lang: l, text: l === 'en' ? f.credentialsEn : f.credentialsFr }))
    .filter((c): c is { lang: 'en' | 'fr'; text: string } => Boolean(c.text));
  return (
    <section key={f.id} id={`facilitator-${f.id}`} aria-labelledby={`facilitator-${f.id}-name`} className="card">
      <h2 id={`facilitator-${f.id}-name`}>{f.displayName}</h2>
      <p>{t(`admin.facilitators.leadershipOptions.${f.leadership}`)}</p>
      {credentials.length > 0 && (
        <dl>
          <dt>{t('admin.facilitators.credentials')}</dt>
          {credentials.map((c) => (
            <dd key={c.lang} lang={c.lang}>
              {c.text}
            </dd>
          ))}
        </dl>
      )}
      {f.user && <p className="muted">{t('admin.facilitators.linkedTo', { name: `${f.user.name} (${f.user.email})` })}</p>}
      {canEdit && (
        <p>
          <Link to={`${base}?edit=${f.id}#facilitator-form`}>{t('admin.facilitators.editLink', { name: f.displayName })}</Link>
        </p>
      )}

      <h3>{t('admin.facilitators.groups')}</h3>
      {f.groups.length === 0 ? (
        <p className="muted">{t('admin.facilitators.noGroups')}</p>
      ) : (
        <ul>
          {f.groups.map((g) => (
            <li key={g.id}>
              <span lang={g.title?.lang}>{g.title?.text}</span>
              {canEdit && (
                <Form method="post" className="inline-form">
                  <CsrfField token={csrf} />
                  <input type="hidden" name="intent" value="unlink" />
                  <input type="hidden" name="facilitatorId" value={f.id} />
                  <input type="hidden" name="groupId" value={g.id} />{' '}
                  <button type="submit" className="secondary">
                    {t('admin.facilitators.unlink', { group: g.title?.text ?? '' })}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && f.linkable.length > 0 && (
        <Form method="post">
          <CsrfField token={csrf} />
          <input type="hidden" name="intent" value="link" />
          <input type="hidden" name="facilitatorId" value={f.id} />
          <p className="field">
            <label htmlFor={`link-${f.id}`}>{t('admin.facilitators.linkLabel')}</label>
            <select id={`link-${f.id}`} name="groupId">
              {f.linkable.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.title}
                </option>
              ))}
            </select>{' '}
            <button type="submit">{t('admin.facilitators.linkButton')}</button>
          </p>
        </Form>
      )}

      <h3>{t('admin.facilitators.licence.title')}</h3>
      <LicenceStatus
        status={f.licenceStatus}
        reviewedOn={f.reviewedOn}
        note={f.licenceReviewNote}
        number={f.licenceNumber}
        body={f.licenceBody}
        jurisdiction={f.licenceJurisdiction}
      />
      {f.canSubmitLicence && (
        <Form method="post" noValidate>
          <CsrfField token={csrf} />
          <input type="hidden" name="intent" value="licence" />
          <input type="hidden" name="facilitatorId" value={f.id} />
          {licenceFailed && Object.keys(licenceErrors).length > 0 && <ErrorSummary message={failed?.message ?? ''} fields={licenceErrors} prefix={`${formId}-`} />}
          <fieldset>
            <legend>{t('admin.facilitators.licence.legend', { name: f.displayName })}</legend>
            {f.licenceStatus === 'verified' && <p className="muted">{t('admin.facilitators.licence.verifiedWarning')}</p>}
            <TextField prefix={`${formId}-`} name="number" label={t('admin.facilitators.licence.number')} value={licenceValues.number ?? ''} error={licenceErrors.number} maxLength={LICENCE_NUMBER_MAX} />
            <TextField
              prefix={`${formId}-`}
              name="body"
              label={t('admin.facilitators.licence.body')}
              hint={t('admin.facilitators.licence.bodyHint')}
              value={licenceValues.body ?? ''}
              error={licenceErrors.body}
              maxLength={LICENCE_BODY_MAX}
            />
            <TextField
              prefix={`${formId}-`}
              name="jurisdiction"
              label={t('admin.facilitators.licence.jurisdiction')}
              hint={t('admin.facilitators.licence.jurisdictionHint')}
              value={licenceValues.jurisdiction ?? ''}
              error={licenceErrors.jurisdiction}
              maxLength={LICENCE_JURISDICTION_MAX}
            />
            <p>
              <button type="submit">{t('admin.facilitators.licence.submit')}</button>
            </p>
          </fieldset>
        </Form>
      )}
    </section>
  );
}

/** A licence's review status: the verified badge, waiting, or not verified with the reason. */
function LicenceStatus({
  status,
  reviewedOn,
  note,
  number,
  body,
  jurisdiction,
}: {
  status: 'unverified' | 'pending' | 'verified' | 'rejected';
  reviewedOn: string;
  note: string | null;
  number: string | null;
  body: string | null;
  jurisdiction: string | null;
}) {
  const { t } = useTranslation();
  const details = [number, body, jurisdiction].filter(Boolean).join(' · ');
  if (status === 'unverified') return <p className="muted">{t('admin.facilitators.licence.notSubmitted')}</p>;
  return (
    <div className="licence-status">
      {status === 'verified' && (
        <p>
          <span className="badge verified">✓ {t('admin.facilitators.licence.verified')}</span> {reviewedOn && t('admin.facilitators.licence.verifiedOn', { date: reviewedOn })}
        </p>
      )}
      {status === 'pending' && (
        <p>
          <span className="badge">{t('admin.facilitators.licence.pending')}</span>
        </p>
      )}
      {status === 'rejected' && (
        <>
          <p>
            <span className="badge">{t('admin.facilitators.licence.rejected')}</span>
          </p>
          {note && <p>{t('admin.facilitators.licence.rejectedNote', { note })}</p>}
          <p className="muted">{t('admin.facilitators.licence.rejectedHint')}</p>
        </>
      )}
      {details && <p className="muted">{details}</p>}
    </div>
  );
}
