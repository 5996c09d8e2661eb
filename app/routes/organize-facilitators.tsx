import '../../i18n/areas/admin';
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
import { BIO_MAX, CREDENTIALS_MAX, DISPLAY_NAME_MAX } from '../../core/facilitators/constants';
import { CoreError, reasonOf } from '../../core/errors';
import { pick } from '../../core/text';
import { LEADERSHIPS, type Leadership } from '../../db/schema/values';
import { getT } from '../../i18n';
import { nameIn } from '../../core/organizations';
import { localeOf, organizeError, organizerForm, organizerPage } from '../lib/organize.server';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';

import { formatDate } from './admin-shared';
import { Choice, ErrorSummary, TextField } from '../components/form-kit';
import { FacilitatorCard } from '../components/facilitator-card';
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
    name: nameIn(org, locale),
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
      {facilitators.map((f) => (
        <FacilitatorCard
          key={f.id}
          facilitator={f}
          csrf={csrf}
          canEdit={canEdit}
          base={base}
          order={order}
          failed={failedIntent === 'licence' && failedId === f.id && actionData ? actionData : null}
        />
      ))}

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
            <Choice
              name="leadership"
              label={t('admin.facilitators.leadership')}
              value={profileValues.leadership || 'peer'}
              error={profileErrors.leadership}
              options={LEADERSHIPS.map((l) => [l, t(`admin.facilitators.leadershipOptions.${l}`)])}
            />
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
            <Choice
              name="userId"
              label={t('admin.facilitators.account')}
              hint={t('admin.facilitators.accountHint')}
              value={profileValues.userId ?? ''}
              error={profileErrors.userId}
              empty={t('admin.facilitators.accountNone')}
              options={members.map((m) => [m.userId, m.label])}
            />
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
