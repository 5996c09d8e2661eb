import { useTranslation } from 'react-i18next';
import type { Locale } from '../../i18n';
import type { FormQuestion, FormGroup } from '../../core/registrations/get-signup-form';
import { pick } from '../../core/text';
import { Localized } from './localized';

type Values = Record<string, string | undefined>;

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p className="field-error" id={id}>
      {message}
    </p>
  ) : null;
}

/** A text-like input with its label, hint and error, wired for screen readers. */
export function Field(props: {
  name: string;
  label: string;
  hint?: string;
  type?: string;
  autoComplete?: string;
  required?: boolean;
  inputMode?: 'numeric';
  maxLength?: number;
  /** For a file: the kinds of file offered (it has no value to fill back in). */
  accept?: string;
  values: Values;
  errors: Record<string, string>;
}) {
  const id = `f-${props.name}`;
  const error = props.errors[props.name];
  const describedBy = [props.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <p className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <span className="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        required={props.required}
        maxLength={props.maxLength}
        accept={props.accept}
        defaultValue={props.type === 'file' ? undefined : (props.values[props.name] ?? '')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <FieldError id={`${id}-error`} message={error} />
    </p>
  );
}

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
        <p className="field">
          <label htmlFor="f-region">{t('signup.region')}</label>
          <span className="hint" id="f-region-hint">
            {t('signup.regionHint')}
          </span>
          <select
            id="f-region"
            name="region"
            required
            defaultValue={values.region ?? ''}
            aria-describedby={errors.region ? 'f-region-hint f-region-error' : 'f-region-hint'}
            aria-invalid={errors.region ? true : undefined}
          >
            <option value="">{t('signup.chooseRegion')}</option>
            {group.regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <FieldError id="f-region-error" message={errors.region} />
        </p>
      )}
      <QuestionFields locale={locale} questions={questions} values={values} errors={errors} />
      {commitment && (
        <p className="field checkbox">
          <input
            id="f-commitment"
            name="commitment"
            type="checkbox"
            required
            defaultChecked={values.commitment === 'on'}
            aria-invalid={errors.commitment ? true : undefined}
            aria-describedby={errors.commitment ? 'f-commitment-error' : undefined}
          />
          <label htmlFor="f-commitment">{t('signup.commitment')}</label>
          <FieldError id="f-commitment-error" message={errors.commitment} />
        </p>
      )}
      <p className="field checkbox">
        <input
          id="f-consent"
          name="consent"
          type="checkbox"
          required
          defaultChecked={values.consent === 'on'}
          aria-invalid={errors.consent ? true : undefined}
          aria-describedby={errors.consent ? 'f-consent-error' : undefined}
        />
        <label htmlFor="f-consent">{t('signup.consent')}</label>
        <FieldError id="f-consent-error" message={errors.consent} />
      </p>
    </>
  );
}

/** The error summary at the top of a form: announced, focusable, each entry linking to its field. */
export function ErrorSummary({ message, fields }: { message: string; fields: Record<string, string> }) {
  const { t } = useTranslation();
  const entries = Object.entries(fields);
  return (
    <div className="error-summary" role="alert" tabIndex={-1} id="error-summary">
      <p>
        <strong>{entries.length ? t('signup.errorSummary') : message}</strong>
      </p>
      {entries.length > 0 && (
        <ul>
          {entries.map(([name, msg]) => (
            <li key={name}>
              <a href={`#${name.startsWith('answer.') ? `q-${name.slice(7)}` : `f-${name}`}`}>{msg}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
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

/** A checkbox with its label (unchecked boxes send nothing: the action reads `=== 'on'`). */
export function CheckboxField({ name, label, checked, describedBy }: { name: string; label: string; checked: boolean; describedBy?: string }) {
  return (
    <p className="field checkbox">
      <input id={`f-${name}`} name={name} type="checkbox" defaultChecked={checked} aria-describedby={describedBy} />
      <label htmlFor={`f-${name}`}>{label}</label>
    </p>
  );
}
