/**
 * What the words after `/shares` ask for. Pure: the store is asked only once the question is known.
 */
import { AppError } from '../domain/errors.js';
import type { ReportMonth } from '../domain/monthly-return.js';
import { normaliseStockCode, type StockCode } from '../domain/stock-code.js';
import { suggestKeyword } from './suggest.js';
import { WATCH_SUBCOMMANDS } from './watch-commands.js';

export type IssuerRef =
  | { readonly kind: 'code'; readonly code: StockCode }
  | { readonly kind: 'name'; readonly text: string };

export type SharesQuery =
  | { readonly kind: 'help' }
  | { readonly kind: 'list' }
  /** Handed to the watchlist and digest commands. */
  | { readonly kind: 'watch'; readonly args: readonly string[] }
  | { readonly kind: 'latest'; readonly issuer: IssuerRef }
  | { readonly kind: 'month'; readonly issuer: IssuerRef; readonly month: ReportMonth }
  | { readonly kind: 'history'; readonly issuer: IssuerRef };

/** The words `/shares` itself understands, for help and for "did you mean". */
export const SHARES_KEYWORDS = ['help', 'list', 'history', ...WATCH_SUBCOMMANDS] as const;

const MONTH_SHAPES: readonly RegExp[] = [/^(\d{4})[-/.](\d{1,2})$/, /^(\d{4})(\d{2})$/, /^(\d{1,2})[-/.](\d{4})$/];

/** "2023-11", "2023/11", "202311", "11/2023" -> "2023-11"; null when the word does not look like a month at all. */
export function parseReportMonth(word: string): ReportMonth | null {
  for (const [index, shape] of MONTH_SHAPES.entries()) {
    const match = shape.exec(word);
    if (!match) continue;
    const [year, month] = index === 2 ? [match[2], match[1]] : [match[1], match[2]];
    const number = Number(month);
    if (number < 1 || number > 12) {
      throw new AppError('bad-input', `${word} is not a month: write it as YYYY-MM, for example 2023-11.`, { word });
    }
    return `${year}-${String(number).padStart(2, '0')}`;
  }
  return null;
}

function issuerRef(words: readonly string[]): IssuerRef {
  const [first = '', ...rest] = words;
  if (/^\d+$/.test(first)) {
    const code = normaliseStockCode(first);
    if (!code) {
      throw new AppError(
        'bad-input',
        `${first} is not a stock code: HKEX codes have one to five digits, such as 00020.`,
        {
          word: first,
        },
      );
    }
    if (rest.length > 0) {
      const meant = rest.length === 1 ? suggestKeyword(rest[0] ?? '', ['history']) : null;
      if (meant) {
        throw new AppError('bad-input', `Did you mean \`/shares ${code} ${meant}\`?`, { code, words: rest.join(' ') });
      }
      throw new AppError(
        'bad-input',
        `I don't know what "${rest.join(' ')}" means after ${code}. Try \`/shares ${code}\`, \`/shares ${code} 2023-11\` or \`/shares ${code} history\`.`,
        { code, words: rest.join(' ') },
      );
    }
    return { kind: 'code', code };
  }
  return { kind: 'name', text: words.join(' ') };
}

export function parseSharesQuery(text: string): SharesQuery {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [first, ...rest] = words;
  if (first === undefined) return { kind: 'help' };
  const keyword = first.toLowerCase();
  if (keyword === 'help' || keyword === '?') return { kind: 'help' };
  if (keyword === 'list' && rest.length === 0) return { kind: 'list' };
  if ((WATCH_SUBCOMMANDS as readonly string[]).includes(keyword)) return { kind: 'watch', args: [keyword, ...rest] };

  const last = words.at(-1) ?? '';
  if (words.length > 1 && last.toLowerCase() === 'history') {
    return { kind: 'history', issuer: issuerRef(words.slice(0, -1)) };
  }
  const month = words.length > 1 ? parseReportMonth(last) : null;
  if (month) return { kind: 'month', issuer: issuerRef(words.slice(0, -1)), month };
  return { kind: 'latest', issuer: issuerRef(words) };
}
