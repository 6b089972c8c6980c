/**
 * The one grammar of `/shares` (and of the command line's codes and months): what the words ask for, as a value.
 * Pure: nothing is looked up here. Sub-commands may come first or last (`history 00020` = `00020 history`), codes
 * are written as people write them (`5`, `00005`, `5.HK`, `HK0005`), months as in report-month-words.ts. Input is
 * bounded before anything else runs, so that no question costs more than a short one.
 */
import { suggestKeyword } from './edit-distance.js';
import { AppError } from './errors.js';
import { looksLikeMonthRange, type MonthRange, parseMonthRange } from './month-range.js';
import type { ReportMonth } from './monthly-return.js';
import { monthNumberOf, parseReportMonth } from './report-month-words.js';
import {
  exchangeOfSixDigitCode,
  looksLikeStockCode,
  OTHER_EXCHANGE_NAMES,
  type OtherExchangeCode,
  readStockCode,
  type StockCode,
} from './stock-code.js';

/** Room for a watch of a full watchlist (100 codes) with separators; anything longer is refused unread. */
export const MAX_QUERY_CHARS = 1_000;
/** Longer than any issuer's name as HKEX lists it. */
export const MAX_NAME_CHARS = 120;

export const SHARES_KEYWORDS = ['help', 'list', 'history', 'watch', 'unwatch', 'watchlist', 'digest'] as const;
type Keyword = (typeof SHARES_KEYWORDS)[number];

export type IssuerRef =
  | { readonly kind: 'code'; readonly code: StockCode }
  /** Six bare digits: an A+H issuer's A (or B) shares as Shanghai or Shenzhen number them, found by the class held. */
  | { readonly kind: 'other-exchange-code'; readonly code: OtherExchangeCode }
  | { readonly kind: 'name'; readonly text: string };

/** A question answered from the store alone. */
export type LookupQuery =
  | { readonly kind: 'help' }
  | { readonly kind: 'list' }
  /** `full`: the whole return (every part, row, remark and flag) rather than the card. */
  | { readonly kind: 'latest'; readonly issuer: IssuerRef; readonly full?: true }
  | { readonly kind: 'month'; readonly issuer: IssuerRef; readonly month: ReportMonth; readonly full?: true }
  | {
      readonly kind: 'history';
      readonly issuer: IssuerRef;
      /** Only the months of this range (`/shares 00020 history 2024-01..2025-06`); absent: the latest months. */
      readonly months?: MonthRange;
      /** `csv`: the history as a CSV file rather than a message. */
      readonly export?: HistoryExportFormat;
      /** `fetch N`: fill in from HKEXnews the months missing from the last N (default 12). */
      readonly fetchMonths?: number;
    };

/** The words after `history` that ask for a file instead of a message. */
export const HISTORY_EXPORTS = ['csv'] as const;
export type HistoryExportFormat = (typeof HISTORY_EXPORTS)[number];

/** The most months `history fetch N` fills in from HKEXnews: ten years, a handful of searches. */
export const MAX_FETCH_MONTHS = 120;

/** A channel's watchlist and digest; `month: null` is last month. */
export type WatchQuery =
  | { readonly kind: 'watch' | 'unwatch'; readonly codes: readonly StockCode[]; readonly malformed: readonly string[] }
  | { readonly kind: 'watchlist' }
  | { readonly kind: 'digest'; readonly month: ReportMonth | null }
  | { readonly kind: 'digest-toggle'; readonly on: boolean };

export type SharesQuery = LookupQuery | WatchQuery;

export function isWatchQuery(query: SharesQuery): query is WatchQuery {
  return ['watch', 'unwatch', 'watchlist', 'digest', 'digest-toggle'].includes(query.kind);
}

export function parseSharesQuery(text: string): SharesQuery {
  if (text.length > MAX_QUERY_CHARS) {
    throw new AppError(
      'bad-input',
      `That is ${text.length.toLocaleString('en-US')} characters: \`/shares\` reads at most ${MAX_QUERY_CHARS.toLocaleString('en-US')}. Ask for a code, a name or a month, for example \`/shares 00020\`.`,
      { length: String(text.length) },
    );
  }
  const { words, history } = takeHistoryOptions(splitWords(text));
  if (words.length === 0) return { kind: 'help' };
  const { keyword, rest } = takeKeyword(words);
  switch (keyword) {
    case 'help':
      return { kind: 'help' };
    case 'list':
      return rest.length === 0 ? { kind: 'list' } : lookup(words);
    case 'history':
      return { kind: 'history', issuer: readIssuer(rest, 'history'), ...history };
    case 'watch':
    case 'unwatch':
      return { kind: keyword, ...readCodesToWatch(keyword, rest) };
    case 'watchlist':
      if (rest.length > 0) {
        throw new AppError(
          'bad-input',
          `\`/shares watchlist\` takes nothing after it. To add codes: \`/shares watch ${rest.join(' ')}\`.`,
        );
      }
      return { kind: 'watchlist' };
    case 'digest':
      return readDigest(rest);
    default:
      return lookup(words);
  }
}

