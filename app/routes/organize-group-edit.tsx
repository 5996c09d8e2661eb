import { useEffect, useState, type FormEvent } from 'react';
import { data, Form, Link, redirect } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from './+types/organize-group-edit';
import { framedMeta } from '../components/area-frame';
import { getGroupEditor, publishGroup, unpublishGroup, updateGroup, type GroupAttributesInput } from '../../core/group-editor';
import { FEE_CURRENCIES } from '../../core/group-editor/group-input';
import { applicableChanges, applies, SHAPE_FIELDS, type GroupShape } from '../../core/group-editor/applicable';
import { FAITHS, GROUP_LANGUAGES } from '../../core/group-editor/choices';
import { CoreError } from '../../core/errors';
import { can, PERMISSIONS, type Permission } from '../../core/policy/permissions';
import { GENDERS } from '../../core/search/search-input';
import {
  ACCESSIBILITY_FEATURES,
  COST_TYPES,
  DELIVERIES,
  DROP_IN_STYLES,
  GROUP_FORMATS,
  GROUP_KINDS,
  LEADERSHIPS,
  WORKSHOP_ACTIVITIES,
} from '../../db/schema/enums';
import { getT, type Locale } from '../../i18n';
import { languageName } from '../lib/format';
import { localeOf, organizerForm, organizerPage } from '../lib/organize.server';
import { pathTo } from '../lib/paths';
import { CsrfField } from '../components/csrf-field';

import { editorError } from './organize-group-shared.server';
import { zoneGroups } from './organize-group-choices.server';
import { Check, Checks, Choice, ControlledChecks, ErrorSummary, TextField } from '../components/form-kit';
import { centsField, checked, field, listField, numberField } from '../lib/form-values';

// The details of a group. Only the attributes that apply to the group's kind, format, delivery,
// cost and reach are shown (core/group-editor/applicable.ts): the server renders them from the
// saved values, so the page works without JavaScript; with it, changing one of those choices
// shows and hides the rest at once. Hidden fields are not sent as changes, so they are neither
// checked nor required, and a saved value is only cleared when it no longer applies.

/** The bilingual texts, in the order of each language column. */
const TEXTS = ['title', 'summary', 'description', 'whatToExpect', 'eligibility', 'audience', 'treatmentFocus', 'materials', 'rules'] as const;
const MULTILINE = new Set(['description', 'whatToExpect', 'eligibility', 'treatmentFocus', 'materials', 'rules']);
const PLACE = ['venueName', 'street', 'city', 'province', 'postalCode', 'country'] as const;
const CONTACT = ['contactEmail', 'contactPhone'] as const;
const PLAIN = [...PLACE, ...CONTACT, 'onlineUrl', 'timeZone', 'faith', 'coveredByEn', 'coveredByFr'] as const;
/** Where a field's error is shown when the form names it differently from the core. */
const FIELD_IDS: Record<string, string> = { feeCents: '#f-fee', suggestedDonationCents: '#f-suggestedDonation', signupCutoffMinutes: '#f-signupCutoffHours' };

