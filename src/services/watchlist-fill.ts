/**
 * Watchlists fill themselves: the month's returns of every code a digest watches, fetched from HKEXnews, so that
 * the digest reports who filed from the site itself rather than from what someone happened to share. Only codes
 * without a return for the month are asked about; once every watched code has one, a fill asks the site nothing.
 */
import type { ReportMonth } from '../domain/monthly-return.js';
import type { StockCode } from '../domain/stock-code.js';
import type { FilingStore } from '../store/filing-store.js';
import { type FetchDeps, fetchMonthlyReturns } from './fetch-returns.js';

export type WatchlistFillDeps = Pick<FetchDeps, 'store' | 'client' | 'now' | 'limits' | 'read'>;

export interface WatchlistFill {
  readonly month: ReportMonth;
  /** Codes HKEXnews was asked about and answered for: a code among them still without a return has not filed. */
  readonly checked: readonly StockCode[];
  /** Codes whose return for the month was stored by this fill. */
  readonly found: readonly StockCode[];
  /** Codes the site could not be asked about, with why (not listed there, or the site failed). */
  readonly problems: readonly { readonly stockCode: StockCode; readonly message: string }[];
}

/** Every code watched by a list whose digest is on, once each, sorted. */
export async function watchedCodes(store: FilingStore): Promise<StockCode[]> {
  const codes = new Set<StockCode>();
  for (const list of await store.listWatchlists()) {
    if (list.digestEnabled) for (const code of list.stockCodes) codes.add(code);
  }
  return [...codes].sort();
}

export async function fillWatchlists(deps: WatchlistFillDeps, month: ReportMonth): Promise<WatchlistFill> {
  const { store } = deps;
  const missing: StockCode[] = [];
  for (const code of await watchedCodes(store)) {
    if (!(await store.forMonth(code, month))) missing.push(code);
  }
  if (missing.length === 0) return { month, checked: [], found: [], problems: [] };
  const summary = await fetchMonthlyReturns(deps, { stockCodes: missing, since: month, until: month });
  const problems = summary.codeProblems.map(({ stockCode, message }) => ({ stockCode, message }));
  const failed = new Set(problems.map((problem) => problem.stockCode));
  const found: StockCode[] = [];
  for (const code of missing) if (await store.forMonth(code, month)) found.push(code);
  // A listed document that could not be fetched or kept may be the missing return: no code without one is then
  // known not to have filed.
  const unfetched = summary.outcomes.some((outcome) => outcome.kind === 'failed' || outcome.kind === 'unreadable');
  const checked = missing.filter((code) => !failed.has(code) && (found.includes(code) || !unfetched));
  return { month, checked, found, problems };
}
