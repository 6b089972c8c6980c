/**
 * A code's history as rows for a spreadsheet (view-models/history-export.ts): every month held (or those of a range),
 * each read whole from the store, since the options outstanding (part III(A)) and the provenance are not in the
 * history file.
 */
import { flagsAgainstPrevious } from '../domain/check-continuity.js';
import { isResubmission } from '../domain/compare-with-previous.js';
import { matchShareClass, shareClassLabel } from '../domain/match-share-class.js';
import { isInMonthRange, type MonthRange } from '../domain/month-range.js';
import type { IssuedShareClass, MonthlyReturn } from '../domain/monthly-return.js';
import type { StockCode } from '../domain/stock-code.js';
import type { HistoryEntry, ProvenanceSource, StoredReturn } from '../domain/stored-return.js';
import type { FilingStore } from '../store/filing-store.js';
import type { HistoryExport, HistoryExportRow } from '../view-models/history-export.js';

/** The options outstanding at close under the schemes of the class's group in III(A); null where it has none. */
function optionsOutstanding(shareClass: IssuedShareClass, monthlyReturn: MonthlyReturn): number | null {
  const options = monthlyReturn.detailsOfMovements.shareOptions;
  if (options.notApplicable) return null;
  const group = matchShareClass(shareClass, options.classes);
  const closings = (group?.items ?? []).map((scheme) => scheme.outstandingClosing).filter((n) => n !== null);
  return closings.length === 0 ? null : closings.reduce((sum, n) => sum + n, 0);
}

export function describeSource(source: ProvenanceSource): string {
  switch (source.kind) {
    case 'slack':
      return source.permalink ?? source.fileName;
    case 'path':
      return source.path;
    case 'hkexnews':
      return source.url;
  }
}

export function rowsOfReturn(stored: StoredReturn, before: HistoryEntry | null): HistoryExportRow[] {
  const flags = [...new Set(flagsAgainstPrevious(stored, before).map((flag) => flag.code))];
  return stored.monthlyReturn.issuedShares.classes.map((shareClass) => ({
    month: stored.reportMonth,
    class: shareClassLabel(shareClass),
    stockCode: shareClass.stockCode,
    otherExchangeCode: shareClass.otherExchangeCode ?? null,
    preceding: shareClass.issuedShares.preceding,
    movement: shareClass.issuedShares.movement,
    closing: shareClass.issuedShares.closing,
    treasury: shareClass.treasuryShares?.closing ?? null,
    total: shareClass.totalIssuedShares?.closing ?? null,
    optionsOutstanding: optionsOutstanding(shareClass, stored.monthlyReturn),
    flags,
    resubmitted: isResubmission(stored),
    dateSubmitted: stored.monthlyReturn.dateSubmitted,
    source: describeSource(stored.provenance.source),
  }));
}

/** Null when nothing is held for the code. */
export async function buildHistoryExport(
  store: FilingStore,
  stockCode: StockCode,
  options: { range?: MonthRange | null } = {},
): Promise<HistoryExport | null> {
  const range = options.range ?? null;
  const held = await store.history(stockCode);
  const newest = held[0];
  if (!newest) return null;
  const rows: HistoryExportRow[] = [];
  // Oldest first; each month's continuity is checked against the month held before it, in the range or not.
  for (let index = held.length - 1; index >= 0; index--) {
    const entry = held[index] as HistoryEntry;
    if (!isInMonthRange(entry.reportMonth, range)) continue;
    const stored = await store.forMonth(stockCode, entry.reportMonth);
    if (stored) rows.push(...rowsOfReturn(stored, held[index + 1] ?? null));
  }
  return {
    stockCode,
    issuerName: newest.monthlyReturn.issuerName,
    range,
    rows,
    damagedMonths: (await store.damagedMonths(stockCode)).map((damaged) => damaged.reportMonth),
  };
}