async function load(args: Pick<Route.LoaderArgs, 'request' | 'context' | 'params'>, locale: Locale) {
  const { ctx, csrf, org } = await organizerPage(args, locale);
  try {
    const view = await getGroupEditor({ ctx, input: { groupId: args.params.group, organizationSlug: org.slug } });
    return { ctx, csrf, org, view };
  } catch (err) {
    if (err instanceof CoreError && (err.code === 'not_found' || err.code === 'invalid')) throw data(getT(locale)('editor.errors.notFound'), { status: 404 });
    if (err instanceof CoreError && err.code === 'forbidden') throw data(getT(locale)('editor.errors.forbidden'), { status: 403 });
    throw err;
  }
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
    permissions: (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(org.role, p)),
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

/** The kind, format, delivery, cost and reach, read by name from a form or from saved values. */
function shapeOf(value: (name: string) => string): GroupShape {
  return Object.fromEntries(SHAPE_FIELDS.map((n) => [n, value(n)])) as unknown as GroupShape;
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
  const { locale, csrf, slug, group: g, check, topicIds, facilitatorIds, topicChoices, facilitatorChoices, languageChoices, faithChoices, zoneGroups, done } =
    loaderData;
  const posted = actionData && actionData.intent !== 'publish' && actionData.intent !== 'unpublish' ? actionData.values : null;
  const val = (name: string, stored: unknown): string => (posted ? (posted[name]?.[0] ?? '') : stored == null ? '' : String(stored));
  const list = (name: string, stored: readonly string[]): string[] => (posted ? (posted[name] ?? []) : [...stored]);
  const on = (name: string, stored: boolean) => (posted ? posted[name]?.[0] === 'on' : stored);
  // The shape decides which fields are shown: as saved, or as just sent when the save failed.
  const [shape, setShape] = useState<GroupShape>(() => shapeOf((n) => val(n, g[n as keyof typeof g])));
  const [languages, setLanguages] = useState<string[]>(() => list('languages', g.languages));
  // Until the page runs its script (or without JavaScript), fields follow a shape only once saved.
  const [live, setLive] = useState(false);
  useEffect(() => setLive(true), []);
  const hide = (field: string) => !applies(field, shape);
  const errors = actionData?.fields ?? {};
  const title = (locale === 'fr' ? (g.titleFr ?? g.titleEn) : (g.titleEn ?? g.titleFr)) ?? t('editor.edit.untitled');
  const missing = new Map(check.missingTranslations.map((m) => [m.path, m.key]));
  const publishErrors = actionData?.intent === 'publish' ? actionData : null;
  const saveErrors = actionData && actionData.intent !== 'publish' ? actionData : null;
  // A missing schedule or cohort is fixed on another page of the editor: its link goes there.
  const elsewhere: Record<string, string> = {
    schedule: pathTo(locale, 'orgGroupSchedule', { org: slug, group: g.id }),
    cohorts: pathTo(locale, 'orgGroupCohorts', { org: slug, group: g.id }),
  };

  // With JavaScript: a new kind, format, delivery, cost or reach shows and hides fields at once,
  // and typing a title ticks its language (it is then offered in that language).
  const onChange = (e: FormEvent<HTMLFormElement>) => {
    const el = e.target as HTMLSelectElement;
    if ((SHAPE_FIELDS as readonly string[]).includes(el.name)) setShape((s) => ({ ...s, [el.name]: el.value }));
  };
  const onInput = (e: FormEvent<HTMLFormElement>) => {
    const el = e.target as HTMLInputElement;
    const language = el.name === 'titleEn' ? 'en' : el.name === 'titleFr' ? 'fr' : null;
    if (language && el.value.trim()) setLanguages((ls) => (ls.includes(language) ? ls : [...ls, language]));
  };
  const toggleLanguage = (code: string, checked: boolean) => setLanguages((ls) => (checked ? [...ls.filter((l) => l !== code), code] : ls.filter((l) => l !== code)));

  const languageColumn = (l: 'en' | 'fr') => {
    const suffix = l === 'en' ? 'En' : 'Fr';
    return (
      <fieldset className="editor-language" lang={l}>
        <legend>{t(l === 'en' ? 'editor.edit.english' : 'editor.edit.french')}</legend>
        {TEXTS.map((f) => {
          const name = `${f}${suffix}`;
          const flag = missing.get(name);
          return (
            <div key={name} hidden={hide(name)}>
              {flag && (
                <p className="badge warning" id={`f-${name}-missing`}>
                  {t(flag as 'editor.missing.fr')}
                </p>
              )}
              <TextField
                name={name}
                label={t(`editor.field.${name}` as 'editor.field.titleEn')}
                hint={f === 'summary' ? t('editor.field.summaryHint') : f === 'audience' ? t('editor.field.audienceHint') : flag ? t(flag as 'editor.missing.fr') : undefined}
                value={val(name, (g as Record<string, unknown>)[name])}
                error={errors[name]}
                multiline={MULTILINE.has(f)}
                lang={l}
              />
            </div>
          );
        })}
      </fieldset>
    );
  };

  const text = (n: (typeof PLAIN)[number], type: 'text' | 'email' | 'url' | 'tel' = 'text', hint?: string, lang?: string) => (
    <div key={n} hidden={hide(n)}>
      <TextField name={n} type={type} label={t(`editor.field.${n}`)} hint={hint} value={val(n, g[n])} error={errors[n]} lang={lang} />
    </div>
  );

  return (
    <>
      <h1>{t('editor.edit.title', { title })}</h1>
      <nav aria-label={t('editor.edit.sections')}>
        <ul className="tabs">
          <li>
            <Link to={pathTo(locale, 'orgGroupEdit', { org: slug, group: g.id })} aria-current="page">
              {t('editor.edit.details')}
            </Link>
          </li>
          <li>
            <Link to={pathTo(locale, 'orgGroupSchedule', { org: slug, group: g.id })}>{t('editor.edit.schedule')}</Link>
          </li>
          <li>
            <Link to={pathTo(locale, 'orgGroupCohorts', { org: slug, group: g.id })}>{t('editor.edit.cohorts')}</Link>
          </li>
          {g.status === 'published' && (
            <li>
              <Link to={pathTo(locale, 'group', { slug: g.slug })}>{t('editor.edit.viewPublic')}</Link>
            </li>
          )}
        </ul>
      </nav>
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
      <Form method="post" noValidate onChange={onChange} onInput={onInput}>
        <CsrfField token={csrf} />
        <input type="hidden" name="intent" value="save" />
        <fieldset>
          <legend>{t('editor.edit.kindFormat')}</legend>
          <p className="hint muted">{t('editor.edit.kindFormatHint')}</p>
          {!live && <p className="hint muted">{t('editor.edit.kindFormatNoScript')}</p>}
          <Choice name="kind" label={t('editor.field.kind')} value={val('kind', g.kind)} error={errors.kind} options={GROUP_KINDS.map((k) => [k, t(`kind.${k}`)])} />
          <Choice name="leadership" label={t('editor.field.leadership')} value={val('leadership', g.leadership)} error={errors.leadership} options={LEADERSHIPS.map((k) => [k, t(`leadership.${k}`)])} />
          <Choice name="format" label={t('editor.field.format')} value={val('format', g.format)} error={errors.format} options={GROUP_FORMATS.map((k) => [k, t(`format.${k}`)])} />
          <div hidden={hide('dropInStyle')}>
            <Choice name="dropInStyle" label={t('editor.field.dropInStyle')} value={val('dropInStyle', g.dropInStyle)} error={errors.dropInStyle} options={DROP_IN_STYLES.map((k) => [k, t(`dropInStyle.${k}`)])} />
          </div>
          <div hidden={hide('workshopActivity')}>
            <Choice
              name="workshopActivity"
              label={t('editor.field.workshopActivity')}
              value={val('workshopActivity', g.workshopActivity)}
              error={errors.workshopActivity}
              empty={t('editor.field.choose')}
              options={WORKSHOP_ACTIVITIES.map((k) => [k, t(`activity.${k}`)])}
            />
          </div>
          <div hidden={hide('noNeedToTalk')}>
            <Check name="noNeedToTalk" label={t('editor.field.noNeedToTalk')} checked={on('noNeedToTalk', g.noNeedToTalk)} />
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('editor.edit.texts')}</legend>
          <ControlledChecks
            name="languages"
            legend={t('editor.field.languages')}
            hint={t('editor.field.languagesHint')}
            selected={languages}
            onToggle={toggleLanguage}
            options={languageChoices.slice(0, 2)}
            more={{ label: t('editor.field.otherLanguages'), options: languageChoices.slice(2) }}
            error={errors.languages}
          />
          <div className="editor-columns">
            {languageColumn('en')}
            {languageColumn('fr')}
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('editor.edit.place')}</legend>
          <Choice name="delivery" label={t('editor.field.delivery')} value={val('delivery', g.delivery)} error={errors.delivery} options={DELIVERIES.map((k) => [k, t(`delivery.${k}`)])} />
          {PLACE.map((n) => text(n))}
          {text('onlineUrl', 'url', t('editor.field.onlineUrlHint'))}
          <div hidden={hide('cameraOptional')}>
            <Check name="cameraOptional" label={t('editor.field.cameraOptional')} checked={on('cameraOptional', g.cameraOptional)} />
          </div>
          <Choice name="timeZone" label={t('editor.field.timeZone')} hint={t('editor.field.timeZoneHint')} value={val('timeZone', g.timeZone)} error={errors.timeZone} options={[]} groups={zoneGroups} />
          <Choice
            name="reach"
            label={t('editor.field.reach')}
            value={val('reach', g.reach)}
            error={errors.reach}
            options={[
              ['anywhere', t('editor.field.reachAnywhere')],
              ['local', t('editor.field.reachLocal')],
            ]}
          />
          <div hidden={hide('regions')}>
            <TextField name="regions" label={t('editor.field.regions')} hint={t('editor.field.regionsHint')} multiline value={posted ? val('regions', '') : g.regions.join('\n')} error={errors.regions} />
          </div>
          {CONTACT.map((n) => text(n, n === 'contactEmail' ? 'email' : 'tel'))}
        </fieldset>

        <fieldset>
          <legend>{t('editor.edit.costSection')}</legend>
          <Choice name="costType" label={t('editor.field.costType')} value={val('costType', g.costType)} error={errors.costType} options={COST_TYPES.map((k) => [k, t(`editor.field.cost.${k}`)])} />
          <div hidden={hide('feeCents')}>
            <TextField name="fee" label={t('editor.field.fee')} type="number" step="0.01" min={0} value={val('fee', g.fee)} error={errors.feeCents} />
            <Choice name="feeCurrency" label={t('editor.field.feeCurrency')} value={val('feeCurrency', g.feeCurrency ?? 'CAD')} error={errors.feeCurrency} options={FEE_CURRENCIES.map((c) => [c, c])} />
            <Choice
              name="feePer"
              label={t('editor.field.feePer')}
              value={val('feePer', g.feePer)}
              error={errors.feePer}
              empty={t('editor.field.choose')}
              options={[
                ['session', t('editor.field.feePerSession')],
                ['program', t('editor.field.feePerProgram')],
              ]}
            />
          </div>
          <div hidden={hide('suggestedDonationCents')}>
            <TextField name="suggestedDonation" label={t('editor.field.suggestedDonation')} type="number" step="0.01" min={0} value={val('suggestedDonation', g.suggestedDonation)} error={errors.suggestedDonationCents} />
          </div>
          <div hidden={hide('insuranceReceipts')}>
            <Check name="insuranceReceipts" label={t('editor.field.insuranceReceipts')} checked={on('insuranceReceipts', g.insuranceReceipts)} />
          </div>
          {text('coveredByEn', 'text', undefined, 'en')}
          {text('coveredByFr', 'text', undefined, 'fr')}
        </fieldset>

        <fieldset>
          <legend>{t('editor.edit.people')}</legend>
          <Choice name="gender" label={t('editor.field.gender')} value={val('gender', g.gender)} error={errors.gender} options={GENDERS.map((k) => [k, t(`gender.${k}`)])} />
          <TextField name="ageMin" label={t('editor.field.ageMin')} type="number" min={0} max={120} value={val('ageMin', g.ageMin)} error={errors.ageMin} />
          <TextField name="ageMax" label={t('editor.field.ageMax')} type="number" min={0} max={120} value={val('ageMax', g.ageMax)} error={errors.ageMax} />
          <Choice name="faith" label={t('editor.field.faith')} hint={t('editor.field.faithHint')} value={val('faith', g.faith)} error={errors.faith} options={faithChoices} />
          <Checks name="accessibility" legend={t('editor.field.accessibility')} selected={list('accessibility', g.accessibility)} options={ACCESSIBILITY_FEATURES.map((k) => [k, t(`accessibility.${k}`)])} error={errors.accessibility} />
          <TextField name="maxSize" label={t('editor.field.maxSize')} type="number" min={1} value={val('maxSize', g.maxSize)} error={errors.maxSize} />
        </fieldset>

        <fieldset>
          <legend>{t('editor.edit.signup')}</legend>
          <div hidden={hide('signupCutoffMinutes')}>
            <TextField name="signupCutoffHours" label={t('editor.field.signupCutoffHours')} type="number" min={0} step="0.5" value={val('signupCutoffHours', g.signupCutoffMinutes / 60)} error={errors.signupCutoffMinutes} />
          </div>
          <div hidden={hide('sessionCapacity')}>
            <TextField name="sessionCapacity" label={t('editor.field.sessionCapacity')} hint={t('editor.field.capacityHint')} type="number" min={1} value={val('sessionCapacity', g.sessionCapacity)} error={errors.sessionCapacity} />
          </div>
          <div hidden={hide('walkIns')}>
            <Choice
              name="walkIns"
              label={t('editor.field.walkIns')}
              value={val('walkIns', g.walkIns)}
              error={errors.walkIns}
              options={[
                ['welcome', t('editor.field.walkInsWelcome')],
                ['within_capacity', t('editor.field.walkInsWithinCapacity')],
                ['none', t('editor.field.walkInsNone')],
              ]}
            />
          </div>
          <div hidden={hide('intakeScreening')}>
            <Check name="intakeScreening" label={t('editor.field.intakeScreening')} checked={on('intakeScreening', g.intakeScreening)} />
          </div>
          <div hidden={hide('attendanceTracked')}>
            <Check name="attendanceTracked" label={t('editor.field.attendanceTracked')} checked={on('attendanceTracked', g.attendanceTracked)} />
          </div>
          <div hidden={hide('waitlistPromotion')}>
            <Choice
              name="waitlistPromotion"
              label={t('editor.field.waitlistPromotion')}
              value={val('waitlistPromotion', g.waitlistPromotion)}
              error={errors.waitlistPromotion}
              options={[
                ['automatic', t('editor.field.promotionAutomatic')],
                ['manual', t('editor.field.promotionManual')],
              ]}
            />
          </div>
          <div hidden={hide('autoAccept')}>
            <Check name="autoAccept" label={t('editor.field.autoAccept')} checked={on('autoAccept', g.autoAccept)} />
          </div>
          <div hidden={hide('callsApplicants')}>
            <Check name="callsApplicants" label={t('editor.field.callsApplicants')} checked={on('callsApplicants', g.callsApplicants)} />
          </div>
          <div hidden={hide('autoApprove')}>
            <Check name="autoApprove" label={t('editor.field.autoApprove')} checked={on('autoApprove', g.autoApprove)} />
          </div>
          <div hidden={hide('reminderHours')}>
            <TextField name="reminderHours" label={t('editor.field.reminderHours')} hint={t('editor.field.reminderHint')} value={posted ? val('reminderHours', '') : g.reminderHours.join(', ')} error={errors.reminderHours} />
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('editor.edit.topicsFacilitators')}</legend>
          <Checks name="topicIds" legend={t('editor.field.topics')} selected={list('topicIds', topicIds)} options={topicChoices} error={errors.topicIds} />
          <Checks
            name="facilitatorIds"
            legend={t('editor.field.facilitators')}
            selected={list('facilitatorIds', facilitatorIds)}
            options={facilitatorChoices.map((f) => [
              f.id,
              `${f.displayName} (${t(`leadership.${f.leadership}` as 'leadership.peer')}${f.leadership === 'licensed' ? ` · ${t(`editor.field.licence.${f.licenceStatus}` as 'editor.field.licence.verified')}` : ''})`,
            ])}
            error={errors.facilitatorIds}
          />
        </fieldset>
        <p>
          <button type="submit">{t('editor.edit.save')}</button>
        </p>
      </Form>
    </>
  );
}
