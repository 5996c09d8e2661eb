import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

// The one set of form controls of every page. Each control is labelled; its hint and its error are
// tied to it with aria-describedby, and it is marked invalid while it has an error. A control's id
// is `f-<prefix><name>` (a prefix where one page holds several forms), which the error summary
// links to.

/** The ids of a control's hint and error, for aria-describedby. */
function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** A control's error, read with it (`<id>-error`). */
export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <span className="field-error" id={id}>
      {message}
    </span>
  ) : null;
}

function FieldHint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <span className="hint muted" id={`${id}-hint`}>
      {hint}
    </span>
  ) : null;
}

/** A labelled input (text, email, number, date, file…) or, `multiline`, a textarea. */
export function TextField({
  name,
  label,
  hint,
  error,
  value,
  type = 'text',
  multiline = false,
  rows = 6,
  prefix = '',
  id: ownId,
  ...input
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string | number | null;
  type?: 'text' | 'search' | 'email' | 'url' | 'tel' | 'password' | 'number' | 'date' | 'time' | 'file';
  multiline?: boolean;
  rows?: number;
  /** Where one page holds several forms: the ids of this one's controls carry it. */
  prefix?: string;
  /** An id of its own, instead of `f-<prefix><name>`. */
  id?: string;
  autoComplete?: string;
  lang?: string;
  maxLength?: number;
  required?: boolean;
  inputMode?: 'numeric';
  min?: number;
  max?: number;
  step?: string;
  /** For a file: the kinds of file offered (it has no value to fill back in). */
  accept?: string;
}) {
  const id = ownId ?? `f-${prefix}${name}`;
  const common = {
    id,
    name,
    'aria-describedby': describedBy(id, hint, error),
    'aria-invalid': error ? (true as const) : undefined,
    lang: input.lang,
    maxLength: input.maxLength,
    required: input.required,
  };
  return (
    <p className="field">
      <label htmlFor={id}>{label}</label>
      <FieldHint id={id} hint={hint} />
      {multiline ? (
        <textarea rows={rows} defaultValue={value ?? ''} {...common} />
      ) : (
        <input
          type={type}
          defaultValue={type === 'file' ? undefined : (value ?? '')}
          autoComplete={input.autoComplete}
          inputMode={input.inputMode}
          min={input.min}
          max={input.max}
          step={input.step}
          accept={input.accept}
          {...common}
        />
      )}
      <FieldError id={`${id}-error`} message={error} />
    </p>
  );
}

/** A text field of a form whose values and errors are kept by field name (the person forms). */
export function Field({ values, errors, ...field }: Omit<Parameters<typeof TextField>[0], 'value' | 'error'> & { values: Record<string, string | undefined>; errors: Record<string, string> }) {
  return <TextField {...field} value={values[field.name]} error={errors[field.name]} />;
}

/** A labelled select. */
export function Choice({
  name,
  label,
  value,
  options,
  error,
  hint,
  empty,
  groups = [],
  prefix = '',
  required,
}: {
  prefix?: string;
  name: string;
  label: string;
  value?: string | null;
  /** Each option's value and text, and the language of its text where it is not the page's. */
  options: [string, string, string?][];
  error?: string;
  hint?: string;
  empty?: string;
  /** Further options in labelled groups, after `options`. */
  groups?: { label: string; options: [string, string][] }[];
  required?: boolean;
}) {
  const id = `f-${prefix}${name}`;
  const option = ([v, text, lang]: [string, string, string?]) => (
    <option key={v} value={v} lang={lang}>
      {text}
    </option>
  );
  return (
    <p className="field">
      <label htmlFor={id}>{label}</label>
      <FieldHint id={id} hint={hint} />
      <select id={id} name={name} required={required} defaultValue={value ?? ''} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map(option)}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map(option)}
          </optgroup>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </p>
  );
}

/** A labelled checkbox. */
export function Check({
  name,
  label,
  checked,
  value,
  prefix = '',
  error,
  required,
  hint,
  describedBy: more,
}: {
  name: string;
  label: string;
  checked: boolean;
  value?: string;
  prefix?: string;
  error?: string;
  required?: boolean;
  hint?: string;
  /** The id of a text elsewhere on the page that tells more about this box. */
  describedBy?: string;
}) {
  const id = `f-${prefix}${name}${value ? `-${value}` : ''}`;
  return (
    <p className="field checkbox">
      <input
        type="checkbox"
        id={id}
        name={name}
        value={value ?? 'on'}
        defaultChecked={checked}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={[more, describedBy(id, hint, error)].filter(Boolean).join(' ') || undefined}
      />
      <label htmlFor={id}>{label}</label>
      <FieldHint id={id} hint={hint} />
      <FieldError id={`${id}-error`} message={error} />
    </p>
  );
}

