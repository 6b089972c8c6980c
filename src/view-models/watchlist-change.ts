/** What a watch or unwatch command changed, as a model: made by services/watchlist-changes.ts, drawn by format/. */
import type { ReportMonth } from '../domain/monthly-return.js';
import type { StockCode } from '../domain/stock-code.js';
import type { Watchlist } from '../domain/stored-return.js';

/** Enough for a sector or a portfolio; a digest of more would be a list nobody reads. */
export const MAX_WATCHED_CODES = 100;

export interface WatchedCode {
  readonly stockCode: StockCode;
  /** From the latest return held; null when none is held. */
  readonly issuerName: string | null;
  readonly latestMonth: ReportMonth | null;
}

export interface WatchChange {
  readonly watchlist: Watchlist;
  readonly added: readonly WatchedCode[];
  readonly alreadyWatched: readonly StockCode[];
  /** Valid codes left out because the list is full. */
  readonly overLimit: readonly StockCode[];
  readonly malformed: readonly string[];
}

export interface UnwatchChange {
  readonly watchlist: Watchlist | null;
  readonly removed: readonly StockCode[];
  readonly notWatched: readonly StockCode[];
  readonly malformed: readonly string[];
}

export interface NextDigest {
  readonly month: ReportMonth;
  /** The filing deadline, on which the digest goes out. */
  readonly deadline: string;
  readonly timeOfDay: string;
  readonly timeZone: string;
}
