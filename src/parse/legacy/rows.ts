/**
 * Tables whose rows are named by a label in the left column ("Balance at close of preceding month",
 * "Increase/(decrease)", "Balance at close of the month"). A label may wrap over two lines and its figures sit on
 * either, so a row is the band from its label down to the next row's label.
 */
import { type Line, lineAt, type PlacedItem } from '../layout/lines.js';
import { type Column, cellsByColumn } from './columns.js';

export interface RowRule<R extends string> {
  readonly key: R;
  readonly label: RegExp;
}

/** A row's band starts this far above its label: Word sets figures a point or two higher than the label. */
const ROW_LEAD = 3;

/**
 * The figures of each row, by column. Rows are found in order: each rule is looked for below the previous row's
 * label, so that "Balance at close of" matches the preceding-month row first and the closing row after it.
 */
export function readRows<R extends string, K extends string>(
  lines: readonly Line[],
  items: readonly PlacedItem[],
  rows: readonly RowRule<R>[],
  columns: readonly Column<K>[],
  end: number,
): Map<R, Map<K, PlacedItem[]>> {
  const found: { key: R; pos: number }[] = [];
  let from = 0;
  for (const row of rows) {
    const index = lines.findIndex((line, i) => i >= from && row.label.test(line.text));
    if (index < 0) continue;
    found.push({ key: row.key, pos: lineAt(lines, index).pos });
    from = index + 1;
  }
  const result = new Map<R, Map<K, PlacedItem[]>>();
  const firstColumn = columns[0];
  found.forEach((row, i) => {
    const top = row.pos - ROW_LEAD;
    const bottom = (found[i + 1]?.pos ?? end + ROW_LEAD) - ROW_LEAD;
    const figures = items.filter(
      (item) => item.pos >= top && item.pos < bottom && firstColumn !== undefined && item.right > firstColumn.left - 12,
    );
    result.set(row.key, cellsByColumn(figures, columns));
  });
  return result;
}

export function cellText(cells: Map<string, PlacedItem[]> | undefined, key: string): string {
  const items = cells?.get(key) ?? [];
  return items
    .map((item) => item.text.trim())
    .join(' ')
    .trim();
}
