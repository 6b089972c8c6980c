/**
 * A local stand-in for HKEXnews on 127.0.0.1, speaking the site's formats as public scrapers see them: the stock
 * look-up `/search/prefix.do` (JSONP `callback({"stockInfo":[…]});`), the title search
 * `/search/titleSearchServlet.do` (JSON whose `result` is a JSON string of records, "null" when none, paged by a
 * cumulative `rowRange` and `hasNextRow`), and the documents under `/listedco/listconews/…`. It serves real PDFs
 * (../shared/filings, its Chinese twins and the Next Day Disclosure Returns of other-forms/, listed under their own
 * headline) and the project's fixtures, records every request (for the rate test) and can be told to fail in each
 * way the real site can.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { FILINGS_DIR } from './corpus.js';

export type FakeCategory = 'monthly-return' | 'next-day-disclosure' | 'other';

export interface FakeDocument {
  readonly stockCode: string;
  readonly stockName: string;
  /** When released, Hong Kong time: "YYYY-MM-DD HH:MM". */
  readonly releasedAt: string;
  readonly headline: string;
  readonly title: string;
  readonly category: FakeCategory;
  readonly language: 'en' | 'zh';
  /** Path of the document on the site, /listedco/listconews/sehk/YYYY/MMDD/NAME.pdf. */
  readonly path: string;
  readonly bytes: Uint8Array;
  /** Assigned by the fake when absent. */
  readonly newsId?: string;
}

export type FailureMode =
  /** 200 with an HTML page (a maintenance or block page) where JSON or a PDF was expected. */
  | 'html'
  /** 200 with JSON cut off in the middle. */
  | 'malformed-json'
  | 'forbidden'
  | 'missing'
  | 'server-error'
  | 'rate-limited'
  /** Never answers (until the fake closes). */
  | 'slow'
  /** Drops the connection. */
  | 'dead'
  /** A document far larger than any limit, streamed without a length. */
  | 'oversize';

export type Endpoint = 'prefix' | 'search' | 'document';

export interface LoggedRequest {
  readonly endpoint: Endpoint | 'other';
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** performance.now() when the request arrived. */
  readonly at: number;
}

export interface FakeHkexnews {
  readonly url: string;
  readonly requests: LoggedRequest[];
  requestsTo(endpoint: Endpoint): LoggedRequest[];
  /** Document downloads by path. */
  readonly downloads: Map<string, number>;
  addDocument(document: FakeDocument): string;
  stockIdOf(stockCode: string): number;
  /** The next `times` requests to `endpoint` (default: every one) fail as `mode`. */
  fail(mode: FailureMode, options?: { endpoint?: Endpoint; times?: number }): void;
  /** Ends every armed failure. */
  heal(): void;
  close(): Promise<void>;
}

export interface FakeHkexnewsOptions {
  readonly documents?: readonly FakeDocument[];
  /**
   * List every document of a stock whatever the category asked for, as if the category filter were ignored: the
   * client must then tell monthly returns from the rest by headline and title itself.
   */
  readonly ignoreCategory?: boolean;
}

/** Tier-1 headline codes, as the site's category lists give them. */
const CATEGORY_OF_T1: Record<string, FakeCategory> = { '51500': 'monthly-return', '50000': 'next-day-disclosure' };

interface Listed extends FakeDocument {
  readonly newsId: string;
}

interface ArmedFailure {
  readonly mode: FailureMode;
  readonly endpoint: Endpoint | null;
  remaining: number;
}

const MAINTENANCE_PAGE =
  '<!DOCTYPE html><html><head><title>HKEXnews</title></head><body>The system is under maintenance.</body></html>';

function endpointOf(pathname: string): Endpoint | 'other' {
  if (pathname === '/search/prefix.do') return 'prefix';
  if (pathname === '/search/titleSearchServlet.do') return 'search';
  if (pathname.startsWith('/listedco/')) return 'document';
  return 'other';
}

