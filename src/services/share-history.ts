/**
 * Month by month, the issued shares of each class of a stock and the change from the month held before it: the
 * model (view-models/share-history.ts) behind `/shares 00020 history`.
 */
import { flagsWithContinuity } from '../domain/check-continuity.js';
import { type ClassComparison, compareClassesWithPrevious, isResubmission } from '../domain/compare-with-previous.js';
import { isFault } from '../domain/flag.js';
import type { StockCode } from '../domain/stock-code.js';
import type { FilingStore } from '../store/filing-store.js';
import type { HistoryClassRow, ShareHistory } from '../view-models/share-history.js';

function classRow(comparison: ClassComparison): HistoryClassRow {
  return {
    label: comparison.label,
    stockCode: comparison.shareClass.stockCode,
    issued: comparison.closing,
    treasury: comparison.treasuryClosing,
    change: comparison.change,
    comparedWith: comparison.comparedWith,
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
        classes: compareClassesWithPrevious(stored, before ?? null).map(classRow),
        flagCount: flagsWithContinuity(stored, before ?? null).filter(isFault).length,
        resubmitted: isResubmission(stored),
      };
    }),
    olderMonthsHeld: all - shown.length,
    damagedMonths: (await store.damagedMonths(stockCode)).map((damaged) => damaged.reportMonth),
  };
}
