// Which order a search keeps when the person submits the form again. The order is whatever the
// person last chose (or the default); but keywords newly typed ask for the best matches first, so
// an order left from before ("Soonest") gives way to the default, the best match, unless the person
// changed the order in the same submission. Shared by the browser (the form's submission) and the
// loader (the same rule without JavaScript, from the form's `sorted_for` field).

export type OrderState = { q?: string | null; sort?: string | null };

/** The order to ask for after a submission: `undefined` means the default order. */
export function orderAfter(previous: OrderState, next: OrderState): string | undefined {
  const typed = (next.q ?? '').trim();
  const newWords = typed !== '' && typed !== (previous.q ?? '').trim();
  if (newWords && (next.sort ?? '') === (previous.sort ?? '')) return undefined;
  return next.sort ?? undefined;
}

/** The form's record of the order and words it was drawn with (`sort:words`), for `orderAfter`. */
export const sortedFor = (state: OrderState) => `${state.sort ?? ''}:${state.q ?? ''}`;

export function readSortedFor(value: string): OrderState {
  const at = value.indexOf(':');
  return at < 0 ? { sort: value } : { sort: value.slice(0, at), q: value.slice(at + 1) };
}

/** A form's fields or a query string: what `applyOrder` reads and rewrites. */
interface Fields {
  get(name: string): unknown;
  set(name: string, value: string): void;
  delete(name: string): void;
}

/** Drops the form's record and sets the order `orderAfter` chooses (none: the default). */
export function applyOrder(fields: Fields, previous: OrderState): void {
  fields.delete('sorted_for');
  const sort = orderAfter(previous, { q: String(fields.get('q') ?? ''), sort: (fields.get('sort') as string | null) ?? null });
  if (sort) fields.set('sort', sort);
  else fields.delete('sort');
}
