import { data, Form, Link, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Route } from './+types/organize-facilitators';
import { framedMeta } from '../components/area-frame';
import {
  linkFacilitatorToGroup,
  listFacilitators,
  saveFacilitator,
  submitLicence,
  unlinkFacilitatorFromGroup,
} from '../../core/facilitators';
import {
  BIO_MAX,
  CREDENTIALS_MAX,
  DISPLAY_NAME_MAX,
  LICENCE_BODY_MAX,
  LICENCE_JURISDICTION_MAX,
  LICENCE_NUMBER_MAX,
} from '../../core/facilitators/constants';
import { CoreError, reasonOf } from '../../core/errors';
import { can, PERMISSIONS, type Permission } from '../../core/policy/permissions';
import { pick } from '../../core/text';
import { LEADERSHIPS, type Leadership } from '../../db/schema/enums';
import { getT, type Locale } from '../../i18n';
import { localeOf, organizeError, organizerForm, organizerPage } from '../lib/organize.server';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';

import { formatDate } from './admin-shared';
import { ErrorSummary, TextField } from '../components/form-kit';
import { field, formValues } from '../lib/form-values';

const PROFILE_FIELDS = ['facilitatorId', 'displayName', 'leadership', 'credentialsEn', 'credentialsFr', 'bioEn', 'bioFr', 'userId'] as const;
const LICENCE_FIELDS = ['facilitatorId', 'number', 'body', 'jurisdiction'] as const;
const DONE = ['created', 'saved', 'submitted', 'unchanged', 'linked', 'unlinked'] as const;
type Done = (typeof DONE)[number];
const DONE_MESSAGE = {
  created: 'admin.facilitators.created',
  saved: 'admin.facilitators.saved',
  submitted: 'admin.facilitators.licence.submitted',
  unchanged: 'admin.facilitators.licence.unchanged',
  linked: 'admin.facilitators.linked',
  unlinked: 'admin.facilitators.unlinked',
} as const;

function nameOf(org: { nameEn: string; nameFr: string | null }, locale: Locale): string {
  return locale === 'fr' ? (org.nameFr ?? org.nameEn) : org.nameEn;
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const { ctx, csrf, org } = await organizerPage({ request, context, params }, locale);
  const list = await listFacilitators({ ctx, input: { organizationId: org.id } });
  const search = new URL(request.url).searchParams;
  const done = search.get('done');
  const editId = search.get('edit');
  const editing = list.canEdit && editId ? (list.facilitators.find((f) => f.id === editId) ?? null) : null;
  return {
    locale,
    csrf,
    slug: org.slug,
    name: nameOf(org, locale),
    permissions: (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(list.role, p)),
    canEdit: list.canEdit,
    done: (DONE as readonly string[]).includes(done ?? '') ? (done as Done) : null,
    editing: editing
      ? Object.fromEntries(PROFILE_FIELDS.map((f) => [f, f === 'facilitatorId' ? editing.id : ((editing[f] as string | null) ?? '')]))
      : null,
    editingName: editing?.displayName ?? null,
    editingVerified: editing?.licenceStatus === 'verified',
    members: list.members.map((m) => ({ userId: m.userId, label: `${m.name} (${m.email})` })),
    facilitators: list.facilitators.map((f) => ({
      id: f.id,
      displayName: f.displayName,
      leadership: f.leadership,
      credentialsEn: f.credentialsEn,
      credentialsFr: f.credentialsFr,
      user: f.user,
      canSubmitLicence: f.canSubmitLicence,
      licenceNumber: f.licenceNumber,
      licenceBody: f.licenceBody,
      licenceJurisdiction: f.licenceJurisdiction,
      licenceStatus: f.licenceStatus,
      licenceReviewNote: f.licenceReviewNote,
      reviewedOn: formatDate(f.licenceReviewedAt, locale),
      groups: f.groups.map((g) => ({ id: g.id, title: pick(g.title, locale) })),
      // Groups it could still be named on.
      linkable: list.groups.filter((g) => !f.groups.some((x) => x.id === g.id)).map((g) => ({ id: g.id, title: pick(g.title, locale)?.text ?? g.slug })),
    })),
  };
}

