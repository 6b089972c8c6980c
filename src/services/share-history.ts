/**
 * Month by month, the issued shares of each class of a stock and the change from the month held before it: the
 * model (view-models/share-history.ts) behind `/shares 00020 history`.
 */
import { flagsAgainstPrevious } from '../domain/check-continuity.js';
import { type ClassComparison, compareClassesWithPrevious, isResubmission } from '../domain/compare-with-previous.js';
import { isFault } from '../domain/flag.js';
import { isInMonthRange, type MonthRange } from '../domain/month-range.js';
import type { StockCode } from '../domain/stock-code.js';
import type { FilingStore } from '../store/filing-store.js';
import type { HistoryClassRow, ShareHistory } from '../view-models/share-history.js';

function classRow(comparison: ClassComparison): HistoryClassRow {
  return {
    label: comparison.label,
    stockCode: comparison.shareClass.stockCode,
    otherExchangeCode: comparison.shareClass.otherExchangeCode ?? null,
    issued: comparison.closing,
    treasury: comparison.treasuryClosing,
    total: comparison.shareClass.totalIssuedShares?.closing ?? null,
    change: comparison.change,
    comparedWith: comparison.comparedWith,
  };
}

export interface ShareHistoryOptions {
  /** How many of the latest months, when no range is given; default 24. */
  readonly months?: number;
  /** Every month held in this range, instead of the latest. */
  readonly range?: MonthRange | null;
}

/** Null when nothing is held for the code. */
export async function buildShareHistory(
  store: FilingStore,
  stockCode: StockCode,
  options: ShareHistoryOptions = {},
): Promise<ShareHistory | null> {
  const months = options.months ?? 24;
  const range = options.range ?? null;
  // One more than shown, so that the oldest month shown still has its change; a range reads the whole history.
  const held = await store.history(stockCode, range ? {} : { limit: months + 1 });
  const newest = held[0];
  if (!newest) return null;
  const picked = held
    .map((stored, index) => ({ stored, index }))
    .filter(({ stored }) => isInMonthRange(stored.reportMonth, range));
  const shown = range ? picked : picked.slice(0, months);
  const all = !range && held.length > months ? (await store.monthsHeld(stockCode)).length : held.length;
  const oldestShown = shown.at(-1)?.index ?? -1;
  return {
    stockCode,
    issuerName: newest.monthlyReturn.issuerName,
    range,
    months: shown.map(({ stored, index }) => {
      const before = held[index + 1] ?? null;
      return {
        month: stored.reportMonth,
        dateSubmitted: stored.monthlyReturn.dateSubmitted,
        hasTreasuryColumns: stored.monthlyReturn.issuedShares.hasTreasuryColumns,
        classes: compareClassesWithPrevious(stored, before).map(classRow),
        flagCount: flagsAgainstPrevious(stored, before).filter(isFault).length,
        resubmitted: isResubmission(stored),
      };
    }),
    olderMonthsHeld: shown.length === 0 ? 0 : all - (oldestShown + 1),
    damagedMonths: (await store.damagedMonths(stockCode)).map((damaged) => damaged.reportMonth),
  };
}
