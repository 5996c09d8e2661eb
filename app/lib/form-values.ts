// The one way pages read a submitted form. A field that is absent, or a file where text was
// expected, reads as empty; core's schemas then say what is missing.

/** A text field's value ('' when absent). */
export function field(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
}

/** Whether a checkbox was ticked (browsers send `on`; scripts may send `true`). */
export function checked(form: FormData, name: string): boolean {
  const v = field(form, name);
  return v === 'on' || v === 'true';
}

/** Several text fields at once, by name. */
export function formValues<N extends string>(form: FormData, names: readonly N[]): Record<N, string> {
  return Object.fromEntries(names.map((n) => [n, field(form, n)])) as Record<N, string>;
}

/** A number typed by a person: empty → null; anything else → a number (NaN, which core refuses, for non-numbers). */
export function numberField(form: FormData, name: string): number | null {
  const v = field(form, name).trim();
  return v === '' ? null : Number(v.replace(',', '.'));
}

/**
 * How many numbered rows a form says it sends (its `rows` field): a whole number from 0 to `max`
 * (more than any editor shows); anything else reads as none, so no request can make the server
 * build a list of its own size.
 */
export function rowCount(form: FormData, max = 100): number {
  const n = numberField(form, 'rows');
  return n !== null && Number.isInteger(n) && n >= 0 ? Math.min(n, max) : 0;
}

/** A list typed one item per line (or separated by commas), without empty items. */
export function listField(form: FormData, name: string): string[] {
  return field(form, name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Dollars typed by a person ("12.50") as cents. */
export function centsField(form: FormData, name: string): number | null {
  const n = numberField(form, name);
  return n == null ? null : Number.isFinite(n) ? Math.round(n * 100) : n;
}
