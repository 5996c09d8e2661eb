import type { TFunction } from 'i18next';
import { TIME_ZONES } from '../../core/group-editor/choices';

// The time zones the group editor pages offer, in labelled groups, named in the reader's language.

export interface ChoiceGroup {
  label: string;
  options: [string, string][];
}

/** Canadian zones, then those of the United States, then the stored zone if it is neither. */
export function zoneGroups(t: TFunction, stored: string | null): ChoiceGroup[] {
  const zones = (country: 'CA' | 'US') =>
    TIME_ZONES.filter((z) => z.country === country).map((z) => [z.zone, t(`editor.zone.${z.key}` as 'editor.zone.eastern')] as [string, string]);
  const other = stored && !TIME_ZONES.some((z) => z.zone === stored) ? stored : null;
  return [
    { label: t('editor.field.zonesCanada'), options: zones('CA') },
    { label: t('editor.field.zonesUnitedStates'), options: zones('US') },
    ...(other ? [{ label: t('editor.field.zonesOther'), options: [[other, other] as [string, string]] }] : []),
  ];
}
