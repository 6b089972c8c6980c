/**
 * What a cell of the pre-2021 form says, read the way HKEX's notes tell filers to write it: "N/A", "-" or "--" for
 * nothing to report (null), "Nil" for zero, parentheses for a decrease, dd/mm/yyyy dates that are not always
 * zero-padded ("31/1/2011"), and filers who write dates out ("3 February 2009"). The Chinese template's cells read
 * the same way: 不適用 for N/A, 無 or 零 for Nil, 港幣 / 港元 for HK$, "2009 年 2 月 3 日" for a date.
 */
import type { Money } from '../../domain/monthly-return.js';
import { parseFormDate } from '../dates.js';
import { isNotReported } from '../not-reported.js';
import { parseShareCount } from '../numbers.js';

const NIL = /^(nil|無|零)$/i;

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
  const match = /^(\()?\s*(-)?\s*([A-Z]{2,3}\$?|[$¥£]|港幣|港元)?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(\))?$/.exec(
    trimmed,
  );
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
  港幣: 'HKD',
  港元: 'HKD',
  美元: 'USD',
  人民幣: 'RMB',
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
  const match =
    /(?:\b|^)(HK\$|US\$|S\$|NT\$|RMB|HKD|USD|CNY|JPY|SGD|GBP|EUR|AUD|CAD|TWD)|(港幣|港元|美元|人民幣)/i.exec(text);
  const token = match?.[1] ?? match?.[2];
  return token ? currencyOf(token) : null;
}

/** A price: "HKD 0.65 per share", "HK$1.8035 per share", "每股港幣 1.22"; null when none is printed. */
export function parsePrice(text: string, defaultCurrency: string | null = null): Money | null {
  if (isNothing(text)) return null;
  const match = /(HK\$|US\$|S\$|NT\$|RMB|[A-Z]{3}|\$|港幣|港元|美元|人民幣)?\s*(\d[\d,]*(?:\.\d+)?)/.exec(text);
  if (!match?.[2]) return null;
  // The Chinese form may name the currency after the figure: "每股 1.8035 港元", "港幣每股 2.30 元".
  const currency = match[1] ? currencyOf(match[1]) : currencyInLabel(text);
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
  if (written) return parseFormDate(written[0]) || null;
  const chinese = /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/.exec(text);
  return (chinese && parseFormDate(chinese[0])) || null;
}

/** Only dd/mm/yyyy counts as a date in a form's date cell; prose such as "held on 2 June 2010" is a note. */
export function parseDateCell(text: string): string | null | undefined {
  return /\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}/.test(text) ? parseDate(text) : null;
}

export function isDateCell(text: string): boolean {
  return /^\(?\s*(\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}|\/\s*\/)\s*\)?$/.test(text.trim());
}
