import { useTranslation } from 'react-i18next';

// Form controls of the group editor pages (not a route). Each control is labelled, and its hint
// and error are tied to it with aria-describedby.

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function Hint({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <span className="hint muted" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </>
  );
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
}: {
  prefix?: string;
  name: string;
  label: string;
  value?: string | null;
  options: [string, string][];
  error?: string;
  hint?: string;
  empty?: string;
  /** Further options in labelled groups, after `options`. */
  groups?: { label: string; options: [string, string][] }[];
}) {
  const id = `f-${prefix}${name}`;
  return (
    <p className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map(([v, text]) => (
              <option key={v} value={v}>
                {text}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <Hint id={id} hint={hint} error={error} />
    </p>
  );
}

/** A labelled checkbox. */
export function Check({ name, label, checked, value, prefix = '' }: { name: string; label: string; checked: boolean; value?: string; prefix?: string }) {
  const id = `f-${prefix}${name}${value ? `-${value}` : ''}`;
  return (
    <p className="field checkbox">
      <input type="checkbox" id={id} name={name} value={value ?? 'on'} defaultChecked={checked} />
      <label htmlFor={id}>{label}</label>
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
}: {
  name: string;
  legend: string;
  selected: readonly string[];
  options: [string, string][];
  error?: string;
}) {
  const { t } = useTranslation();
  const id = `f-${name}`;
  return (
    <fieldset className="checks" id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.length === 0 && <p className="muted">{t('editor.field.none')}</p>}
      {options.map(([v, text]) => (
        <Check key={v} name={name} value={v} label={text} checked={selected.includes(v)} />
      ))}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </fieldset>
  );
}

/** A labelled input of another type (number, date, time). */
export function Input({
  name,
  label,
  value,
  type = 'text',
  error,
  hint,
  min,
  max,
  step,
  prefix = '',
}: {
  prefix?: string;
  name: string;
  label: string;
  value?: string | number | null;
  type?: 'text' | 'number' | 'date' | 'time';
  error?: string;
  hint?: string;
  min?: number;
  max?: number;
  step?: string;
}) {
  const id = `f-${prefix}${name}`;
  return (
    <p className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={value ?? ''}
        min={min}
        max={max}
        step={step}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      />
      <Hint id={id} hint={hint} error={error} />
    </p>
  );
}

/** A labelled textarea (for forms repeated on one page: ids carry a prefix). */
export function Area({ name, label, value, hint, error, prefix = '' }: { name: string; label: string; value?: string; hint?: string; error?: string; prefix?: string }) {
  const id = `f-${prefix}${name}`;
  return (
    <p className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name={name} rows={3} defaultValue={value ?? ''} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} />
      <Hint id={id} hint={hint} error={error} />
    </p>
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
      <Hint id={id} hint={hint} />
      <div className="check-grid">{options.map(box)}</div>
      {more && more.options.length > 0 && (
        <details open={more.options.some(([v]) => selected.includes(v)) || undefined}>
          <summary>{more.label}</summary>
          <div className="check-grid">{more.options.map(box)}</div>
        </details>
      )}
      <Hint id={id} error={error} />
    </fieldset>
  );
}
