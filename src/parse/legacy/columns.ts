/**
 * Table columns of the pre-2021 form, found from their headings. A heading is several short lines stacked in one
 * cell ("No. of new / shares of / issuer issued / during the / month ..."), and a blank cell prints nothing, so
 * figures are matched to columns by x position, never by their order on the line.
 */
import { containsCjk, type PlacedItem } from '../layout/lines.js';
import { centre, joinItems } from './layout.js';

export interface Column<K extends string> {
  readonly key: K;
  readonly left: number;
  readonly right: number;
  /** The heading as printed, joined top to bottom. */
  readonly heading: string;
}

/** How each column of a table is recognised: the first rule whose pattern matches a heading names that column. */
export type ColumnRules<K extends string> = readonly { readonly key: K; readonly pattern: RegExp }[];

/**
 * Groups heading items into columns (items whose x ranges overlap belong to one cell) and names them by the rules.
 * A heading that spans several columns ("Movement during the month", "No. of ordinary shares" over (1) and (2)) is
 * kept aside and prefixed to the headings below it, so that "(1)" reads "No. of ordinary shares (1)".
 */
export function findColumns<K extends string>(headingItems: readonly PlacedItem[], rules: ColumnRules<K>): Column<K>[] {
  const cells: PlacedItem[][] = [];
  const spanning: PlacedItem[] = [];
  // A bracket set as an item of its own (the Chinese "（港元" + ")") would join two columns' cells into one heading.
  const worded = headingItems.filter((item) => /[\p{L}\p{N}]/u.test(item.text));
  const byWidth = [...worded].sort((a, b) => a.width - b.width);
  for (const item of byWidth) {
    const touching = cells.filter((cell) => cell.some((other) => overlaps(item, other)));
    if (touching.length === 0) cells.push([item]);
    else if (touching.length === 1) touching[0]?.push(item);
    else spanning.push(item);
  }
  const columns: Column<K>[] = [];
  for (const cell of cells) {
    const left = Math.min(...cell.map((item) => item.x));
    const right = Math.max(...cell.map((item) => item.right));
    const above = spanning.filter((item) => item.x <= right && item.right >= left);
    const heading = [...above, ...cell]
      .sort((a, b) => a.pos - b.pos || a.x - b.x)
      .map((item) => joinItems([item]))
      .join(' ');
    // Chinese headings wrap anywhere inside a word ("本月底因此可 / 能發行的發行"): they are matched without spaces.
    const matched = containsCjk(heading) ? heading.replace(/\s+/g, '') : heading;
    const rule = rules.find((candidate) => candidate.pattern.test(matched));
    if (rule && !columns.some((column) => column.key === rule.key)) {
      columns.push({ key: rule.key, left, right, heading });
    }
  }
  return columns.sort((a, b) => a.left - b.left);
}

function overlaps(a: PlacedItem, b: PlacedItem): boolean {
  return a.x < b.right - 1 && b.x < a.right - 1;
}

/**
 * The column a figure belongs to: the one its x range overlaps most, else the nearest by centre. Undefined when it
 * lies left of every column by more than `slack` (it is then a label, not a figure).
 */
export function columnOf<K extends string>(
  item: Pick<PlacedItem, 'x' | 'right'>,
  columns: readonly Column<K>[],
  slack = 12,
): Column<K> | undefined {
  const first = columns[0];
  if (!first || item.right < first.left - slack) return undefined;
  let best: Column<K> | undefined;
  let bestOverlap = 0;
  for (const column of columns) {
    const overlap = Math.min(item.right, column.right) - Math.max(item.x, column.left);
    if (overlap > bestOverlap) {
      best = column;
      bestOverlap = overlap;
    }
  }
  if (best) return best;
  const middle = centre(item);
  return [...columns].sort(
    (a, b) =>
      Math.abs(centre({ x: a.left, right: a.right }) - middle) -
      Math.abs(centre({ x: b.left, right: b.right }) - middle),
  )[0];
}

/** Figures of one row (or block) by column: the texts of the items that fall in each column, top to bottom. */
export function cellsByColumn<K extends string>(
  items: readonly PlacedItem[],
  columns: readonly Column<K>[],
  slack?: number,
): Map<K, PlacedItem[]> {
  const cells = new Map<K, PlacedItem[]>();
  for (const item of items) {
    const column = columnOf(item, columns, slack);
    if (!column) continue;
    const cell = cells.get(column.key) ?? [];
    cell.push(item);
    cells.set(column.key, cell);
  }
  return cells;
}
