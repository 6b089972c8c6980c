/**
 * A code's history as a plain-text table for a terminal (`hkex-shares history CODE`): the rows of the Slack table,
 * figures aligned right, with the notes on damaged months below.
 */
import { describeMonthRange } from '../domain/month-range.js';
import type { ShareHistory } from '../view-models/share-history.js';
import { historyTableRows } from './share-history.js';

/** Columns read as figures, aligned right: Issued, Change, and Treasury and Total where shown. */
function isFigureColumn(index: number, columns: number): boolean {
  return index >= 2 && index < columns - 1;
}

export function renderShareHistoryText(history: ShareHistory): string {
  const { rows } = historyTableRows(history);
  const columns = rows[0]?.length ?? 0;
  const widths = Array.from({ length: columns }, (_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
  const lines = rows.map((row) =>
    row
      .map((text, i) => (isFigureColumn(i, columns) ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
  const span = history.range ? `, ${describeMonthRange(history.range)}` : '';
  const out = [`${history.issuerName} (${history.stockCode}) · issued shares by month${span}`, '', ...lines];
  if (history.months.length === 0) out.push('(no month held in this range)');
  if (history.olderMonthsHeld > 0) out.push(`+${history.olderMonthsHeld} earlier months held`);
  if (history.damagedMonths.length > 0) {
    out.push(`Left out, damaged in the store (read their filings again): ${history.damagedMonths.join(', ')}`);
  }
  return out.join('\n');
}