/** "2011-02-01 16:30" -> "01/02/2011 16:30". */
function dateTimeOf(releasedAt: string): string {
  const [date = '', time = ''] = releasedAt.split(' ');
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year} ${time}`;
}

function compactDate(releasedAt: string): string {
  return releasedAt.slice(0, 10).replaceAll('-', '');
}

export async function startFakeHkexnews(options: FakeHkexnewsOptions = {}): Promise<FakeHkexnews> {
  const listed: Listed[] = [];
  const requests: LoggedRequest[] = [];
  const downloads = new Map<string, number>();
  const failures: ArmedFailure[] = [];
  const held = new Set<ServerResponse>();
  const stockIds = new Map<string, number>();
  let nextNewsId = 10_000_001;

  const stockIdOf = (code: string): number => {
    let id = stockIds.get(code);
    if (id === undefined) {
      id = 1_000_000 + stockIds.size * 37 + Number(code);
      stockIds.set(code, id);
    }
    return id;
  };

  const addDocument = (document: FakeDocument): string => {
    const newsId = document.newsId ?? String(nextNewsId++);
    stockIdOf(document.stockCode);
    listed.push({ ...document, newsId });
    return newsId;
  };
  for (const document of options.documents ?? []) addDocument(document);

  const takeFailure = (endpoint: Endpoint | 'other'): FailureMode | null => {
    const armed = failures.find((f) => f.remaining > 0 && (f.endpoint === null || f.endpoint === endpoint));
    if (!armed) return null;
    armed.remaining--;
    return armed.mode;
  };

  const send = (res: ServerResponse, status: number, type: string, body: string | Uint8Array) => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };

  const answerFailure = (mode: FailureMode, req: IncomingMessage, res: ServerResponse) => {
    switch (mode) {
      case 'html':
        return send(res, 200, 'text/html; charset=utf-8', MAINTENANCE_PAGE);
      case 'malformed-json':
        return send(res, 200, 'application/json;charset=utf-8', '{"result":"[{\\"NEWS_ID\\":\\"1');
      case 'forbidden':
        return send(res, 403, 'text/html', '<html><body>403 Forbidden</body></html>');
      case 'missing':
        return send(res, 404, 'text/html', '<html><body>404 Not Found</body></html>');
      case 'server-error':
        return send(res, 500, 'text/html', '<html><body>500 Internal Server Error</body></html>');
      case 'rate-limited':
        return send(res, 429, 'text/html', '<html><body>Too Many Requests</body></html>');
      case 'slow':
        held.add(res);
        return;
      case 'dead':
        req.socket.destroy();
        return;
      case 'oversize': {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        res.write('%PDF-1.4\n');
        let sent = 0;
        const pump = () => {
          while (sent < 64 && res.write(chunk)) sent++;
          if (sent >= 64 || res.destroyed) res.end();
          else res.once('drain', pump);
        };
        res.on('error', () => undefined);
        pump();
        return;
      }
    }
  };

  const answerPrefix = (query: URLSearchParams, res: ServerResponse) => {
    const name = (query.get('name') ?? '').trim();
    const callback = query.get('callback') ?? 'callback';
    const codes = [...new Set(listed.map((d) => d.stockCode))].sort();
    const matching = codes.filter(
      (code) => name !== '' && (code.startsWith(name) || code.startsWith(name.padStart(5, '0'))),
    );
    const stockInfo = matching.map((code) => ({
      stockId: stockIdOf(code),
      code,
      name: listed.find((d) => d.stockCode === code)?.stockName ?? '',
    }));
    send(res, 200, 'text/javascript;charset=utf-8', `${callback}(${JSON.stringify({ more: '0', stockInfo })});`);
  };

  const answerSearch = (query: URLSearchParams, res: ServerResponse) => {
    const stockId = Number(query.get('stockId'));
    const from = query.get('fromDate') ?? '';
    const to = query.get('toDate') ?? '';
    const language = (query.get('lang') ?? 'E').toUpperCase().startsWith('Z') ? 'zh' : 'en';
    const wanted = CATEGORY_OF_T1[query.get('t1code') ?? '-2'] ?? null;
    const rowRange = Math.max(1, Number(query.get('rowRange') ?? '100') || 100);
    const matching = listed
      .filter((d) => stockIdOf(d.stockCode) === stockId && d.language === language)
      .filter((d) => compactDate(d.releasedAt) >= from && compactDate(d.releasedAt) <= to)
      .filter((d) => options.ignoreCategory || wanted === null || d.category === wanted)
      .sort((a, b) => b.releasedAt.localeCompare(a.releasedAt));
    const rows = matching.slice(0, rowRange).map((d) => ({
      FILE_INFO: `${Math.max(1, Math.round(d.bytes.byteLength / 1024))}KB`,
      NEWS_ID: d.newsId,
      SHORT_TEXT: d.headline,
      TOTAL_COUNT: String(matching.length),
      DOD_WEB_PATH: '',
      STOCK_NAME: d.stockName,
      TITLE: d.title,
      FILE_TYPE: 'PDF',
      DATE_TIME: dateTimeOf(d.releasedAt),
      LONG_TEXT: d.headline,
      STOCK_CODE: d.stockCode,
      FILE_LINK: d.path,
    }));
    const body = {
      result: rows.length === 0 ? 'null' : JSON.stringify(rows),
      hasNextRow: matching.length > rowRange,
      rowRange,
      loadedRecord: rows.length,
      recordCnt: matching.length,
    };
    send(res, 200, 'application/json;charset=utf-8', JSON.stringify(body));
  };

  const answerDocument = (pathname: string, res: ServerResponse) => {
    const document = listed.find((d) => d.path === pathname);
    if (!document) return send(res, 404, 'text/html', '<html><body>404 Not Found</body></html>');
    downloads.set(pathname, (downloads.get(pathname) ?? 0) + 1);
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(document.bytes.byteLength) });
    res.end(document.bytes);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const endpoint = endpointOf(url.pathname);
    requests.push({
      endpoint,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      at: performance.now(),
    });
    const failure = takeFailure(endpoint);
    if (failure) return answerFailure(failure, req, res);
    if (endpoint === 'prefix') return answerPrefix(url.searchParams, res);
    if (endpoint === 'search') return answerSearch(url.searchParams, res);
    if (endpoint === 'document') return answerDocument(url.pathname, res);
    send(res, 404, 'text/html', '<html><body>404 Not Found</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    requestsTo: (endpoint) => requests.filter((r) => r.endpoint === endpoint),
    downloads,
    addDocument,
    stockIdOf,
    fail(mode, { endpoint, times } = {}) {
      failures.push({ mode, endpoint: endpoint ?? null, remaining: times ?? Number.POSITIVE_INFINITY });
    },
    heal() {
      failures.length = 0;
    },
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// --- What the fake publishes -------------------------------------------------------------------------------------

export { FILINGS_DIR };

const FIXTURES_DIR = path.resolve(import.meta.dirname, '../../fixtures');

/** The title HKEXnews gives a monthly return ("… for the month ended 31 January 2011"), in English or Chinese. */
export function monthlyReturnTitle(monthEnded: string, language: 'en' | 'zh'): string {
  const [year, month, day] = monthEnded.split('-').map(Number) as [number, number, number];
  const monthName = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return language === 'en'
    ? `Monthly Return of Equity Issuer on Movements in Securities for the month ended ${day} ${monthName} ${year}`
    : `截至${year}年${month}月${day}日止月份之股份發行人的證券變動月報表`;
}

function documentPath(releasedAt: string, fileName: string): string {
  return `/listedco/listconews/sehk/${releasedAt.slice(0, 4)}/${releasedAt.slice(5, 7)}${releasedAt.slice(8, 10)}/${fileName}`;
}

interface TruthHeader {
  readonly source_file?: string;
  readonly issuer_name: string;
  readonly stock_codes: string[];
  readonly month_ended: string;
  readonly date_submitted: string;
}

function shortName(issuerName: string): string {
  return issuerName
    .replace(/\(.*$/, '')
    .replace(/\b(holdings?|limited|group|inc\.?|international|pharmaceutical)\b/gi, '')
    .trim()
    .toUpperCase();
}

function monthlyReturnDocument(
  truth: TruthHeader,
  bytes: Uint8Array,
  language: 'en' | 'zh',
  fileName: string,
  stockName: string,
): FakeDocument {
  const releasedAt = `${truth.date_submitted} 16:${language === 'en' ? '30' : '31'}`;
  return {
    stockCode: truth.stock_codes[0] as string,
    stockName,
    releasedAt,
    headline: language === 'en' ? 'Monthly Returns' : '月報表',
    title: monthlyReturnTitle(truth.month_ended, language),
    category: 'monthly-return',
    language,
    path: documentPath(releasedAt, fileName),
    bytes,
  };
}

/** "01149_nddr_a110608.pdf" -> its release date, from the file's own date stamp. */
function nddrReleaseDate(fileName: string): string {
  const stamp = /_nddr_a?(\d{6,8})/.exec(fileName)?.[1] ?? '';
  const digits = stamp.length >= 8 && stamp.startsWith('20') ? stamp.slice(2, 8) : stamp.slice(0, 6);
  return `20${digits.slice(0, 2)}-${digits.slice(2, 4)}-${digits.slice(4, 6)}`;
}

/**
 * What HKEXnews would list for the codes of ../shared/filings: every English return (under its original file
 * name where the truth records it), the Chinese twins of zh-legacy/ (their links end in _c.pdf, as the site's do)
 * and the Next Day Disclosure Returns of other-forms/, under their own headline. Empty when the corpus is absent.
 */
export function sharedFilingDocuments(dir: string = FILINGS_DIR): FakeDocument[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const documents: FakeDocument[] = [];
  const nameOf = new Map<string, string>();
  for (const truthFile of names.filter((n) => n.endsWith('.truth.json')).sort()) {
    const truth = JSON.parse(readFileSync(path.join(dir, truthFile), 'utf8')) as TruthHeader;
    const pdf = truthFile.replace(/\.truth\.json$/, '.pdf');
    const code = truth.stock_codes[0] as string;
    const stockName = nameOf.get(code) ?? shortName(truth.issuer_name);
    nameOf.set(code, stockName);
    const fileName =
      truth.source_file?.replace(/[()]/g, '') ?? `${truth.date_submitted.replaceAll('-', '')}01${documents.length}.pdf`;
    documents.push(monthlyReturnDocument(truth, readFileSync(path.join(dir, pdf)), 'en', fileName, stockName));
  }
  const zhDir = path.join(dir, 'zh-legacy');
  for (const truthFile of safeList(zhDir).filter((n) => n.endsWith('.truth.json'))) {
    const truth = JSON.parse(readFileSync(path.join(zhDir, truthFile), 'utf8')) as TruthHeader;
    const code = truth.stock_codes[0] as string;
    const fileName = (truth.source_file ?? truthFile).replace(/[()]/g, '').replace(/\.pdf$/, '_c.pdf');
    const bytes = readFileSync(path.join(zhDir, truthFile.replace(/\.truth\.json$/, '.pdf')));
    documents.push(
      monthlyReturnDocument(truth, bytes, 'zh', fileName, nameOf.get(code) ?? shortName(truth.issuer_name)),
    );
  }
  const otherDir = path.join(dir, 'other-forms');
  for (const file of safeList(otherDir).filter((n) => /_nddr_.*\.pdf$/.test(n))) {
    const code = file.slice(0, 5);
    const releasedAt = `${nddrReleaseDate(file)} 19:05`;
    documents.push({
      stockCode: code,
      stockName: nameOf.get(code) ?? code,
      releasedAt,
      headline: 'Next Day Disclosure Returns - [Others]',
      title: 'Next Day Disclosure Return',
      category: 'next-day-disclosure',
      language: 'en',
      path: documentPath(releasedAt, file.replace(/^\d{5}_nddr_/, '')),
      bytes: readFileSync(path.join(otherDir, file)),
    });
  }
  return documents;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

interface FixtureSpec {
  readonly monthlyReturn: {
    readonly issuerName: string;
    readonly stockCodes: string[];
    readonly monthEnded: string;
    readonly dateSubmitted: string | null;
    readonly form: { readonly language: 'en' | 'zh-Hant' };
  };
}

/**
 * The project's own fixture returns, each listed as HKEXnews lists a monthly return. A document is numbered among
 * those released the same day (its path and release minute), so that a fixture added for another day moves no other.
 */
export function fixtureDocuments(dir: string = FIXTURES_DIR): FakeDocument[] {
  const releasedThatDay = new Map<string, number>();
  return safeList(path.join(dir, 'specs'))
    .filter((n) => n.endsWith('.json'))
    .map((specFile) => {
      const spec = JSON.parse(readFileSync(path.join(dir, 'specs', specFile), 'utf8')) as FixtureSpec;
      const { monthlyReturn } = spec;
      const language = monthlyReturn.form.language === 'en' ? 'en' : 'zh';
      const submitted = monthlyReturn.dateSubmitted ?? monthlyReturn.monthEnded;
      const index = releasedThatDay.get(submitted) ?? 0;
      releasedThatDay.set(submitted, index + 1);
      const releasedAt = `${submitted} 17:${String(index).padStart(2, '0')}`;
      const bytes = readFileSync(path.join(dir, specFile.replace(/\.json$/, '.pdf')));
      return {
        stockCode: monthlyReturn.stockCodes[0] as string,
        stockName: shortName(monthlyReturn.issuerName),
        releasedAt,
        headline: language === 'en' ? 'Monthly Returns' : '月報表',
        title: monthlyReturnTitle(monthlyReturn.monthEnded, language),
        category: 'monthly-return' as const,
        language,
        path: documentPath(releasedAt, `${submitted.replaceAll('-', '')}0${String(index + 1).padStart(4, '0')}.pdf`),
        bytes,
      };
    });
}
