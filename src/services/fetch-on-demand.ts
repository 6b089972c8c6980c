/**
 * `/shares CODE` (or `CODE YYYY-MM`) for a code with nothing held: the return is looked up on HKEXnews before the
 * answer. For the latest, the returns of the last three months are fetched (a return is often filed a few days into
 * the month after next); for a month, that month's. What HKEXnews cannot give is said as HKEXnews's failure.
 */
import { AppError } from '../domain/errors.js';
import type { ReportMonth } from '../domain/monthly-return.js';
import type { StockCode } from '../domain/stock-code.js';
import type { HkexnewsClient } from '../hkexnews/hkexnews-client.js';
import type { ExtractLimits } from '../pdf/extract-text.js';
import type { FilingStore } from '../store/filing-store.js';
import { addMonths, type FetchSummary, fetchMonthlyReturns, lastTwelveMonths } from './fetch-returns.js';
import type { readFiling } from './read-filing.js';
import type { SharesQuery } from './shares-query.js';

export interface OnDemandDeps {
  readonly store: FilingStore;
  readonly client: HkexnewsClient;
  readonly now: () => Date;
  readonly limits?: ExtractLimits;
  readonly read?: typeof readFiling;
}

export interface LookUp {
  readonly stockCode: StockCode;
  readonly month: ReportMonth | null;
}

/** The look-up a question needs: a card asked for by code, for a code (or month) the store does not hold. */
export async function lookUpNeeded(store: FilingStore, query: SharesQuery): Promise<LookUp | null> {
  if ((query.kind !== 'latest' && query.kind !== 'month') || query.issuer.kind !== 'code') return null;
  const stockCode = query.issuer.code;
  if (query.kind === 'month')
    return (await store.forMonth(stockCode, query.month)) ? null : { stockCode, month: query.month };
  return (await store.latest(stockCode)) ? null : { stockCode, month: null };
}

/** Fetches what the look-up asks for; throws hkexnews-failure when the site failed (a code it does not list is not). */
export async function lookUpOnHkexnews(deps: OnDemandDeps, lookUp: LookUp): Promise<FetchSummary> {
  const { until } = lastTwelveMonths(deps.now());
  const months = lookUp.month ? { since: lookUp.month, until: lookUp.month } : { since: addMonths(until, -2), until };
  const summary = await fetchMonthlyReturns(deps, { stockCodes: [lookUp.stockCode], ...months });
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
