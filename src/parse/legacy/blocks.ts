/**
 * The numbered entries of a part III table ("1.", "2.", "3." down the left column). Each entry is a block from its
 * number down to the next number, or to the table's "Total" lines; the template prints empty entries as "N/A".
 */
import type { Line, PlacedItem } from '../layout/lines.js';
import { type Column, type ColumnRules, findColumns } from './columns.js';
import type { LegacyLabels } from './labels.js';
import { centre, groupLines } from './layout.js';
import type { Section } from './sections.js';

export interface Block {
  readonly number: number;
  readonly from: number;
  readonly to: number;
  readonly items: readonly PlacedItem[];
}

/** "1. Share Option Scheme"; the Chinese template sets the number against its text ("1.股份期權計劃"). */
const ENTRY_NUMBER = /^(\d{1,2})\.(\s|$|(?=\p{Script=Han}))/u;

/** The frame shared by the numbered tables of part III (A to D). */
export interface NumberedTable<K extends string> {
  /** Named from the heading rows above the first entry; empty when the heading was not recognised. */
  readonly columns: Column<K>[];
  /** Where the entries start, and where the subtotals ("Total A.") start. */
  readonly from: number;
  readonly to: number;
  /** The section's items without the heading repeated on further pages. */
  readonly items: readonly PlacedItem[];
}

export function readNumberedTable<K extends string>(
  section: Section,
  rules: ColumnRules<K>,
  letter: string,
  lastHeadingLine: RegExp,
  labels: LegacyLabels,
): NumberedTable<K> {
  const firstEntry = section.lines.find((line, i) => i > 0 && ENTRY_NUMBER.test(line.text))?.pos ?? section.from;
  const headingItems = section.items.filter((item) => item.pos > section.from + 8 && item.pos < firstEntry - 1);
  return {
    columns: findColumns(headingItems, rules),
    from: firstEntry,
    to: totalsStart(section.lines, letter, section.to, labels),
    items: withoutRepeatedHeadings(section, lastHeadingLine),
  };
}

/** Blocks of the entries numbered in the left column (left of `leftOf`), between `from` and `to`. */
export function findBlocks(items: readonly PlacedItem[], leftOf: number, from: number, to: number): Block[] {
  const lines = groupLines(items.filter((item) => item.pos >= from && item.pos < to && item.x < leftOf));
  const starts: { number: number; pos: number }[] = [];
  for (const line of lines) {
    const match = ENTRY_NUMBER.exec(line.text);
    if (match) starts.push({ number: Number(match[1]), pos: line.pos - 1 });
  }
  return starts.map((start, i) => {
    const end = starts[i + 1]?.pos ?? to;
    return {
      number: start.number,
      from: start.pos,
      to: end,
      items: items.filter((item) => item.pos >= start.pos && item.pos < end),
    };
  });
}

/**
 * The items of a table without the heading Word repeats at the top of each further page a long table runs onto:
 * on every page after the table's first, what lies above the first line matching `lastHeadingLine` is dropped.
 */
function withoutRepeatedHeadings(section: Section, lastHeadingLine: RegExp): PlacedItem[] {
  const firstPage = section.items[0]?.page;
  const cuts = new Map<number, number>();
  for (const line of section.lines) {
    if (line.page !== firstPage && !cuts.has(line.page) && lastHeadingLine.test(line.text)) {
      cuts.set(line.page, line.pos + 2);
    }
  }
  return section.items.filter((item) => item.pos > (cuts.get(item.page) ?? Number.NEGATIVE_INFINITY));
}

/** The lines of the items whose centre lies left of `x`: the description column of a block. */
export function leftLines(items: readonly PlacedItem[], x: number): Line[] {
  return groupLines(items.filter((item) => centre(item) < x));
}

/** The items of a block that belong to the figure columns (centre no further left than `slack` of the first). */
export function figureItems<K extends string>(
  items: readonly PlacedItem[],
  columns: readonly Column<K>[],
  slack = 12,
): PlacedItem[] {
  const first = columns[0];
  if (!first) return [];
  return items.filter((item) => centre(item) >= first.left - slack);
}

/** Removes the entry number the block starts with: "1. Share Option Scheme" -> "Share Option Scheme". */
export function withoutEntryNumber(text: string): string {
  return text.replace(ENTRY_NUMBER, '').trim();
}

/** The line where a table's subtotals start ("Total A.", "Total B." ...), or `to`. */
export function totalsStart(lines: readonly Line[], letter: string, to: number, labels: LegacyLabels): number {
  const pattern = labels.subtotals.start(letter);
  return lines.find((line) => pattern.test(line.text) || pattern.test(lineTextFromTotal(line, labels)))?.pos ?? to;
}

/** Subtotal labels are often right-aligned: the line's text from its "Total" item on. */
function lineTextFromTotal(line: Line, labels: LegacyLabels): string {
  const index = line.items.findIndex((item) => labels.subtotals.word.test(item.text.trim()));
  return index < 0
    ? ''
    : line.items
        .slice(index)
        .map((item) => item.text)
        .join(' ');
}
