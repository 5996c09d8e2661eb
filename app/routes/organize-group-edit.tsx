import '../../i18n/areas/editor';
import { data, Form, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/organize-group-edit';
import { framedMeta } from '../components/area-frame';
import { getGroupEditor, publishGroup, unpublishGroup, updateGroup, type GroupAttributesInput } from '../../core/group-editor';
import { applicableChanges, SHAPE_FIELDS } from '../../core/group-editor/applicable';
import { FAITHS, GROUP_LANGUAGES } from '../../core/group-editor/choices';
import { getT, type Locale } from '../../i18n';
import { languageName } from '../lib/format';
import { localeOf, organizerForm, organizerPage } from '../lib/organize.server';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';
import { GroupDetailsForm } from '../components/group-editor-form';
import { FIELD_IDS, PLAIN, shapeOf, TEXTS } from '../lib/group-editor-fields';
import { editorError, editorRefusal } from './organize-group-shared.server';
import { zoneGroups } from './organize-group-choices.server';
import { ErrorSummary } from '../components/form-kit';
import { centsField, checked, field, listField, numberField } from '../lib/form-values';
import { EditorTabs } from '../components/editor-tabs';

// The details of a group. Only the attributes that apply to the group's kind, format, delivery,
// cost and reach are shown (core/group-editor/applicable.ts): the server renders them from the
// saved values, so the page works without JavaScript; with it, changing one of those choices
// shows and hides the rest at once. Hidden fields are not sent as changes, so they are neither
// checked nor required, and a saved value is only cleared when it no longer applies.

async function load(args: Pick<Route.LoaderArgs, 'request' | 'context' | 'params'>, locale: Locale) {
  const { ctx, csrf, org } = await organizerPage(args, locale);
  const view = await getGroupEditor({ ctx, input: { groupId: args.params.group, organizationSlug: org.slug } }).catch((e: unknown) => editorRefusal(e, locale));
  return { ctx, csrf, org, view };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { csrf, org, view } = await load({ request, context, params }, locale);
  const g = view.group;
  // Stored values from before these lists (a language, a zone or a tradition not listed) stay choosable.
  const extra = (listed: readonly string[], stored: readonly string[]) => stored.filter((v) => v && !listed.includes(v));
  return {
    locale,
    csrf,
    slug: org.slug,
    group: {
      ...g,
      fee: g.feeCents == null ? '' : (g.feeCents / 100).toFixed(2),
      suggestedDonation: g.suggestedDonationCents == null ? '' : (g.suggestedDonationCents / 100).toFixed(2),
    },
    topicIds: view.topicIds,
    facilitatorIds: view.facilitatorIds,
    topicChoices: view.topicChoices.map((x) => [x.id, `${x.parentId ? '— ' : ''}${locale === 'fr' ? x.labelFr : x.labelEn}`] as [string, string]),
    facilitatorChoices: view.facilitatorChoices,
    // Named on the server, so that the browser shows exactly what was rendered.
    languageChoices: [...GROUP_LANGUAGES, ...extra(GROUP_LANGUAGES, g.languages)].map((code) => [code, languageName(code, locale)] as [string, string]),
    faithChoices: [
      ...FAITHS.map((f) => [f, t(`editor.faith.${f}` as 'editor.faith.Christian')] as [string, string]),
      ...extra(FAITHS, [g.faith]).map((f) => [f, f] as [string, string]),
    ],
    zoneGroups: zoneGroups(t, g.timeZone),
    check: view.check,
    done: new URL(request.url).searchParams.get('done'),
  };
}

function changesFrom(form: FormData): Partial<GroupAttributesInput> {
  const text = Object.fromEntries(TEXTS.flatMap((f) => [`${f}En`, `${f}Fr`]).map((n) => [n, field(form, n)]));
  const plain = Object.fromEntries(PLAIN.map((n) => [n, field(form, n)]));
  const choice = (n: string) => field(form, n) || null;
  const changes = {
    ...text,
    ...plain,
    kind: field(form, 'kind') as 'support_group',
    leadership: field(form, 'leadership') as 'peer',
    format: field(form, 'format') as 'drop_in',
    delivery: field(form, 'delivery') as 'online',
    dropInStyle: choice('dropInStyle') as 'open_forum' | null,
    workshopActivity: choice('workshopActivity') as 'art' | null,
    noNeedToTalk: checked(form, 'noNeedToTalk'),
    reach: field(form, 'reach') as 'anywhere',
    regions: listField(form, 'regions'),
    costType: field(form, 'costType') as 'free',
    feeCents: centsField(form, 'fee'),
    feeCurrency: choice('feeCurrency') as 'CAD' | null,
    feePer: choice('feePer') as 'session' | null,
    suggestedDonationCents: centsField(form, 'suggestedDonation'),
    insuranceReceipts: checked(form, 'insuranceReceipts'),
    languages: form.getAll('languages').map(String),
    gender: field(form, 'gender') as 'any',
    ageMin: numberField(form, 'ageMin'),
    ageMax: numberField(form, 'ageMax'),
    accessibility: form.getAll('accessibility').map(String) as GroupAttributesInput['accessibility'],
    cameraOptional: checked(form, 'cameraOptional'),
    maxSize: numberField(form, 'maxSize'),
    signupCutoffMinutes: (() => {
      const h = numberField(form, 'signupCutoffHours');
      return h == null ? 0 : Math.round(h * 60);
    })(),
    sessionCapacity: numberField(form, 'sessionCapacity'),
    intakeScreening: checked(form, 'intakeScreening'),
    attendanceTracked: checked(form, 'attendanceTracked'),
    waitlistPromotion: field(form, 'waitlistPromotion') as 'automatic',
    walkIns: field(form, 'walkIns') as 'welcome',
    autoAccept: checked(form, 'autoAccept'),
    callsApplicants: checked(form, 'callsApplicants'),
    autoApprove: checked(form, 'autoApprove'),
    reminderHours: listField(form, 'reminderHours').map(Number),
    topicIds: form.getAll('topicIds').map(String),
    facilitatorIds: form.getAll('facilitatorIds').map(String),
  } as GroupAttributesInput;
  // What does not apply to the shape sent is left out: not checked, not required, not overwritten.
  return applicableChanges(changes, shapeOf((n) => field(form, n)));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const locale = localeOf(request);
  const t = getT(locale);
  const { ctx, form, org } = await organizerForm({ request, context, params }, locale);
  const here = pathTo(locale, 'orgGroupEdit', { org: org.slug, group: params.group });
  const intent = field(form, 'intent');
  try {
    // The group must belong to the organization of the address.
    const before = await getGroupEditor({ ctx, input: { groupId: params.group, organizationSlug: org.slug } });
    if (intent === 'publish') {
      await publishGroup({ ctx, input: { groupId: params.group } });
      return redirect(`${here}?done=published`);
    }
    if (intent === 'unpublish') {
      await unpublishGroup({ ctx, input: { groupId: params.group } });
      return redirect(`${here}?done=unpublished`);
    }
    await updateGroup({ ctx, input: { groupId: params.group, changes: changesFrom(form) } });
    // A new kind, format, delivery, cost or reach asks other questions: say so (without
    // JavaScript, this is when the fields that now apply first appear).
    const reshaped = SHAPE_FIELDS.some((n) => field(form, n) && field(form, n) !== String(before.group[n] ?? ''));
    return redirect(`${here}?done=${reshaped ? 'reshaped' : 'saved'}`);
  } catch (err) {
    const e = editorError(err, t);
    if (e.status === 404) throw data(e.message, { status: 404 });
    const values = Object.fromEntries([...form.keys()].filter((k) => k !== '_csrf').map((k) => [k, form.getAll(k).map(String)]));
    return data({ ...e, intent, values }, { status: e.status });
  }
}

export const meta: Route.MetaFunction = ({ data, matches }) => {
  const title = data ? ((data.locale === 'fr' ? (data.group.titleFr ?? data.group.titleEn) : (data.group.titleEn ?? data.group.titleFr)) ?? '') : '';
  return framedMeta({ matches }, data && getT(data.locale)('editor.edit.title', { title }));
};

export default function OrganizeGroupEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { locale, csrf, slug, group: g, check, done } = loaderData;
  const posted = actionData && actionData.intent !== 'publish' && actionData.intent !== 'unpublish' ? actionData.values : null;
  const errors = actionData?.fields ?? {};
  const title = (locale === 'fr' ? (g.titleFr ?? g.titleEn) : (g.titleEn ?? g.titleFr)) ?? t('editor.edit.untitled');
  const publishErrors = actionData?.intent === 'publish' ? actionData : null;
  const saveErrors = actionData && actionData.intent !== 'publish' ? actionData : null;
  // A missing schedule or cohort is fixed on another page of the editor: its link goes there.
  const elsewhere: Record<string, string> = {
    schedule: pathTo(locale, 'orgGroupSchedule', { org: slug, group: g.id }),
    cohorts: pathTo(locale, 'orgGroupCohorts', { org: slug, group: g.id }),
  };

  return (
    <>
      <h1>{t('editor.edit.title', { title })}</h1>
      <EditorTabs locale={locale} org={slug} group={g.id} current="orgGroupEdit" publicSlug={g.status === 'published' ? g.slug : null} />
      {done && ['saved', 'reshaped', 'published', 'unpublished', 'duplicated'].includes(done) && (
        <p className="notice success" role="status">
          {done === 'saved'
            ? t('editor.edit.saved')
            : done === 'reshaped'
              ? `${t('editor.edit.saved')} ${t('editor.edit.reshaped')}`
            : done === 'published'
              ? t('editor.edit.published')
              : done === 'unpublished'
                ? t('editor.edit.unpublished')
                : t('editor.list.duplicated')}
        </p>
      )}

      <section aria-labelledby="publishing-title" className="card">
        <h2 id="publishing-title">{t('editor.edit.publishing')}</h2>
        <p>{t(`editor.status.${g.status}`)}</p>
        {publishErrors && Object.keys(publishErrors.fields).length > 0 ? (
          <ErrorSummary message={t('editor.edit.cannotPublish')} fields={publishErrors.fields} hrefs={{ ...FIELD_IDS, ...elsewhere }} />
        ) : publishErrors ? (
          <ErrorSummary message={publishErrors.message} />
        ) : check.problems.length > 0 ? (
          <div>
            <p>{t('editor.edit.cannotPublish')}</p>
            <ul>
              {check.problems.map((p) => (
                <li key={p.key}>
                  <a href={elsewhere[p.path] ?? FIELD_IDS[p.path] ?? `#f-${p.path}`}>{t(p.key as 'editor.problem.title')}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          g.status !== 'published' && <p>{t('editor.edit.ready')}</p>
        )}
        {check.missingTranslations.length > 0 && <p className="muted">{t('editor.edit.missingSome')}</p>}
        <Form method="post">
          <CsrfField token={csrf} />
          {g.status === 'published' ? (
            <button type="submit" name="intent" value="unpublish" className="secondary">
              {t('editor.edit.unpublish')}
            </button>
          ) : (
            <>
              <button type="submit" name="intent" value="publish">
                {t('editor.edit.publish')}
              </button>
              {g.status === 'archived' && (
                <button type="submit" name="intent" value="unpublish" className="secondary">
                  {t('editor.edit.unpublish')}
                </button>
              )}
            </>
          )}
        </Form>
      </section>

      {saveErrors && <ErrorSummary message={saveErrors.message} fields={saveErrors.fields} hrefs={FIELD_IDS} />}
      <GroupDetailsForm data={loaderData} posted={posted} errors={errors} />
    </>
  );
}
