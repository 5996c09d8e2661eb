import '../../i18n/areas/signup';
import { Form, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../i18n';
import type { FormQuestion, FormGroup } from '../../core/registrations/get-signup-form';
import { pick } from '../../core/text';
import { Localized } from './localized';
import { Check, Choice, ErrorSummary, Field, FieldError } from './form-kit';

type Values = Record<string, string | undefined>;

/** The fields a person fills to sign up or apply: name, email, eligibility, the group's questions, consent. */
export function PersonFields({
  locale,
  group,
  questions,
  values,
  errors,
  commitment,
  phone = false,
}: {
  locale: Locale;
  group: FormGroup;
  questions: FormQuestion[];
  values: Values;
  errors: Record<string, string>;
  commitment: boolean;
  /** Ask for a phone number (a group whose facilitator calls each applicant). */
  phone?: boolean;
}) {
  const { t } = useTranslation();
  const range =
    group.ageMin != null && group.ageMax != null
      ? `${group.ageMin}–${group.ageMax}`
      : group.ageMin != null
        ? `${group.ageMin}+`
        : group.ageMax != null
          ? `≤ ${group.ageMax}`
          : null;
  return (
    <>
      <Field name="name" label={t('signup.name')} hint={t('signup.nameHint')} autoComplete="nickname" required values={values} errors={errors} />
      <Field name="email" label={t('signup.email')} hint={t('signup.emailHint')} type="email" autoComplete="email" required values={values} errors={errors} />
      {phone && (
        <Field name="phone" label={t('signup.phone')} hint={t('signup.phoneHint')} type="tel" autoComplete="tel" required values={values} errors={errors} />
      )}
      {range && (
        <Field name="age" label={t('signup.age')} hint={t('signup.ageHint', { range })} inputMode="numeric" required values={values} errors={errors} />
      )}
      {group.regions && (
        <Choice
          name="region"
          label={t('signup.region')}
          hint={t('signup.regionHint')}
          required
          empty={t('signup.chooseRegion')}
          options={group.regions.map((r) => [r, r])}
          value={values.region}
          error={errors.region}
        />
      )}
      <QuestionFields locale={locale} questions={questions} values={values} errors={errors} />
      {commitment && <Check name="commitment" label={t('signup.commitment')} required checked={values.commitment === 'on'} error={errors.commitment} />}
      <Check name="consent" label={t('signup.consent')} required checked={values.consent === 'on'} error={errors.consent} />
      <Check name="discreet" label={t('signup.discreet')} hint={t('signup.discreetHint')} checked={values.discreet === 'on'} />
    </>
  );
}

/**
 * A sign-up or application form: what was refused (if it was), the person's fields, the privacy
 * note and the button, which waits while the form is being sent.
 */
export function PersonForm({
  error,
  values,
  submit,
  ...fields
}: Omit<Parameters<typeof PersonFields>[0], 'values' | 'errors'> & {
  error: { message: string; fields: Record<string, string> } | null | undefined;
  values: Values | undefined;
  submit: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  return (
    <>
      {error && <ErrorSummary message={error.message} fields={error.fields} />}
      <Form method="post" className="person-form">
        <PersonFields {...fields} values={values ?? {}} errors={error?.fields ?? {}} />
        <p className="muted">{t('signup.privacy')}</p>
        <p>
          <button type="submit" disabled={navigation.state === 'submitting'}>
            {submit}
          </button>
        </p>
      </Form>
    </>
  );
}

/** The group's own questions (sign-up, application, joining a community), named `answer.<id>`. */
export function QuestionFields({
  locale,
  questions,
  values,
  errors,
}: {
  locale: Locale;
  questions: FormQuestion[];
  values: Values;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  if (questions.length === 0) return null;
  return (
    <fieldset className="questions">
          <legend>{t('signup.questions')}</legend>
          {questions.map((q) => {
            const name = `answer.${q.id}`;
            const id = `q-${q.id}`;
            const label = pick(q.label, locale)?.text ?? '';
            const suffix = q.required ? '' : ` ${t('signup.optional')}`;
            const error = errors[name];
            if (q.type === 'text') {
              return (
                <p className="field" key={q.id}>
                  <label htmlFor={id}>
                    <Localized text={q.label} locale={locale} />
                    {suffix}
                  </label>
                  <textarea
                    id={id}
                    name={name}
                    rows={3}
                    required={q.required}
                    defaultValue={values[name] ?? ''}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                  />
                  <FieldError id={`${id}-error`} message={error} />
                </p>
              );
            }
            const options =
              q.type === 'yes_no'
                ? [
                    { value: 'yes', text: t('signup.yes') },
                    { value: 'no', text: t('signup.no') },
                  ]
                : q.options.map((o) => ({ value: o.value, text: pick(o.label, locale)?.text ?? o.value }));
            return (
              <fieldset key={q.id} className="question-choice" aria-describedby={error ? `${id}-error` : undefined}>
                <legend>
                  {label}
                  {suffix}
                </legend>
                {options.map((o) => (
                  <label key={o.value} className="option">
                    <input type="radio" name={name} value={o.value} defaultChecked={values[name] === o.value} required={q.required} /> {o.text}
                  </label>
                ))}
                <FieldError id={`${id}-error`} message={error} />
              </fieldset>
            );
          })}
        </fieldset>
  );
}

