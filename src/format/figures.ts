/**
 * How figures read in Slack: share counts with thousands separators, changes with an explicit sign, months by name.
 * Money stays a decimal string (as the model holds it) and is only grouped, never turned into a float.
 */
import type { ComparedWith } from '../domain/compare-with-previous.js';
import { formatMonth, formatShortMonth } from '../domain/month-names.js';
import type { Money } from '../domain/monthly-return.js';

export { formatMonth, formatShortMonth };

function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 3525018981 -> "3,525,018,981"; null -> "–" (a blank cell on the form). */
export function formatCount(value: number | null): string {
  if (value === null) return '–';
  const sign = value < 0 ? '-' : '';
  return sign + groupDigits(String(Math.abs(value)));
}

/** A change: "+1,000", "-12,189,548", "no change"; null -> "–". */
export function formatChange(value: number | null): string {
  if (value === null) return '–';
  if (value === 0) return 'no change';
  return value > 0 ? `+${formatCount(value)}` : formatCount(value);
}

/** "49800" -> "49,800"; "0.00000025" stays as it is. */
export function formatDecimal(value: string | null): string {
  if (value === null) return '–';
  const [whole = '', fraction] = value.replace(/^-/, '').split('.');
  const sign = value.startsWith('-') ? '-' : '';
  return `${sign}${groupDigits(whole)}${fraction === undefined ? '' : `.${fraction}`}`;
}

export function formatMoney(money: Pick<Money, 'currency' | 'amount'>): string {
  return money.currency ? `${money.currency} ${formatDecimal(money.amount)}` : formatDecimal(money.amount);
}

/** What a change was measured against, as every view words it: "vs Oct 2023", or the return's own opening balance. */
export function formatComparedWith(comparedWith: ComparedWith): string {
  return comparedWith.kind === 'previous-return'
    ? `vs ${formatShortMonth(comparedWith.month)}`
    : 'vs preceding balance as printed';
}
