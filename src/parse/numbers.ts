/**
 * Figures as the forms print them. Share counts: "1,234", "-144,400", "(5,940,000)" (negative), "Nil" (zero).
 * A blank cell, "N/A", "-" or "--" is null: nothing was reported, which is not the same as zero.
 * `undefined` means the text is not a figure at all, so the caller can say so instead of guessing.
 */
import { normaliseDecimal } from './decimal.js';
import { isNotReported } from './not-reported.js';

/** "Nil"; the Chinese forms print 無 or 零 (and filers of the Chinese form sometimes the English word). */
const NIL = /^(nil|無|零)$/i;
const GROUPED = /^(-)?\(?(-)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\)?$/;

/** True for a word that is printed as a figure: digits with separators, a sign or parentheses. */
export function isFigure(word: string): boolean {
  return GROUPED.test(word) && balancedParentheses(word);
}

function balancedParentheses(word: string): boolean {
  return word.includes('(') === word.includes(')');
}

/** A decimal string without separators, or null for a blank / "N/A", or undefined for text that is no figure. */
export function parseAmount(text: string | null | undefined): string | null | undefined {
  const trimmed = (text ?? '').trim().replace(/\s+/g, '');
  if (isNotReported(trimmed)) return null;
  if (NIL.test(trimmed)) return '0';
  const match = GROUPED.exec(trimmed);
  if (!match || !balancedParentheses(trimmed)) return undefined;
  const [, leadingMinus, innerMinus, whole = '', fraction = ''] = match;
  const negative = Boolean(leadingMinus || innerMinus || trimmed.startsWith('('));
  const value = normaliseDecimal(`${whole.replace(/,/g, '')}${fraction}`);
  return negative && value !== '0' ? `-${value}` : value;
}

/** An integer count of shares (or options, warrants): as parseAmount, but a fraction is not a share count. */
export function parseShareCount(text: string | null | undefined): number | null | undefined {
  const amount = parseAmount(text);
  if (amount === null || amount === undefined) return amount;
  if (amount.includes('.')) return undefined;
  const value = Number(amount);
  return Number.isSafeInteger(value) ? value : undefined;
}
