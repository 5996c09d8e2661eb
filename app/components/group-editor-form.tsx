import '../../i18n/areas/editor';
import { useEffect, useState, type FormEvent } from 'react';
import { Form } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Route } from '../routes/+types/organize-group-edit';
import { FEE_CURRENCIES } from '../../core/group-editor/group-input';
import { applies, SHAPE_FIELDS, type GroupShape } from '../../core/group-editor/applicable';
import { GENDERS } from '../../core/search/search-choices';
import {
  ACCESSIBILITY_FEATURES,
  COST_TYPES,
  DELIVERIES,
  DROP_IN_STYLES,
  GROUP_FORMATS,
  GROUP_KINDS,
  LEADERSHIPS,
  WORKSHOP_ACTIVITIES,
} from '../../db/schema/values';
import { CONTACT, MULTILINE, PLACE, shapeOf, TEXTS, type PLAIN } from '../lib/group-editor-fields';
import { CsrfField } from './csrf-field';
import { Check, Checks, Choice, ControlledChecks, TextField } from './form-kit';

// The form of a group's details. Only the attributes that apply to the group's kind, format,
// delivery, cost and reach are shown (core/group-editor/applicable.ts): the server renders them
// from the saved values, so the page works without JavaScript; with it, changing one of those
// choices shows and hides the rest at once.

type EditorData = Route.ComponentProps['loaderData'];

export function GroupDetailsForm({
  data,
  posted,
  errors,
}: {
  data: EditorData;
  /** The values just sent, by name, when the save failed (else the saved ones are shown). */
  posted: Record<string, string[]> | null;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const { csrf, group: g, check, topicIds, facilitatorIds, topicChoices, facilitatorChoices, languageChoices, faithChoices, zoneGroups } = data;
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
  const missing = new Map(check.missingTranslations.map((m) => [m.path, m.key]));

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
  );
}
