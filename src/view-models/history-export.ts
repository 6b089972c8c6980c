/**
 * A code's history as rows for a spreadsheet: one row per month and class, the figures of part II as printed, with
 * the options outstanding under the class's schemes (part III(A)), the flags, and where the return came from. Built by
 * services/history-export.ts; written as CSV or JSON by format/history-export.ts.
 */
import type { MonthRange } from '../domain/month-range.js';
import type { ReportMonth } from '../domain/monthly-return.js';
import type { OtherExchangeCode, StockCode } from '../domain/stock-code.js';

export interface HistoryExportRow {
  readonly month: ReportMonth;
  /** How the class is named to a reader ("Class B ordinary shares"). */
  readonly class: string;
  /** The class's own listed code; null for an unlisted class. */
  readonly stockCode: StockCode | null;
  /** The code another exchange lists the class under, where the form prints one (an A share's SSE 601338). */
  readonly otherExchangeCode: OtherExchangeCode | null;
  /** Issued shares (excluding treasury shares on v1.1+ forms): balance at close of the preceding month, as printed. */
  readonly preceding: number | null;
  readonly movement: number | null;
  readonly closing: number | null;
  /** v1.1+: treasury shares at close of the month. */
  readonly treasury: number | null;
  /** v1.1+: total number of issued shares at close of the month. */
  readonly total: number | null;
  /** Options outstanding at close of the month under the class's share option schemes; null where it has none. */
  readonly optionsOutstanding: number | null;
  /** The codes of the flags raised for the month (the continuity with the month before included). */
  readonly flags: readonly string[];
  /** It replaced an earlier submission for its month that is held. */
  readonly resubmitted: boolean;
  readonly dateSubmitted: string | null;
  /** Where the return was read from: a Slack file's name, a path, or an HKEXnews link. */
  readonly source: string;
}

export interface HistoryExport {
  readonly stockCode: StockCode;
  readonly issuerName: string;
  readonly range: MonthRange | null;
  /** Oldest month first, as a spreadsheet reads; within a month, the classes as printed. */
  readonly rows: readonly HistoryExportRow[];
  /** Months whose return the store found damaged: left out of `rows`. */
  readonly damagedMonths: readonly ReportMonth[];
}