/** Core errors of this page, as on the organization's other pages; a member who already has a profile is said next to the member's choice too. */
function facilitatorError(err: unknown, t: TFunction) {
  const e = organizeError(err, t);
  return reasonOf(err) === 'facilitator_taken' ? { ...e, fields: { userId: e.message } } : e;
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { ctx, form, org } = await organizerForm({ request, context, params }, locale);
  const intent = field(form, 'intent');
  const back = (done: Done, anchor?: string) =>
    redirect(`${pathTo(locale, 'orgFacilitators', { org: org.slug })}?done=${done}${anchor ? `#${anchor}` : ''}`);
  const values = formValues(form, intent === 'licence' ? LICENCE_FIELDS : intent === 'save' ? PROFILE_FIELDS : ['facilitatorId', 'groupId']);
  try {
    if (intent === 'save') {
      const { facilitator, created } = await saveFacilitator({
        ctx,
        input: {
          organizationId: org.id,
          facilitatorId: values.facilitatorId || undefined,
          displayName: values.displayName!,
          leadership: values.leadership as Leadership,
          credentialsEn: values.credentialsEn,
          credentialsFr: values.credentialsFr,
          bioEn: values.bioEn,
          bioFr: values.bioFr,
          userId: values.userId,
        },
      });
      return back(created ? 'created' : 'saved', `facilitator-${facilitator.id}`);
    }
    if (intent === 'licence') {
      const { changed } = await submitLicence({
        ctx,
        input: { facilitatorId: values.facilitatorId!, number: values.number!, body: values.body!, jurisdiction: values.jurisdiction! },
      });
      return back(changed ? 'submitted' : 'unchanged', `facilitator-${values.facilitatorId}`);
    }
    if (intent === 'link') {
      await linkFacilitatorToGroup({ ctx, input: { groupId: values.groupId!, facilitatorId: values.facilitatorId! } });
      return back('linked', `facilitator-${values.facilitatorId}`);
    }
    if (intent === 'unlink') {
      await unlinkFacilitatorFromGroup({ ctx, input: { groupId: values.groupId!, facilitatorId: values.facilitatorId! } });
      return back('unlinked', `facilitator-${values.facilitatorId}`);
    }
    throw data(t('admin.errors.generic'), { status: 400 });
  } catch (err) {
    if (!(err instanceof CoreError)) throw err;
    const e = facilitatorError(err, t);
    return data({ ...e, intent, values }, { status: e.status });
  }
}

export const meta: Route.MetaFunction = ({ data, matches }) => framedMeta({ matches }, data && getT(data.locale)('admin.facilitators.title', { name: data.name }));

export default function OrganizeFacilitators({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, csrf, slug, name, canEdit, done, editing, editingName, editingVerified, members, facilitators } = loaderData;
  const base = pathTo(locale, 'orgFacilitators', { org: slug });
  const failedIntent = actionData?.intent;
  const failedId = actionData?.values.facilitatorId;

  // The profile form: after a failed save, what was typed; when editing, the profile; else empty.
  const profileValues: Record<string, string> =
    failedIntent === 'save' && actionData ? actionData.values : (editing ?? Object.fromEntries(PROFILE_FIELDS.map((f) => [f, f === 'leadership' ? 'peer' : ''])));
  const profileErrors: Record<string, string> = failedIntent === 'save' && actionData ? actionData.fields : {};
  const isEdit = Boolean(profileValues.facilitatorId);
  const order: ('en' | 'fr')[] = locale === 'en' ? ['en', 'fr'] : ['fr', 'en'];

  return (
    <>
      <h1>{t('admin.facilitators.title', { name })}</h1>
      <p className="muted">{t('admin.facilitators.lead')}</p>
      {done && (
        <p className="notice success" role="status">
          {t(DONE_MESSAGE[done])}
        </p>
      )}
      {actionData && (failedIntent === 'link' || failedIntent === 'unlink' || Object.keys(actionData.fields).length === 0) && (
        <ErrorSummary message={actionData.message} />
      )}

      {facilitators.length === 0 && <p>{t('admin.facilitators.none')}</p>}
      {facilitators.map((f) => {
        const formId = `licence-${f.id}`;
        const licenceFailed = failedIntent === 'licence' && failedId === f.id && actionData ? actionData : null;
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
                {licenceFailed && Object.keys(licenceErrors).length > 0 && <ErrorSummary message={actionData?.message ?? ''} fields={licenceErrors} prefix={`${formId}-`} />}
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
      })}

      {canEdit ? (
        <section id="facilitator-form" aria-labelledby="facilitator-form-title">
          <h2 id="facilitator-form-title">
            {isEdit ? t('admin.facilitators.edit', { name: editingName ?? profileValues.displayName ?? '' }) : t('admin.facilitators.add')}
          </h2>
          {failedIntent === 'save' && actionData && Object.keys(actionData.fields).length > 0 && (
            <ErrorSummary message={actionData.message} fields={actionData.fields} />
          )}
          <Form method="post" action={`${base}#facilitator-form`} noValidate>
            <CsrfField token={csrf} />
            <input type="hidden" name="intent" value="save" />
            {isEdit && <input type="hidden" name="facilitatorId" value={profileValues.facilitatorId} />}
            <TextField
              name="displayName"
              label={t('admin.facilitators.displayName')}
              value={profileValues.displayName}
              error={profileErrors.displayName}
              maxLength={DISPLAY_NAME_MAX}
              hint={isEdit && editingVerified ? t('admin.facilitators.identityWarning') : undefined}
            />
            <p className="field">
              <label htmlFor="f-leadership">{t('admin.facilitators.leadership')}</label>
              <select
                id="f-leadership"
                name="leadership"
                defaultValue={profileValues.leadership || 'peer'}
                aria-invalid={profileErrors.leadership ? true : undefined}
                aria-describedby={profileErrors.leadership ? 'f-leadership-error' : undefined}
              >
                {LEADERSHIPS.map((l) => (
                  <option key={l} value={l}>
                    {t(`admin.facilitators.leadershipOptions.${l}`)}
                  </option>
                ))}
              </select>
              {profileErrors.leadership && (
                <span className="field-error" id="f-leadership-error">
                  {profileErrors.leadership}
                </span>
              )}
            </p>
            <div className="side-by-side">
              {order.map((l) => {
                const suffix = l === 'en' ? 'En' : 'Fr';
                return (
                  <fieldset key={l}>
                    <legend>{t(l === 'en' ? 'admin.facilitators.english' : 'admin.facilitators.french')}</legend>
                    <TextField
                      name={`credentials${suffix}`}
                      label={t(`admin.facilitators.credentials${suffix}`)}
                      hint={t('admin.facilitators.credentialsHint')}
                      value={profileValues[`credentials${suffix}`]}
                      error={profileErrors[`credentials${suffix}`]}
                      lang={l}
                      maxLength={CREDENTIALS_MAX}
                    />
                    <TextField
                      name={`bio${suffix}`}
                      label={t(`admin.facilitators.bio${suffix}`)}
                      value={profileValues[`bio${suffix}`]}
                      error={profileErrors[`bio${suffix}`]}
                      lang={l}
                      multiline
                      maxLength={BIO_MAX}
                    />
                  </fieldset>
                );
              })}
            </div>
            <p className="field">
              <label htmlFor="f-userId">{t('admin.facilitators.account')}</label>
              <span className="hint muted" id="f-userId-hint">
                {t('admin.facilitators.accountHint')}
              </span>
              <select
                id="f-userId"
                name="userId"
                defaultValue={profileValues.userId ?? ''}
                aria-invalid={profileErrors.userId ? true : undefined}
                aria-describedby={['f-userId-hint', profileErrors.userId ? 'f-userId-error' : null].filter(Boolean).join(' ')}
              >
                <option value="">{t('admin.facilitators.accountNone')}</option>
                {members.map((m) => (
                  <option key={m.userId} value={m.userId}>
                    {m.label}
                  </option>
                ))}
              </select>
              {profileErrors.userId && (
                <span className="field-error" id="f-userId-error">
                  {profileErrors.userId}
                </span>
              )}
            </p>
            <p>
              <button type="submit">{t('admin.facilitators.save')}</button>
              {isEdit && (
                <>
                  {' '}
                  <Link to={base}>{t('admin.facilitators.cancelEdit')}</Link>
                </>
              )}
            </p>
          </Form>
        </section>
      ) : (
        <p className="notice">{t('admin.facilitators.readOnly')}</p>
      )}
    </>
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
