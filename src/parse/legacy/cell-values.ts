/**
 * What a cell of the pre-2021 form says, read the way HKEX's notes tell filers to write it: "N/A", "-" or "--" for
 * nothing to report (null), "Nil" for zero, parentheses for a decrease, dd/mm/yyyy dates that are not always
 * zero-padded ("31/1/2011"), and filers who write dates out ("3 February 2009").
 */
import type { Money } from '../../domain/monthly-return.js';
import { parseFormDate } from '../dates.js';
import { isNotReported } from '../not-reported.js';
import { parseShareCount } from '../numbers.js';

const NIL = /^nil$/i;

/** True for the cell texts that mean "no movement / not applicable". */
export function isNothing(text: string): boolean {
  return isNotReported(text);
}

/**
 * A share count: "1,000,000" -> 1000000, "(5,940,000)" -> -5940000, "Nil" -> 0, "N/A" or "Not applicable" -> null;
 * undefined when the text is not a count at all.
 */
export function parseCellShareCount(text: string): number | null | undefined {
  return isNothing(text) ? null : parseShareCount(text);
}

export interface ParsedAmount {
  /** Decimal string without separators, as many decimals as printed; null for "N/A". */
  readonly amount: string | null;
  /** From a prefix such as "HK$" or "HKD"; null when the cell prints none (or only "$"). */
  readonly currency: string | null;
}

/** An amount of money: "$200,000,000.00", "HK$28,500,000.00", "(1,000.50)", "Nil"; undefined when not an amount. */
export function parseCellAmount(text: string): ParsedAmount | undefined {
  const trimmed = text.trim();
  if (isNothing(trimmed)) return { amount: null, currency: null };
  if (NIL.test(trimmed)) return { amount: '0', currency: null };
  const match = /^(\()?\s*(-)?\s*([A-Z]{2,3}\$?|[$¥£])?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(\))?$/.exec(trimmed);
  if (!match) return undefined;
  const [, open, minus, prefix, digits = '', decimals = '', close] = match;
  if (Boolean(open) !== Boolean(close)) return undefined;
  const amount = `${open || minus ? '-' : ''}${digits.replace(/,/g, '')}${decimals}`;
  return { amount, currency: prefix ? currencyOf(prefix) : null };
}

const CURRENCY_SYMBOLS: Record<string, string> = {
  HK$: 'HKD',
  US$: 'USD',
  S$: 'SGD',
  NT$: 'TWD',
  A$: 'AUD',
  C$: 'CAD',
  RMB: 'RMB',
  '£': 'GBP',
};

/** "HK$" -> HKD, "HKD" -> HKD, "US$" -> USD; null for "$" alone or anything unknown. */
export function currencyOf(token: string): string | null {
  const upper = token.trim().toUpperCase();
  const symbol = CURRENCY_SYMBOLS[upper];
  if (symbol) return symbol;
  return /^[A-Z]{3}$/.test(upper) ? upper : null;
}

/** The currency a column header or label names: "(HK$)" -> HKD; null for "(State currency)". */
export function currencyInLabel(text: string): string | null {
  const match = /\b(HK\$|US\$|S\$|NT\$|RMB|HKD|USD|CNY|JPY|SGD|GBP|EUR|AUD|CAD|TWD)/i.exec(text);
  return match?.[1] ? currencyOf(match[1]) : null;
}

/** A price: "HKD 0.65 per share", "HK$1.8035 per share", "HKD1.22 per share"; null when none is printed. */
export function parsePrice(text: string, defaultCurrency: string | null = null): Money | null {
  if (isNothing(text)) return null;
  const match = /(HK\$|US\$|S\$|NT\$|RMB|[A-Z]{3}|\$)?\s*(\d[\d,]*(?:\.\d+)?)/.exec(text);
  if (!match?.[2]) return null;
  const currency = match[1] ? currencyOf(match[1]) : null;
  return { currency: currency ?? defaultCurrency, amount: match[2].replace(/,/g, '') };
}

/**
 * The first date in a text, as ISO: "31/1/2011", "( 13 / 10 / 2009 )", "3 February 2009". Null for an empty
 * placeholder ("( / / )") or no date; undefined for a date that does not exist (31/02/2011).
 */
export function parseDate(text: string): string | null | undefined {
  const numeric = /(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/.exec(text);
  if (numeric) return parseFormDate(`${numeric[1]}/${numeric[2]}/${numeric[3]}`);
  const written = /(\d{1,2})(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}/.exec(text);
  return (written && parseFormDate(written[0])) || null;
}

/** Only dd/mm/yyyy counts as a date in a form's date cell; prose such as "held on 2 June 2010" is a note. */
export function parseDateCell(text: string): string | null | undefined {
  return /\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}/.test(text) ? parseDate(text) : null;
}

export function isDateCell(text: string): boolean {
  return /^\(?\s*(\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}|\/\s*\/)\s*\)?$/.test(text.trim());
}
