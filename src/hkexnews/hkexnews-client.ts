/**
 * The HKEXnews client: the only code that speaks to the site. Three things are asked of it, as public scrapers ask
 * them (the README lists the facts relied on and where each was found): a stock's internal id
 * (`/search/prefix.do`), the documents filed under it between two dates (`/search/titleSearchServlet.do`, by
 * headline category, paged with `rowRange` / `hasNextRow`), and a document at its FILE_LINK on the same host.
 */
import { AppError } from '../domain/errors.js';
import type { StockCode } from '../domain/stock-code.js';
import { downloadDocument } from './download-document.js';
import { type RequestSettings, readText, requestHkexnews } from './hkexnews-request.js';
import { decodeListingText, releaseTimeOf } from './listing-text.js';
import { processRateLimiter, type RateLimiter } from './rate-limiter.js';
import { parsePrefixAnswer, parseTitleSearchAnswer, type TitleSearchRecord } from './search-answers.js';

export const DEFAULT_HKEXNEWS_URL = 'https://www1.hkexnews.hk';

/** Headline categories (t1code): "Monthly Returns" has no tier-2 codes under it; -2 means all. */
export const CATEGORY_CODES = { monthlyReturns: '51500', all: '-2' } as const;
export type Category = keyof typeof CATEGORY_CODES;

/** The site's language values: English documents, or the Chinese versions (their links end in _c.pdf). */
export const LANGUAGE_CODES = { en: 'E', zh: 'ZH' } as const;
export type ListingLanguage = keyof typeof LANGUAGE_CODES;

export interface HkexnewsStock {
  readonly stockId: number;
  readonly stockCode: StockCode;
  readonly name: string;
}

/** One record of the title search, in plain text. */
export interface HkexnewsDocument {
  readonly newsId: string;
  readonly stockCodes: readonly string[];
  readonly stockName: string;
  readonly title: string;
  /** The headline category as the site shows it ("Monthly Returns", "Next Day Disclosure Returns - [Others]"). */
  readonly headline: string;
  /** Release time in Hong Kong, ISO with +08:00. */
  readonly releasedAt: string;
  /** Absolute URL of the document. */
  readonly url: string;
  /** The site's own size note ("97KB"), where given. */
  readonly fileInfo: string | null;
}

export interface DocumentQuery {
  readonly stockId: number;
  /** Release dates, inclusive, YYYY-MM-DD. */
  readonly from: string;
  readonly to: string;
  readonly category: Category;
  readonly language?: ListingLanguage;
}

export interface HkexnewsClient {
  readonly origin: string;
  findStock(stockCode: StockCode): Promise<HkexnewsStock | null>;
  searchDocuments(query: DocumentQuery): Promise<HkexnewsDocument[]>;
  download(url: string): Promise<Uint8Array>;
}

