/**
 * Month by month, the issued shares of each class of a stock and their change against the month held before: the
 * model behind `/shares 00020 history`. Built by services/share-history.ts, drawn by format/share-history.ts.
 */
import type { ComparedWith } from '../domain/compare-with-previous.js';
import type { ReportMonth } from '../domain/monthly-return.js';
import type { StockCode } from '../domain/stock-code.js';

export interface HistoryClassRow {
  /** How the class is named to a reader. */
  readonly label: string;
  readonly stockCode: StockCode | null;
  readonly issued: number | null;
  readonly treasury: number | null;
  /** Against the month held before, or the return's own preceding balance (`comparedWith`); null where unknown. */
  readonly change: number | null;
  readonly comparedWith: ComparedWith;
}

export interface HistoryMonth {
  readonly month: ReportMonth;
  readonly dateSubmitted: string | null;
  readonly classes: readonly HistoryClassRow[];
  /** The parser's flags and any continuity break with the month before. */
  readonly flagCount: number;
  /** It replaced an earlier submission for this month that is held (`isResubmission`). */
  readonly resubmitted: boolean;
}

export interface ShareHistory {
  readonly stockCode: StockCode;
  readonly issuerName: string;
  /** Newest first. */
  readonly months: readonly HistoryMonth[];
  /** Months held beyond those shown. */
  readonly olderMonthsHeld: number;
  /** Months whose return the store found damaged, newest first: left out of `months`. */
  readonly damagedMonths: readonly ReportMonth[];
}
