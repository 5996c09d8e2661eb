import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** A labelled text input or textarea; its hint and error are announced with it. */
export function TextField({
  name,
  label,
  hint,
  error,
  value,
  type = 'text',
  multiline = false,
  autoComplete,
  lang,
  maxLength,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string | null;
  type?: 'text' | 'email' | 'url' | 'tel';
  multiline?: boolean;
  autoComplete?: string;
  lang?: string;
  maxLength?: number;
}) {
  const id = `f-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    defaultValue: value ?? '',
    'aria-describedby': describedBy,
    'aria-invalid': error ? (true as const) : undefined,
    lang,
    maxLength,
  };
  return (
    <p className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="hint muted" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {multiline ? <textarea rows={6} {...common} /> : <input type={type} autoComplete={autoComplete} {...common} />}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </p>
  );
}

/** The list of what to correct, focused when it appears; each entry links to its field. */
export function FormErrors({
  message,
  fields,
  prefix = '',
  hrefs = {},
}: {
  message: string;
  fields: Record<string, string>;
  /** Where a form's field ids carry a prefix (forms repeated on one page), the links carry it too. */
  prefix?: string;
  /** Links for entries whose fix is elsewhere than a field of this page (by field name). */
  hrefs?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [message, fields]);
  const entries = Object.entries(fields);
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <p>
        <strong>{entries.length ? t('organize.errors.summary') : message}</strong>
      </p>
      {entries.length > 0 && (
        <ul>
          {entries.map(([name, msg]) => (
            <li key={name}>
              <a href={hrefs[name] ?? `#f-${prefix}${name}`}>{msg}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
