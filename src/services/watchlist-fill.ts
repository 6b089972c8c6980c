/**
 * Watchlists fill themselves: the month's returns of every code a digest watches, fetched from HKEXnews, so that
 * the digest reports who filed from the site itself rather than from what someone happened to share. Only codes
 * without a return for the month are asked about; once every watched code has one, a fill asks the site nothing.
 */
import type { ReportMonth } from '../domain/monthly-return.js';
import type { StockCode } from '../domain/stock-code.js';
import { type KeptWatchlistFill, KeptWatchlistFillSchema, type WatchlistFill } from '../domain/watchlist-fill.js';
import type { FilingStore } from '../store/filing-store.js';
import { runClaimed } from './claimed-work.js';
import { type FetchDeps, fetchMonthlyReturns } from './fetch-returns.js';

export type { WatchlistFill };

export type WatchlistFillDeps = Pick<FetchDeps, 'store' | 'client' | 'now' | 'limits' | 'read'>;

/** Every code watched by a list whose digest is on, once each, sorted. */
export async function watchedCodes(store: FilingStore): Promise<StockCode[]> {
  const codes = new Set<StockCode>();
  for (const list of await store.listWatchlists()) {
    if (list.digestEnabled) for (const code of list.stockCodes) codes.add(code);
  }
  return [...codes].sort();
}

/**
 * Every process on the store runs a digest scheduler, and each wakes at DIGEST_TIME to fill the same month: one
 * fills, the others take its result, so that HKEXnews is asked about each code once. A fill done this recently
 * answers for another process's (schedulers wake together; a restart an hour later fills again).
 */
const FILL_SHARED_FOR_MS = 10 * 60_000;

/** The claim on filling one month's watched codes from HKEXnews. */
export function fillClaimKey(month: ReportMonth): string {
  return `hkexnews-fill ${month}`;
}

export async function fillWatchlists(deps: WatchlistFillDeps, month: ReportMonth): Promise<WatchlistFill> {
  return runClaimed(deps.store.fetchClaims, fillClaimKey(month), () => fillNow(deps, month), {
    toRecord: (fill): KeptWatchlistFill => ({ filledAt: deps.now().toISOString(), fill }),
    fromRecord: (record) => {
      const kept = KeptWatchlistFillSchema.safeParse(record);
      if (!kept.success || kept.data.fill.month !== month) return null;
      const age = deps.now().getTime() - Date.parse(kept.data.filledAt);
      return age >= 0 && age < FILL_SHARED_FOR_MS ? kept.data.fill : null;
    },
  });
}

async function fillNow(deps: WatchlistFillDeps, month: ReportMonth): Promise<WatchlistFill> {
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