export interface HkexnewsClientOptions {
  readonly baseUrl?: string;
  readonly maxBytes: number;
  readonly timeoutMs?: number;
  readonly retries?: number;
  readonly backoffMs?: number;
  readonly limiter?: RateLimiter;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Rows asked for per page; `rowRange` counts every row loaded so far, so page n asks for n × this. */
const PAGE_ROWS = 100;
/** More rows than this for one code and window means something is wrong: said, never cut silently. */
const MAX_ROWS = 1000;
/**
 * Without a stock the site limits a search to one month; with one it takes longer ranges. Each search here names a
 * stock and spans at most twelve months, so that one answer stays a page or two.
 */
const MAX_WINDOW_MONTHS = 12;

export function createHkexnewsClient(options: HkexnewsClientOptions): HkexnewsClient {
  const origin = new URL(options.baseUrl ?? DEFAULT_HKEXNEWS_URL).origin;
  const settings: RequestSettings = {
    origin,
    limiter: options.limiter ?? processRateLimiter,
    timeoutMs: options.timeoutMs ?? 20_000,
    retries: options.retries ?? 3,
    backoffMs: options.backoffMs ?? 1_000,
    sleep: options.sleep,
  };

  async function getText(url: URL, what: string): Promise<string> {
    const opened = await requestHkexnews(url, settings);
    if (!opened.response.ok) {
      await readText(opened, settings).catch(() => '');
      const status = opened.response.status;
      const why = status === 403 ? ' (refused: 403 Forbidden)' : ` (${status})`;
      throw new AppError('hkexnews-failure', `HKEXnews refused ${what}${why}`, { url: url.href, status });
    }
    return readText(opened, settings);
  }

  return {
    origin,
    async findStock(stockCode) {
      const url = new URL('/search/prefix.do', origin);
      url.search = new URLSearchParams({
        callback: 'callback',
        lang: 'EN',
        type: 'A',
        name: stockCode,
        market: 'SEHK',
      }).toString();
      const stocks = parsePrefixAnswer(await getText(url, `the look-up of ${stockCode}`), url.href);
      // The look-up matches by prefix: 00700 also finds 07000-something; only the exact code counts.
      const exact = stocks.find((stock) => stock.code === stockCode);
      return exact ? { stockId: exact.stockId, stockCode, name: exact.name } : null;
    },
    async searchDocuments(query) {
      const documents = new Map<string, HkexnewsDocument>();
      for (const [from, to] of dateWindows(query.from, query.to)) {
        for (const record of await searchWindow(query, from, to)) {
          const document = toDocument(record, origin);
          documents.set(document.newsId, document);
        }
      }
      return [...documents.values()].sort((a, b) => b.releasedAt.localeCompare(a.releasedAt));
    },
    download(url) {
      return downloadDocument(new URL(url, origin), settings, options.maxBytes);
    },
  };

  async function searchWindow(query: DocumentQuery, from: string, to: string): Promise<TitleSearchRecord[]> {
    let rowRange = PAGE_ROWS;
    for (;;) {
      const url = titleSearchUrl(origin, query, from, to, rowRange);
      const page = parseTitleSearchAnswer(await getText(url, 'the search'), url.href);
      if (!page.hasNextRow) return [...page.records];
      if (rowRange >= MAX_ROWS) {
        throw new AppError(
          'hkexnews-failure',
          `HKEXnews lists more than ${MAX_ROWS} documents for one search (${from} to ${to}); not reading a partial list`,
          { url: url.href },
        );
      }
      rowRange += PAGE_ROWS;
    }
  }
}

function titleSearchUrl(origin: string, query: DocumentQuery, from: string, to: string, rowRange: number): URL {
  const url = new URL('/search/titleSearchServlet.do', origin);
  url.search = new URLSearchParams({
    sortDir: '0',
    sortByOptions: 'DateTime',
    category: '0',
    market: 'SEHK',
    stockId: String(query.stockId),
    documentType: '-1',
    fromDate: from.replaceAll('-', ''),
    toDate: to.replaceAll('-', ''),
    title: '',
    searchType: '1',
    t1code: CATEGORY_CODES[query.category],
    t2Gcode: '-2',
    t2code: '-2',
    rowRange: String(rowRange),
    lang: LANGUAGE_CODES[query.language ?? 'en'],
  }).toString();
  return url;
}

function toDocument(record: TitleSearchRecord, origin: string): HkexnewsDocument {
  return {
    newsId: record.NEWS_ID,
    stockCodes: decodeListingText(record.STOCK_CODE).split('\n'),
    stockName: decodeListingText(record.STOCK_NAME).split('\n')[0] ?? '',
    title: decodeListingText(record.TITLE).replace(/\n/g, ' '),
    headline: decodeListingText(record.LONG_TEXT).replace(/\n/g, ' '),
    releasedAt: releaseTimeOf(record.DATE_TIME),
    url: new URL(record.FILE_LINK, origin).href,
    fileInfo: record.FILE_INFO ?? null,
  };
}

/** [from, to] (YYYY-MM-DD) cut into windows of at most MAX_WINDOW_MONTHS months, newest first. */
export function dateWindows(from: string, to: string): [string, string][] {
  const windows: [string, string][] = [];
  let end = to;
  while (end >= from) {
    const [year, month, day] = end.split('-').map(Number) as [number, number, number];
    const start = new Date(Date.UTC(year, month - 1 - MAX_WINDOW_MONTHS, day + 1)).toISOString().slice(0, 10);
    windows.push([start > from ? start : from, end]);
    if (start <= from) break;
    end = new Date(Date.UTC(year, month - 1 - MAX_WINDOW_MONTHS, day)).toISOString().slice(0, 10);
  }
  return windows;
}