/** Words, with a month name and the year after it joined into one ("Nov", "2023" -> "Nov 2023"). */
function splitWords(text: string): string[] {
  const words: string[] = [];
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const last = words.at(-1);
    if (last !== undefined && /^\d{4}$/.test(word) && monthNumberOf(last) !== null)
      words[words.length - 1] += ` ${word}`;
    else words.push(word);
  }
  return words;
}

interface HistoryOptions {
  months?: MonthRange;
  export?: HistoryExportFormat;
  fetchMonths?: number;
}

/**
 * A history's range and export words (`00020 history csv 2024-01..2025-06`), wherever they stand, taken out so that
 * the sub-command can still come first or last. Only where `history` is asked for: elsewhere "csv" is a name.
 */
function takeHistoryOptions(all: readonly string[]): { words: readonly string[]; history: HistoryOptions } {
  if (!all.some((word) => keywordOf(word) === 'history')) return { words: all, history: {} };
  const history: HistoryOptions = {};
  const words = takeFetchMonths(all, history).filter((word) => {
    const format = HISTORY_EXPORTS.find((name) => name === word.toLowerCase());
    if (format) history.export = format;
    else if (looksLikeMonthRange(word)) history.months = parseMonthRange(word);
    else return true;
    return false;
  });
  return { words, history };
}

/** `fetch N` among a history's words: N months to fill in from HKEXnews, 1 to MAX_FETCH_MONTHS. */
function takeFetchMonths(words: readonly string[], history: HistoryOptions): readonly string[] {
  const at = words.findIndex((word) => word.toLowerCase() === 'fetch');
  if (at < 0) return words;
  const count = words[at + 1] ?? '';
  const months = /^\d{1,4}$/.test(count) ? Number(count) : Number.NaN;
  if (!(months >= 1 && months <= MAX_FETCH_MONTHS)) {
    throw new AppError(
      'bad-input',
      `\`fetch\` takes a number of months from 1 to ${MAX_FETCH_MONTHS}, for example \`/shares 00020 history fetch 36\`.`,
      { words: `fetch ${count}`.trim() },
    );
  }
  history.fetchMonths = months;
  return [...words.slice(0, at), ...words.slice(at + 2)];
}

function keywordOf(word: string | undefined): Keyword | null {
  const lower = word?.toLowerCase();
  if (lower === '?') return 'help';
  return SHARES_KEYWORDS.find((keyword) => keyword === lower) ?? null;
}

/** The sub-command, first or last, and the other words. */
function takeKeyword(words: readonly string[]): { keyword: Keyword | null; rest: readonly string[] } {
  const first = keywordOf(words[0]);
  if (first) return { keyword: first, rest: words.slice(1) };
  const last = words.length > 1 ? keywordOf(words.at(-1)) : null;
  if (last) return { keyword: last, rest: words.slice(0, -1) };
  return { keyword: null, rest: words };
}

/** A card: the latest, or a month's when a month comes first or last; the whole return with `full` at the end. */
function lookup(all: readonly string[]): LookupQuery {
  if (all.length > 1 && all.at(-1)?.toLowerCase() === 'full') {
    const query = lookup(all.slice(0, -1));
    if (query.kind === 'latest' || query.kind === 'month') return { ...query, full: true };
    return query;
  }
  const words = all;
  if (words.length > 1) {
    const last = parseReportMonth(words.at(-1) ?? '');
    if (last) return { kind: 'month', issuer: readIssuer(words.slice(0, -1), 'month'), month: last };
    const first = parseReportMonth(words[0] ?? '');
    if (first) return { kind: 'month', issuer: readIssuer(words.slice(1), 'month'), month: first };
  }
  return { kind: 'latest', issuer: readIssuer(words, 'latest') };
}

/** What may follow a code in each kind of question, for "did you mean". */
const AFTER_CODE: readonly string[] = ['history', 'watch', 'unwatch', 'digest'];

function readIssuer(words: readonly string[], asked: 'latest' | 'month' | 'history'): IssuerRef {
  const [first = '', ...rest] = words;
  if (first === '') {
    throw new AppError('bad-input', `Name a stock code or an issuer, for example \`/shares 00020 ${asked}\`.`);
  }
  if (looksLikeStockCode(first)) return readCodeAlone(first, rest);
  const last = words.at(-1) ?? '';
  const code = words.length === 2 && looksLikeStockCode(last) ? readStockCode(last) : null;
  const meant = code ? suggestKeyword(first, AFTER_CODE) : null;
  if (code && meant)
    throw new AppError('bad-input', `Did you mean \`/shares ${code} ${meant}\`?`, { code, words: first });
  const name = words.join(' ');
  if (name.length > MAX_NAME_CHARS) {
    throw new AppError(
      'bad-input',
      `No issuer's name is that long (${name.length} characters; \`/shares\` searches names of up to ${MAX_NAME_CHARS}). Try a word of the name, for example \`/shares sensetime\`.`,
      { length: String(name.length) },
    );
  }
  return { kind: 'name', text: name };
}

