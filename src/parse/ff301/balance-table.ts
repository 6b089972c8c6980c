/**
 * The three-row tables of parts I, II and IV: "Balance at close of preceding month", "Increase / decrease (-)",
 * "Balance at close of the month", with a figure (or nothing) under each column heading.
 */
import type { Movement } from '../../domain/monthly-return.js';
import { type Line, lineAt } from '../layout/lines.js';
import { isFigure, parseAmount, parseShareCount } from '../numbers.js';
import { type Column, findColumns, placeSegments } from './columns.js';
import { startsWith, wordsAfter } from './labelled-line.js';
import { type LineRange, noteUncertain, type ReadingContext } from './reading.js';
import { type Segment, segmentLine } from './segments.js';

export type BalanceRow = 'preceding' | 'movement' | 'closing';
export const BALANCE_ROWS: readonly BalanceRow[] = ['preceding', 'movement', 'closing'];

export interface BalanceTable {
  readonly columns: readonly Column[];
  /** Per row, per column: the segments printed in that cell. A row the form did not print is absent. */
  readonly cells: Partial<Record<BalanceRow, Segment[][]>>;
  /** The index of the first line after the table. */
  readonly end: number;
}

function balanceRowOf(context: ReadingContext, line: Line): BalanceRow | undefined {
  const { balanceRows } = context.labels;
  return BALANCE_ROWS.find((row) => balanceRows[row].test(line.text));
}

/**
 * Reads the table that starts at `start`: heading lines down to the first balance row, then the rows. With no
 * heading (part II of v1.0.x has a single column and prints none) every figure belongs to that one column.
 */
export function readBalanceTable(
  context: ReadingContext,
  range: LineRange,
  start: number,
  section: string,
  subject: string,
): BalanceTable {
  const { lines } = range;
  let index = start;
  while (index < range.end && !balanceRowOf(context, lineAt(lines, index))) index++;
  const columns = findColumns(lines.slice(start, index));
  const cells: Partial<Record<BalanceRow, Segment[][]>> = {};
  for (; index < range.end; index++) {
    const line = lineAt(lines, index);
    const row = balanceRowOf(context, line);
    if (!row || cells[row]) break;
    const labelEnd = labelEndOf(line, context.labels.balanceRows[row]);
    const perColumn: Segment[][] = Array.from({ length: Math.max(1, columns.length) }, () => []);
    const segments = segmentLine(line).filter((segment) => segment.x0 >= labelEnd);
    const placed =
      columns.length === 0 ? segments.map((segment) => ({ segment, column: 0 })) : placeSegments(columns, segments);
    for (const { segment, column } of placed) {
      if (column < 0) {
        noteUncertain(context, section, subject, `"${segment.text}" lies outside every column of the ${row} row`);
        continue;
      }
      perColumn[column]?.push(segment);
    }
    cells[row] = perColumn;
  }
  noteUnreadFigures(context, range, index, section, subject);
  return { columns, cells, end: index };
}

/**
 * Figures printed under a table but in no row of it (a row label the form does not have, a figure set loose) are
 * noted rather than dropped unseen. The public float block and remarks below a table are read elsewhere.
 */
function noteUnreadFigures(context: ReadingContext, range: LineRange, from: number, section: string, subject: string) {
  for (let index = from; index < range.end; index++) {
    const line = lineAt(range.lines, index);
    if (startsWith(line, context.labels.publicFloat.heading) || startsWith(line, context.labels.remarks)) return;
    const figures = line.words.filter((word) => /\d/.test(word.text) && isFigure(word.text));
    if (figures.length > 0) {
      noteUncertain(context, section, subject, `a line under the table was not read: "${line.text}"`);
    }
  }
}

/** The right edge of a line's leading label. */
function labelEndOf(line: Line, label: RegExp): number {
  const rest = wordsAfter(line, label);
  if (!rest) return Number.NEGATIVE_INFINITY;
  return rest[0] ? rest[0].x0 - 0.5 : Number.POSITIVE_INFINITY;
}

export interface CellReading {
  readonly figure: string | undefined;
  readonly currency: string | undefined;
  readonly text: string | undefined;
}

/** What one cell holds: at most one figure, a currency code, other text. Anything more is noted as uncertain. */
export function readCell(
  context: ReadingContext,
  segments: readonly Segment[] | undefined,
  where: { section: string; subject: string | null; cell: string },
): CellReading {
  const figures = (segments ?? []).filter((segment) => segment.kind === 'figure');
  const currencies = (segments ?? []).filter((segment) => segment.kind === 'currency');
  const texts = (segments ?? []).filter((segment) => segment.kind === 'text');
  if (figures.length > 1) {
    noteUncertain(
      context,
      where.section,
      where.subject,
      `${where.cell} holds ${figures.length} figures (${figures.map((f) => f.text).join(', ')}); the first was read`,
    );
  }
  return {
    figure: figures[0]?.text,
    currency: currencies[0]?.text,
    text: texts.length > 0 ? texts.map((segment) => segment.text).join(' ') : undefined,
  };
}

export function readCount(
  context: ReadingContext,
  segments: readonly Segment[] | undefined,
  where: { section: string; subject: string | null; cell: string },
): number | null {
  const cell = readCell(context, segments, where);
  if (cell.text !== undefined) {
    noteUncertain(context, where.section, where.subject, `${where.cell} holds text "${cell.text}" beside its figure`);
  }
  const value = parseShareCount(cell.figure);
  if (value === undefined) {
    noteUncertain(context, where.section, where.subject, `${where.cell}: "${cell.figure}" is not a number of shares`);
    return null;
  }
  return value;
}

export function readDecimal(
  context: ReadingContext,
  figure: string | undefined,
  where: { section: string; subject: string | null; cell: string },
): string | null {
  const value = parseAmount(figure);
  if (value === undefined) {
    noteUncertain(context, where.section, where.subject, `${where.cell}: "${figure}" is not an amount`);
    return null;
  }
  return value;
}

/** The three rows of one column as a Movement of share counts. */
export function readMovement(
  context: ReadingContext,
  table: BalanceTable,
  column: number,
  where: { section: string; subject: string | null; name: string },
): Movement {
  const read = (row: BalanceRow) =>
    readCount(context, table.cells[row]?.[column], { ...where, cell: `${where.name} (${row})` });
  return { preceding: read('preceding'), movement: read('movement'), closing: read('closing') };
}
