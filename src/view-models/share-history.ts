/**
 * Month by month, the issued shares of each class of a stock and their change against the month held before: the
 * model behind `/shares 00020 history`. Built by services/share-history.ts, drawn by format/share-history.ts.
 */
import type { ComparedWith } from '../domain/compare-with-previous.js';
import type { MonthRange } from '../domain/month-range.js';
import type { ReportMonth } from '../domain/monthly-return.js';
import type { OtherExchangeCode, StockCode } from '../domain/stock-code.js';

export interface HistoryClassRow {
  /** How the class is named to a reader. */
  readonly label: string;
  readonly stockCode: StockCode | null;
  /** The code another exchange lists the class under, where the form prints one (an A share's SSE 601338). */
  readonly otherExchangeCode: OtherExchangeCode | null;
  readonly issued: number | null;
  /** v1.1+: treasury shares at close of the month; null on forms without the column. */
  readonly treasury: number | null;
  /** v1.1+: "Total number of issued shares" at close of the month; null on forms without the column. */
  readonly total: number | null;
  /** Against the month held before, or the return's own preceding balance (`comparedWith`); null where unknown. */
  readonly change: number | null;
  readonly comparedWith: ComparedWith;
}

export interface HistoryMonth {
  readonly month: ReportMonth;
  readonly dateSubmitted: string | null;
  /** The form has treasury and total columns (v1.1+). */
  readonly hasTreasuryColumns: boolean;
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
  /** The months asked for, or null for the latest months. */
  readonly range: MonthRange | null;
  /** Months held before those shown (older than the range, where one was asked for). */
  readonly olderMonthsHeld: number;
  /** Months whose return the store found damaged, newest first: left out of `months`. */
  readonly damagedMonths: readonly ReportMonth[];
}
