/**
 * How the pre-2021 truths' `*_as_printed` fields are checked against the model, which keeps the value read rather
 * than the print: each print is read here by the truth conventions (blank, "N/A", "-" = null; "Nil" = 0;
 * "(5,940,000)" = -5940000; "31/1/2011" and "1 February 2011" are dates) and compared with what the parser made of it.
 */

export type Compare = (expected: unknown, actual: unknown) => boolean;

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** "31/1/2011" or "1 February 2011" -> "2011-01-31"; null for anything else. */
export function readPrintedDate(text: string): string | null {
  const iso = (year: string, month: number, day: string) =>
    `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  const numeric = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (numeric) return iso(numeric[3] ?? '', Number(numeric[2]), numeric[1] ?? '');
  const chinese = /^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/.exec(text);
  if (chinese) return iso(chinese[1] ?? '', Number(chinese[2]), chinese[3] ?? '');
  const named = /^\s*(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\s*$/.exec(text);
  const month = MONTHS.indexOf((named?.[2] ?? '').toLowerCase());
  return named && month >= 0 ? iso(named[3] ?? '', month + 1, named[1] ?? '') : null;
}

/** A printed share count by the truth conventions; undefined where the print is no count at all. */
export function readPrintedCount(text: string): number | null | undefined {
  const plain = text.trim();
  if (/^(|N\/A|-+|不適用)$/i.test(plain)) return null;
  if (/^(nil|無|零)$/i.test(plain)) return 0;
  const figure = /^(\()?([\d,]+)\)?$/.exec(plain);
  if (!figure) return undefined;
  const value = Number((figure[2] ?? '').replace(/,/g, ''));
  return figure[1] ? -value : value;
}

/** The figure of a printed amount: "HK$0.415" -> "0.415", "$0.10" -> "0.10"; null where none is printed. */
function figureOf(text: string): string | null {
  return /\d[\d,]*(\.\d+)?/.exec(text)?.[0].replace(/,/g, '') ?? null;
}

function sameDecimal(a: string, b: string): boolean {
  return Number(a) === Number(b);
}

const CURRENCY_MARKS: Readonly<Record<string, readonly string[]>> = {
  HKD: ['HKD', 'HK$', '港幣', '港元'],
  USD: ['USD', 'US$'],
  RMB: ['RMB'],
};

/** The currency a print names, by its code or its sign ("HK$"). */
function currencyOf(text: string): string | null {
  const upper = text.toUpperCase();
  return Object.keys(CURRENCY_MARKS).find((code) => CURRENCY_MARKS[code]?.some((mark) => upper.includes(mark))) ?? null;
}

export const printedDate: Compare = (expected, actual) =>
  typeof expected === 'string' && readPrintedDate(expected) === (actual ?? null);

export const printedCount: Compare = (expected, actual) =>
  typeof expected === 'string' && readPrintedCount(expected) === (actual ?? null);

/** A printed amount against the model's decimal string. */
export const printedAmount: Compare = (expected, actual) => {
  const figure = typeof expected === 'string' ? figureOf(expected) : null;
  return figure !== null && typeof actual === 'string' && sameDecimal(figure, actual);
};

/** A printed price ("HKD1.22 per share") against the model's money: the figure, and the currency where printed. */
export const printedPrice: Compare = (expected, actual) => {
  if (typeof expected !== 'string' || actual === null || typeof actual !== 'object') return false;
  const money = actual as { currency?: unknown; amount?: unknown };
  const currency = currencyOf(expected);
  return printedAmount(expected, money.amount) && (currency === null || currency === money.currency);
};

/** The old form prints stock codes without leading zeros ("1149"); the model keeps five digits. */
export const printedStockCode: Compare = (expected, actual) =>
  typeof expected === 'string' && /^\d{1,5}$/.test(expected.trim()) && expected.trim().padStart(5, '0') === actual;

/** A currency code against a text that prints it by code or sign ("Exercise Price: HK$2.25"). */
export const currencyNamedIn: Compare = (expected, actual) =>
  typeof expected === 'string' && typeof actual === 'string' && currencyOf(actual) === expected;