function readCodeAlone(word: string, rest: readonly string[]): IssuerRef {
  const elsewhere = readOtherExchangeCode(word);
  const code = elsewhere ? elsewhere.stockCode : readStockCode(word);
  if (!code) throw new AppError('bad-input', notAStockCode(word), { word });
  if (rest.length === 0) return elsewhere ? { kind: 'other-exchange-code', code: elsewhere } : { kind: 'code', code };
  const meant = rest.length === 1 ? suggestKeyword(rest[0] ?? '', AFTER_CODE) : null;
  if (meant)
    throw new AppError('bad-input', `Did you mean \`/shares ${code} ${meant}\`?`, { code, words: rest.join(' ') });
  throw new AppError(
    'bad-input',
    `I don't know what "${rest.join(' ')}" means after ${code}. Try \`/shares ${code}\`, \`/shares ${code} 2023-11\` or \`/shares ${code} history\`.`,
    { code, words: rest.join(' ') },
  );
}

/** A code as written on its own (the command line's): an HKEX code, or six digits of Shanghai or Shenzhen; else null. */
export function readCodeWord(word: string): Exclude<IssuerRef, { kind: 'name' }> | null {
  const elsewhere = readOtherExchangeCode(word);
  if (elsewhere) return { kind: 'other-exchange-code', code: elsewhere };
  const code = readStockCode(word);
  return code ? { kind: 'code', code } : null;
}

/**
 * Six bare digits as Shanghai or Shenzhen number their listings ("600036" -> SSE 600036); null for anything else,
 * "HK600036" and "600036.HK" included (those are written as HKEX codes, and wrongly).
 */
export function readOtherExchangeCode(word: string): OtherExchangeCode | null {
  const stockCode = word.trim();
  const exchange = exchangeOfSixDigitCode(stockCode);
  return exchange ? { exchange, stockCode } : null;
}

/**
 * Why a word written as a code names no HKEX issuer held. Six bare digits are how Shanghai and Shenzhen number their
 * listings (an A+H issuer's A shares: 600036): said so, rather than read as a mistyped HKEX code, whose near misses
 * would name an unrelated issuer. `/shares` and the command line say it in the same words.
 */
export function notAStockCode(word: string): string {
  const exchange = exchangeOfSixDigitCode(word);
  if (exchange) {
    return `${word} is a ${OTHER_EXCHANGE_NAMES[exchange]} code (six digits, as A and B shares are numbered there), not an HKEX one: HKEX codes have one to five digits, such as 00020. Ask with the issuer's HKEX code (its H shares') or a word of its name, for example \`/shares sensetime\`.`;
  }
  return `${word} is not a stock code: HKEX codes have one to five digits, such as 00020.`;
}

export interface ParsedCodes {
  readonly codes: readonly StockCode[];
  /** Words that are not stock codes, as typed. */
  readonly malformed: readonly string[];
}

/** "00020 700, 5.HK" -> 00020, 00700, 00005; duplicates once, in the order typed. */
export function parseStockCodes(words: readonly string[]): ParsedCodes {
  const codes: StockCode[] = [];
  const malformed: string[] = [];
  for (const word of words
    .join(' ')
    .split(/[\s,;]+/)
    .filter(Boolean)) {
    const code = readStockCode(word);
    if (code === null) malformed.push(word);
    else if (!codes.includes(code)) codes.push(code);
  }
  return { codes, malformed };
}

function readCodesToWatch(command: 'watch' | 'unwatch', words: readonly string[]): ParsedCodes {
  const parsed = parseStockCodes(words);
  if (parsed.codes.length > 0) return parsed;
  const example = `\`/shares ${command} 00020 00700\``;
  if (parsed.malformed.length === 0) throw new AppError('bad-input', `Name the stock codes, for example ${example}.`);
  const named = parsed.malformed.map((word) => `"${word}"`).join(', ');
  throw new AppError(
    'bad-input',
    `${named} ${parsed.malformed.length === 1 ? 'is not a stock code' : 'are not stock codes'}: HKEX codes have one to five digits, such as 00020 or 700. Try ${example}.`,
    { words: parsed.malformed.join(' ') },
  );
}

function readDigest(words: readonly string[]): WatchQuery {
  if (words.length === 0) return { kind: 'digest', month: null };
  if (words.length > 1) {
    throw new AppError('bad-input', '`/shares digest` takes one word: a month such as 2023-11, `on` or `off`.');
  }
  const word = words[0] ?? '';
  const lower = word.toLowerCase();
  if (lower === 'on' || lower === 'off') return { kind: 'digest-toggle', on: lower === 'on' };
  const month = parseReportMonth(word);
  if (month) return { kind: 'digest', month };
  const meant = suggestKeyword(word, ['on', 'off']);
  throw new AppError(
    'bad-input',
    `"${word}" is not a month: try \`/shares digest 2023-11\`, \`/shares digest\` for last month, or \`/shares digest off\`.${meant ? ` Did you mean \`/shares digest ${meant}\`?` : ''}`,
    { word },
  );
}
