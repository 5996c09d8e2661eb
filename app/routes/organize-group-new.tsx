import '../../i18n/areas/editor';
import { data, Form, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/organize-group-new';
import { framedMeta, type FramedHandle } from '../components/area-frame';
import { createGroup } from '../../core/group-editor';
import { defaultTimeZone } from '../../core/group-editor/default-time-zone';
import { DELIVERIES, GROUP_FORMATS, GROUP_KINDS, LEADERSHIPS } from '../../db/schema/values';
import { can } from '../../core/policy/permissions';
import { getT } from '../../i18n';
import { localeOf, organizerForm, organizerPage } from '../lib/organize.server';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';

import { editorError } from './organize-group-shared.server';
import { zoneGroups } from './organize-group-choices.server';
import { Choice, ErrorSummary, TextField } from '../components/form-kit';
import { field } from '../lib/form-values';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const { ctx, csrf, org } = await organizerPage({ request, context, params }, locale);
  const t = getT(locale);
  if (!can(org.role, 'groups.edit')) throw data(t('editor.errors.forbidden'), { status: 403 });
  // The zone of the organization's latest group, or of the province in its profile.
  const timeZone = await defaultTimeZone({ ctx, input: { organizationId: org.id } });
  return { locale, csrf, slug: org.slug, timeZone, zoneGroups: zoneGroups(t, timeZone) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { ctx, form, org } = await organizerForm({ request, context, params }, locale);
  const values = Object.fromEntries(['titleEn', 'titleFr', 'kind', 'leadership', 'format', 'delivery', 'timeZone'].map((n) => [n, field(form, n)]));
  try {
    const { id } = await createGroup({
      ctx,
      input: {
        organizationId: org.id,
        titleEn: values.titleEn ?? null,
        titleFr: values.titleFr ?? null,
        kind: values.kind as 'support_group',
        leadership: values.leadership as 'peer',
        format: values.format as 'drop_in',
        delivery: values.delivery as 'online',
        workshopActivity: values.kind === 'workshop' ? 'other' : undefined,
        timeZone: values.timeZone || undefined,
      },
    });
    return redirect(pathTo(locale, 'orgGroupEdit', { org: org.slug, group: id }));
  } catch (err) {
    const e = editorError(err, t);
    return data({ ...e, values }, { status: e.status });
  }
}

/** A narrow column, inside the organizer's frame. */
export const handle: FramedHandle = { narrow: true };

export const meta: Route.MetaFunction = ({ data, matches }) => framedMeta({ matches }, data && getT(data.locale)('editor.create.title'));

export default function OrganizeGroupNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { csrf, timeZone, zoneGroups: zones } = loaderData;
  const v: Record<string, string | undefined> = actionData?.values ?? { kind: 'support_group', leadership: 'peer', format: 'drop_in', delivery: 'in_person', timeZone };
  const errors = actionData?.fields ?? {};
  return (
    <>
      <h1>{t('editor.create.title')}</h1>
      <p>{t('editor.create.lead')}</p>
      {actionData && <ErrorSummary message={actionData.message} fields={errors} />}
      <Form method="post" noValidate>
        <CsrfField token={csrf} />
        <TextField name="titleEn" label={t('editor.field.titleEn')} value={v.titleEn} error={errors.titleEn} lang="en" maxLength={200} />
        <TextField name="titleFr" label={t('editor.field.titleFr')} value={v.titleFr} error={errors.titleFr} lang="fr" maxLength={200} />
        <p className="hint muted">{t('editor.create.titlesHint')}</p>
        <Choice name="kind" label={t('editor.field.kind')} value={v.kind} error={errors.kind} options={GROUP_KINDS.map((k) => [k, t(`kind.${k}`)])} />
        <Choice name="leadership" label={t('editor.field.leadership')} value={v.leadership} error={errors.leadership} options={LEADERSHIPS.map((k) => [k, t(`leadership.${k}`)])} />
        <Choice name="format" label={t('editor.field.format')} value={v.format} error={errors.format} options={GROUP_FORMATS.map((k) => [k, t(`format.${k}`)])} />
        <Choice name="delivery" label={t('editor.field.delivery')} value={v.delivery} error={errors.delivery} options={DELIVERIES.map((k) => [k, t(`delivery.${k}`)])} />
        <Choice name="timeZone" label={t('editor.field.timeZone')} hint={t('editor.field.timeZoneHint')} value={v.timeZone} error={errors.timeZone} options={[]} groups={zones} />
        <p>
          <button type="submit">{t('editor.create.submit')}</button>
        </p>
      </Form>
    </>
  );
}
