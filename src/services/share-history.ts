/**
 * Month by month, the issued shares of each class of a stock and the change from the month held before it: the
 * model behind `/shares 00020 history`.
 */
import type { IssuedShareClass, ReportMonth } from '../domain/monthly-return.js';
import type { StockCode } from '../domain/stock-code.js';
import type { HistoryEntry } from '../domain/stored-return.js';
import type { FilingStore } from '../store/filing-store.js';
import { flagsWithContinuity } from './check-continuity.js';
import { matchShareClass, shareClassLabel } from './match-share-class.js';

export interface HistoryClassRow {
  /** How the class is named to a reader. */
  readonly label: string;
  readonly stockCode: StockCode | null;
  readonly issued: number | null;
  readonly treasury: number | null;
  /** Against the month held before; null for the oldest month held or where the class has no match. */
  readonly change: number | null;
}

export interface HistoryMonth {
  readonly month: ReportMonth;
  readonly dateSubmitted: string | null;
  readonly classes: readonly HistoryClassRow[];
  /** The parser's flags and any continuity break with the month before. */
  readonly flagCount: number;
  /** An earlier submission for this month is held and was replaced. */
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

function classRow(shareClass: IssuedShareClass, before: HistoryEntry | undefined): HistoryClassRow {
  const match = before ? matchShareClass(shareClass, before.monthlyReturn.issuedShares.classes) : null;
  const issued = shareClass.issuedShares.closing;
  const previous = match?.issuedShares.closing ?? null;
  return {
    label: shareClassLabel(shareClass),
    stockCode: shareClass.stockCode,
    issued,
    treasury: shareClass.treasuryShares?.closing ?? null,
    change: issued !== null && previous !== null ? issued - previous : null,
  };
}

/** Null when nothing is held for the code. */
export async function buildShareHistory(
  store: FilingStore,
  stockCode: StockCode,
  options: { months?: number } = {},
): Promise<ShareHistory | null> {
  const months = options.months ?? 24;
  // One more than shown, so that the oldest month shown still has its change.
  const held = await store.history(stockCode, { limit: months + 1 });
  const newest = held[0];
  if (!newest) return null;
  const shown = held.slice(0, months);
  const all = held.length > months ? (await store.monthsHeld(stockCode)).length : held.length;
  return {
    stockCode,
    issuerName: newest.monthlyReturn.issuerName,
    months: shown.map((stored, index) => {
      const before = held[index + 1];
      return {
        month: stored.reportMonth,
        dateSubmitted: stored.monthlyReturn.dateSubmitted,
        classes: stored.monthlyReturn.issuedShares.classes.map((c) => classRow(c, before)),
        flagCount: flagsWithContinuity(stored, before ?? null).length,
        resubmitted: stored.supersedes !== null,
      };
    }),
    olderMonthsHeld: all - shown.length,
    damagedMonths: (await store.damagedMonths(stockCode)).map((damaged) => damaged.reportMonth),
  };
}
