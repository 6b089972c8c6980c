/**
 * Monthly returns from HKEXnews into the store: look each code up, list what it filed under "Monthly Returns" in the
 * release dates that can hold the months asked for, keep the records whose headline and title make them monthly
 * returns, download those not held yet, and read and store each through the same path as an upload. The PDF decides:
 * a document that is not a monthly return, or reports a month outside those asked for, is not stored.
 */
import { AppError, type AppErrorCode, isAppError } from '../domain/errors.js';
import { type ReportMonth, reportMonthOf } from '../domain/monthly-return.js';
import type { StockCode } from '../domain/stock-code.js';
import { hkexnewsListingOf, type StoredReturn } from '../domain/stored-return.js';
import type { HkexnewsClient, HkexnewsDocument } from '../hkexnews/hkexnews-client.js';
import { isMonthlyReturnListing, reportMonthOfTitle } from '../hkexnews/monthly-return-listing.js';
import type { ExtractLimits } from '../pdf/extract-text.js';
import type { FilingStore } from '../store/filing-store.js';
import { type BulkIngestSummary, type FileOutcome, failedOutcome, savedOutcome } from './bulk-ingest.js';
import { runClaimed } from './claimed-work.js';
import { ingestFiling } from './ingest-filing.js';
import { readFiling } from './read-filing.js';

export interface FetchDeps {
  readonly store: FilingStore;
  readonly client: HkexnewsClient;
  readonly now: () => Date;
  readonly limits?: ExtractLimits;
  readonly read?: typeof readFiling;
  readonly signal?: AbortSignal;
  readonly onStart?: (total: number) => void;
  readonly onOutcome?: (outcome: FileOutcome, done: number, total: number) => void;
  readonly clock?: () => number;
}

export interface FetchRequest {
  readonly stockCodes: readonly StockCode[];
  /** The months the returns report, inclusive. */
  readonly since: ReportMonth;
  readonly until: ReportMonth;
  /** Only these months of the span, when given (the months a history is missing). */
  readonly months?: readonly ReportMonth[];
}

/** A document HKEXnews listed that was not read, and why. */
export interface PassedOver {
  readonly stockCode: StockCode;
  readonly document: HkexnewsDocument;
}

export interface CodeProblem {
  readonly stockCode: StockCode;
  readonly message: string;
  /** not-found (not listed on HKEXnews) or hkexnews-failure. */
  readonly code: AppErrorCode;
}

export interface FetchSummary extends BulkIngestSummary {
  /** Documents the searches listed. */
  readonly listed: number;
  /** Listed, but not monthly returns by headline and title (Next Day Disclosure Returns, say): not downloaded. */
  readonly notMonthlyReturns: readonly PassedOver[];
  /** Monthly returns whose title or first page reports a month outside those asked for: not stored. */
  readonly outsideMonths: readonly PassedOver[];
  /** Codes HKEXnews could not be asked about (not listed there, or the site failed), with the reason. */
  readonly codeProblems: readonly CodeProblem[];
}

/**
 * A return for month M is due within days of M's end, but late filings and resubmissions come later: release dates
 * are searched up to this many months after the last month asked for.
 */
const LATE_MONTHS = 3;

class OutsideMonths extends Error {}

export async function fetchMonthlyReturns(deps: FetchDeps, request: FetchRequest): Promise<FetchSummary> {
  const clock = deps.clock ?? (() => performance.now());
  const started = clock();
  const notMonthlyReturns: PassedOver[] = [];
  const outsideMonths: PassedOver[] = [];
  const codeProblems: CodeProblem[] = [];
  const wanted: PassedOver[] = [];
  let listed = 0;

  for (const stockCode of request.stockCodes) {
    if (deps.signal?.aborted) break;
    try {
      const documents = await listDocuments(deps, stockCode, request);
      listed += documents.length;
      for (const document of documents) {
        const item = { stockCode, document };
        if (!isMonthlyReturnListing(document)) notMonthlyReturns.push(item);
        else if (!inMonths(reportMonthOfTitle(document.title), request, true)) outsideMonths.push(item);
        else wanted.push(item);
      }
    } catch (error) {
      if (!isAppError(error)) throw error;
      codeProblems.push({ stockCode, message: error.message, code: error.code });
    }
  }

  // Oldest first, so that a resubmission is read after what it replaces, as it would be shared.
  wanted.sort((a, b) => a.document.releasedAt.localeCompare(b.document.releasedAt));
  deps.onStart?.(wanted.length);
  const outcomes: FileOutcome[] = [];
  for (const item of wanted) {
    if (deps.signal?.aborted) break;
    const outcome = await fetchOne(deps, item, request);
    if (outcome === 'outside') {
      outsideMonths.push(item);
      continue;
    }
    outcomes.push(outcome);
    deps.onOutcome?.(outcome, outcomes.length, wanted.length);
  }

  return {
    found: { files: wanted.map((item) => item.document.url), skipped: [], missing: [] },
    outcomes,
    interrupted: deps.signal?.aborted === true,
    elapsedMs: clock() - started,
    listed,
    notMonthlyReturns,
    outsideMonths,
    codeProblems,
  };
}

