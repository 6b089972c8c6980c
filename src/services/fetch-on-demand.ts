/**
 * `/shares CODE` (or `CODE YYYY-MM`) for a code with nothing held: the return is looked up on HKEXnews before the
 * answer. For the latest, the returns of the last three months are fetched (a return is often filed a few days into
 * the month after next); for a month, that month's; for `CODE history`, the months of the last twelve not held.
 * What HKEXnews cannot give is said as HKEXnews's failure.
 */
import { AppError } from '../domain/errors.js';
import type { ReportMonth } from '../domain/monthly-return.js';
import type { SharesQuery } from '../domain/shares-query.js';
import type { StockCode } from '../domain/stock-code.js';
import type { HkexnewsClient } from '../hkexnews/hkexnews-client.js';
import type { ExtractLimits } from '../pdf/extract-text.js';
import type { FilingStore } from '../store/filing-store.js';
import { addMonths, type FetchSummary, fetchMonthlyReturns, lastTwelveMonths } from './fetch-returns.js';
import type { readFiling } from './read-filing.js';

export interface OnDemandDeps {
  readonly store: FilingStore;
  readonly client: HkexnewsClient;
  readonly now: () => Date;
  readonly limits?: ExtractLimits;
  readonly read?: typeof readFiling;
}

export interface LookUp {
  readonly stockCode: StockCode;
  /** The months to fetch, those the returns report. */
  readonly since: ReportMonth;
  readonly until: ReportMonth;
  /** Say "Looking up … on HKEXnews…" first (a card); a history is filled quietly and answered once. */
  readonly announce: boolean;
  /** Only these months of the span (a history's missing ones): a month held already is not downloaded again. */
  readonly months?: readonly ReportMonth[];
}

/** How many months back `/shares CODE history` fills from HKEXnews (`history fetch N` for N). */
export const HISTORY_MONTHS = 12;

/**
 * The look-up a question needs: a card asked for by code, for a code (or month) the store does not hold; or a
 * history asked for by code, with months of the last twelve missing.
 */
export async function lookUpNeeded(store: FilingStore, query: SharesQuery, now: Date): Promise<LookUp | null> {
  if (query.kind !== 'latest' && query.kind !== 'month' && query.kind !== 'history') return null;
  if (query.issuer.kind !== 'code') return null;
  const stockCode = query.issuer.code;
  const { until } = lastTwelveMonths(now);
  if (query.kind === 'month') {
    if (await store.forMonth(stockCode, query.month)) return null;
    return { stockCode, since: query.month, until: query.month, announce: true };
  }
  if (query.kind === 'latest') {
    if (await store.latest(stockCode)) return null;
    return { stockCode, since: addMonths(until, -2), until, announce: true };
  }
  const held = new Set(await store.monthsHeld(stockCode));
  const count = query.fetchMonths ?? HISTORY_MONTHS;
  const missing = Array.from({ length: count }, (_, i) => addMonths(until, -i)).filter((m) => !held.has(m));
  if (missing.length === 0) return null;
  const since = missing.at(-1) as ReportMonth;
  return { stockCode, since, until: missing[0] as ReportMonth, announce: false, months: missing };
}

/** Fetches what the look-up asks for; throws hkexnews-failure when the site failed (a code it does not list is not). */
export async function lookUpOnHkexnews(deps: OnDemandDeps, lookUp: LookUp): Promise<FetchSummary> {
  const { stockCode, since, until, months } = lookUp;
  const summary = await fetchMonthlyReturns(deps, { stockCodes: [stockCode], since, until, months });
  const failure = summary.codeProblems.find((problem) => problem.code === 'hkexnews-failure');
  if (failure) throw new AppError('hkexnews-failure', failure.message, { stockCode: lookUp.stockCode });
  const unread = summary.outcomes.find((outcome) => outcome.kind === 'unreadable' || outcome.kind === 'failed');
  const stored = summary.outcomes.some((outcome) => outcome.kind === 'saved');
  if (unread && !stored) {
    throw new AppError(
      'hkexnews-failure',
      unread.kind === 'unreadable' ? unread.message : `${unread.file}: ${unread.message}`,
      {
        stockCode: lookUp.stockCode,
      },
    );
  }
  return summary;
}
