import type { TFunction } from 'i18next';
import type { PublicCost } from '../../core/groups/public-group';
import type { Locale } from '../../i18n';
import { formatMoney } from './format';

/** The cost of a group in plain words, e.g. "$25 per session" or "Pay what you can (suggested $10)". */
export function describeCost(cost: PublicCost, t: TFunction, locale: Locale): string {
  if (cost.type === 'fee' && cost.amountCents != null && cost.currency) {
    const amount = formatMoney(cost.amountCents, cost.currency, locale);
    return cost.per === 'program' ? t('cost.fee_program', { amount }) : t('cost.fee_session', { amount });
  }
  if (cost.type === 'pay_what_you_can') {
    return cost.suggestedDonationCents != null
      ? t('cost.suggested', { amount: formatMoney(cost.suggestedDonationCents, cost.currency ?? 'CAD', locale) })
      : t('cost.pay_what_you_can');
  }
  return t('cost.free');
}