async function listDocuments(
  deps: FetchDeps,
  stockCode: StockCode,
  request: FetchRequest,
): Promise<HkexnewsDocument[]> {
  const stock = await deps.client.findStock(stockCode);
  if (!stock) throw new AppError('not-found', `${stockCode} is not listed on HKEXnews`, { stockCode });
  const today = deps.now().toISOString().slice(0, 10);
  const lastRelease = lastDayOf(addMonths(request.until, LATE_MONTHS));
  return deps.client.searchDocuments({
    stockId: stock.stockId,
    from: `${request.since}-01`,
    to: lastRelease < today ? lastRelease : today,
    category: 'monthlyReturns',
  });
}

async function fetchOne(
  deps: FetchDeps,
  { stockCode, document }: PassedOver,
  request: FetchRequest,
): Promise<FileOutcome | 'outside'> {
  const file = document.url;
  const alreadyHeld = async () => {
    const held = await heldDocument(deps.store, stockCode, document);
    return held ? savedOutcome(file, { status: 'already-held', stored: held, match: 'same-file' }) : null;
  };
  const held = await alreadyHeld();
  if (held) return held;
  // Another process on the store may be fetching the same document: it is downloaded by one, and the others find it
  // stored once that one is done (or take it over if that one died).
  return runClaimed(
    deps.store.fetchClaims,
    documentClaimKey(document.url),
    async () => (await alreadyHeld()) ?? downloadAndStore(deps, document, request),
  );
}

/** The claim on downloading one HKEXnews document. */
export function documentClaimKey(url: string): string {
  return `hkexnews-document ${url}`;
}

async function downloadAndStore(
  deps: FetchDeps,
  document: HkexnewsDocument,
  request: FetchRequest,
): Promise<FileOutcome | 'outside'> {
  const file = document.url;
  const read: typeof readFiling = async (bytes, options) => {
    const parsed = await (deps.read ?? readFiling)(bytes, options);
    if (!inMonths(reportMonthOf(parsed.monthlyReturn), request, false)) throw new OutsideMonths();
    return parsed;
  };
  try {
    const bytes = await deps.client.download(document.url);
    const result = await ingestFiling(
      { store: deps.store, now: deps.now, limits: deps.limits, read },
      {
        bytes,
        fileName: file.split('/').at(-1) ?? file,
        source: {
          kind: 'hkexnews',
          newsId: document.newsId,
          url: document.url,
          title: document.title,
          releasedAt: document.releasedAt,
        },
      },
    );
    return savedOutcome(file, result);
  } catch (error) {
    if (error instanceof OutsideMonths) return 'outside';
    return failedOutcome(file, error);
  }
}

/** The return stored from this very HKEXnews document, found without downloading it again. */
async function heldDocument(
  store: FilingStore,
  stockCode: StockCode,
  document: HkexnewsDocument,
): Promise<StoredReturn | null> {
  const month = reportMonthOfTitle(document.title);
  const months = month ? [month] : await store.monthsHeld(stockCode);
  for (const held of months) {
    for (const stored of await store.submissions(stockCode, held)) {
      const listing = hkexnewsListingOf(stored);
      if (listing && (listing.newsId === document.newsId || listing.url === document.url)) return stored;
    }
  }
  return null;
}

/** Whether a month is among those asked for; an unknown month counts as in when `unknownIsIn`. */
function inMonths(month: ReportMonth | null, request: FetchRequest, unknownIsIn: boolean): boolean {
  if (month === null) return unknownIsIn;
  if (request.months && !request.months.includes(month)) return false;
  return month >= request.since && month <= request.until;
}

export function addMonths(month: ReportMonth, count: number): ReportMonth {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, monthNumber - 1 + count, 1));
  return date.toISOString().slice(0, 7);
}

function lastDayOf(month: ReportMonth): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

/** The twelve months before the current one (the default of `hkex-shares fetch`). */
export function lastTwelveMonths(now: Date): { since: ReportMonth; until: ReportMonth } {
  const until = addMonths(now.toISOString().slice(0, 7), -1);
  return { since: addMonths(until, -11), until };
}
