import { SHAPE_FIELDS, type GroupShape } from '../../core/group-editor/applicable';

// The fields of the group editor's details form, shared by the page's action (reading a form) and
// its form (app/components/group-editor-form.tsx).

/** The bilingual texts, in the order of each language column. */
export const TEXTS = ['title', 'summary', 'description', 'whatToExpect', 'eligibility', 'audience', 'treatmentFocus', 'materials', 'rules'] as const;
export const MULTILINE = new Set(['description', 'whatToExpect', 'eligibility', 'treatmentFocus', 'materials', 'rules']);
export const PLACE = ['venueName', 'street', 'city', 'province', 'postalCode', 'country'] as const;
export const CONTACT = ['contactEmail', 'contactPhone'] as const;
export const PLAIN = [...PLACE, ...CONTACT, 'onlineUrl', 'timeZone', 'faith', 'coveredByEn', 'coveredByFr'] as const;
/** Where a field's error is shown when the form names it differently from the core. */
export const FIELD_IDS: Record<string, string> = { feeCents: '#f-fee', suggestedDonationCents: '#f-suggestedDonation', signupCutoffMinutes: '#f-signupCutoffHours' };

/** The kind, format, delivery, cost and reach, read by name from a form or from saved values. */
export function shapeOf(value: (name: string) => string): GroupShape {
  return Object.fromEntries(SHAPE_FIELDS.map((n) => [n, value(n)])) as unknown as GroupShape;
}
