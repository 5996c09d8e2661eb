import '../../i18n/areas/running';
import type { Locale } from '../../db/schema';
import { getI18n, getT } from '../../i18n';

/**
 * The catalog key (running area) of an audit action such as 'group.published'. A group taken
 * offline because its licence stopped being verified has its own wording.
 */
export function auditActionKey(action: string, data?: Record<string, unknown> | null): string {
  if (action === 'group.unpublished' && data?.reason === 'licence_not_verified') return 'running.audit.actions.group_unpublished_licence';
  return `running.audit.actions.${action.replace(/\./g, '_')}`;
}

type Loose = (key: string, vars?: Record<string, string>) => string;

/** A readable label for an audit action in `locale`; an action without one yet says so, with its code. */
export function auditActionLabel(locale: Locale, action: string, data?: Record<string, unknown> | null): string {
  const t = getT(locale) as unknown as Loose;
  const key = auditActionKey(action, data);
  return getI18n(locale).exists(key) ? t(key) : t('running.audit.otherAction', { action });
}

/** A readable label for what an audit entry touched (its entity type), or the type as written. */
export function auditEntityLabel(locale: Locale, entityType: string): string {
  const key = `running.audit.entity.${entityType}`;
  return getI18n(locale).exists(key) ? (getT(locale) as unknown as Loose)(key) : entityType;
}