/** A group of checkboxes in a fieldset with a legend. */
export function Checks({
  name,
  legend,
  selected,
  options,
  error,
  prefix = '',
}: {
  name: string;
  legend: string;
  selected: readonly string[];
  options: [string, string][];
  error?: string;
  prefix?: string;
}) {
  const { t } = useTranslation();
  const id = `f-${prefix}${name}`;
  return (
    <fieldset className="checks" id={id} aria-describedby={describedBy(id, undefined, error)}>
      <legend>{legend}</legend>
      {options.length === 0 && <p className="muted">{t('form.noChoice')}</p>}
      {options.map(([v, text]) => (
        <Check key={v} prefix={prefix} name={name} value={v} label={text} checked={selected.includes(v)} />
      ))}
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

/** One choice among a few, as radio buttons in a fieldset with a legend. */
export function Radios({
  name,
  legend,
  options,
  value,
  error,
  required,
  prefix = '',
}: {
  name: string;
  legend: string;
  options: [string, string][];
  value?: string | null;
  error?: string;
  required?: boolean;
  prefix?: string;
}) {
  const id = `f-${prefix}${name}`;
  return (
    <fieldset className="choices" id={id} aria-describedby={describedBy(id, undefined, error)}>
      <legend>{legend}</legend>
      {options.map(([v, text]) => (
        <p className="field checkbox" key={v}>
          <input type="radio" id={`${id}-${v}`} name={name} value={v} defaultChecked={value === v} required={required} />
          <label htmlFor={`${id}-${v}`}>{text}</label>
        </p>
      ))}
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

/**
 * Checkboxes whose ticks the page holds (so that it can tick one itself, as the group editor does
 * for the language of a title being typed). Without JavaScript they are plain checkboxes. The
 * options of `more` are folded away unless one of them is ticked.
 */
export function ControlledChecks({
  name,
  legend,
  hint,
  selected,
  onToggle,
  options,
  more,
  error,
}: {
  name: string;
  legend: string;
  hint?: string;
  selected: readonly string[];
  onToggle: (value: string, on: boolean) => void;
  options: [string, string][];
  more?: { label: string; options: [string, string][] };
  error?: string;
}) {
  const id = `f-${name}`;
  const box = ([v, text]: [string, string]) => (
    <p className="field checkbox" key={v}>
      <input type="checkbox" id={`${id}-${v}`} name={name} value={v} checked={selected.includes(v)} onChange={(e) => onToggle(v, e.currentTarget.checked)} />
      <label htmlFor={`${id}-${v}`}>{text}</label>
    </p>
  );
  return (
    <fieldset className="checks" id={id} aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
      <FieldHint id={id} hint={hint} />
      <div className="check-grid">{options.map(box)}</div>
      {more && more.options.length > 0 && (
        <details open={more.options.some(([v]) => selected.includes(v)) || undefined}>
          <summary>{more.label}</summary>
          <div className="check-grid">{more.options.map(box)}</div>
        </details>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

/** Where an entry of the error summary leads: the control of that field (a question: its fieldset). */
function fieldHref(name: string, prefix: string): string {
  return name.startsWith('answer.') ? `#q-${name.slice('answer.'.length)}` : `#f-${prefix}${name}`;
}

/**
 * What a refused form says, above it: announced and focused when it appears. With per-field
 * errors, a heading and one entry per field linking to it; otherwise the message alone.
 */
export function ErrorSummary({
  message,
  fields = {},
  prefix = '',
  hrefs = {},
  heading,
  id,
}: {
  message: string;
  fields?: Record<string, string>;
  /** Where a form's field ids carry a prefix (forms repeated on one page), the links carry it too. */
  prefix?: string;
  /** Links for entries whose fix is elsewhere than a field of this form (by field name). */
  hrefs?: Record<string, string>;
  /** The heading above per-field entries (by default, "Please correct the following:"). */
  heading?: string;
  id?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(fields);
  const said = `${message}\n${entries.join('\n')}`;
  useEffect(() => {
    ref.current?.focus();
  }, [said]);
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} id={id}>
      <p>
        <strong>{entries.length ? (heading ?? t('errors.summary')) : message}</strong>
      </p>
      {entries.length > 0 && (
        <ul>
          {entries.map(([name, msg]) => (
            <li key={name}>
              <a href={hrefs[name] ?? fieldHref(name, prefix)}>{msg}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
