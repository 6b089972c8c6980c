/**
 * One table of part III: numbered rows ("1).", "2).") under headings up to eight lines tall. A row's cells are
 * stacked: the description wraps over several lines, and the movement column lists one movement per line
 * ("Granted 0 / Exercised 0 / Cancelled 0 / Lapsed -144,400"). Under each row the form may print label rows of
 * its own ("General Meeting approval date", "Subscription price", "Date of expiry" ...).
 *
 * Rows come in two shapes. Most are top-aligned: the number, the first line of the description and the figures
 * share a line. Some (III(D) on v1.0.2) are vertically centred: the description starts above the row number.
 */
import { type Line, lineAt } from '../layout/lines.js';
import { type Column, findColumns, placeSegments } from './columns.js';
import { chooseDetailLayout, type DetailColumn, type DetailPartKey } from './detail-layouts.js';
import { type Ff301Labels, ROW_MARKER } from './labels.js';
import { isNextWrappedLine, type LineRange, noteUncertain, type ReadingContext } from './reading.js';
import { type Segment, segmentLine } from './segments.js';

export type FieldKey = keyof Ff301Labels['fieldRows'];

export interface TableRow {
  readonly marker: string;
  /** Every segment of the row, by column, top to bottom. */
  readonly cells: ReadonlyMap<DetailColumn, readonly Segment[]>;
  /** The movement column, one entry per printed line that has anything in it. */
  readonly movementLines: readonly (readonly Segment[])[];
  readonly fields: ReadonlyMap<FieldKey, readonly Segment[]>;
}

interface FieldRow {
  readonly key: FieldKey | undefined;
  readonly label: string;
  readonly lineIndexes: readonly number[];
  readonly values: readonly Segment[];
}

/** How far right of the row numbers' left edge a line may start and still be a label row. */
const LABEL_MARGIN = 3;

/** What every row of one table is read against: its lines, where its columns are and what each column holds. */
interface ItemTable {
  readonly context: ReadingContext;
  readonly section: string;
  readonly subject: string;
  readonly lines: readonly Line[];
  readonly columns: readonly Column[];
  readonly layout: readonly DetailColumn[];
  /** Label rows start left of this; a row's own text starts right of its number. */
  readonly labelMargin: number;
}

/** The lines of each row and the label rows printed under it, row by row. */
interface RowGroups {
  readonly lines: readonly (readonly number[])[];
  readonly fields: readonly (readonly FieldRow[])[];
}

export function readItemTable(
  context: ReadingContext,
  part: DetailPartKey,
  range: LineRange,
  subject: string,
): TableRow[] {
  const section = `III(${part})`;
  const { lines } = range;
  const firstMarker = findMarkerLine(range, range.start);
  if (firstMarker === undefined) return [];
  const firstData = findFirstDataLine(range, firstMarker);
  const columns = findColumns(lines.slice(range.start, firstData));
  const layout = chooseDetailLayout(
    part,
    context.version,
    columns.map((column) => column.heading),
  );
  if (!layout) {
    noteUncertain(
      context,
      section,
      subject,
      `the table's ${columns.length} column headings do not match any known layout of part III(${part}); its rows were not read`,
    );
    return [];
  }
  const labelMargin = (lineAt(lines, firstMarker).words[0]?.x0 ?? 0) + LABEL_MARGIN;
  const table: ItemTable = { context, section, subject, lines, columns, layout, labelMargin };
  const body: LineRange = { lines, start: firstData, end: range.end };
  const repeated = findRepeatedHeadings(range, firstData, lineAt(lines, firstMarker).page);
  const markers = findMarkerLines(body);
  const groups = groupRows(table, body, markers, repeated, firstData < firstMarker);
  return markers.map((markerIndex, row) => {
    const { cells, movementLines } = readRowCells(table, markerIndex, row, groups.lines[row] ?? []);
    const fields = readRowFields(table, groups.fields[row] ?? []);
    return { marker: lineAt(lines, markerIndex).words[0]?.text ?? '', cells, movementLines, fields };
  });
}

/** Centred rows put description lines above the first row number: those are data, not headings. */
function findFirstDataLine(range: LineRange, firstMarker: number): number {
  const { lines } = range;
  const descriptionIndent = findDescriptionIndent(lines, firstMarker, range.end);
  let firstData = firstMarker;
  while (
    descriptionIndent !== undefined &&
    firstData - 1 > range.start &&
    Math.abs((lineAt(lines, firstData - 1).words[0]?.x0 ?? 0) - descriptionIndent) <= 1.5 &&
    isNextWrappedLine(lineAt(lines, firstData - 1), lineAt(lines, firstData))
  ) {
    firstData--;
  }
  return firstData;
}

/** A table that runs onto the next page may repeat its headings there: they are no part of any row. */
function findRepeatedHeadings(range: LineRange, firstData: number, firstPage: number): Set<number> {
  const { lines } = range;
  const headingTexts = new Set(lines.slice(range.start, firstData).map((line) => line.text));
  const repeated = new Set<number>();
  for (let index = firstData; index < range.end; index++) {
    const line = lineAt(lines, index);
    if (line.page !== firstPage && headingTexts.has(line.text)) repeated.add(index);
  }
  return repeated;
}

function findMarkerLines(range: LineRange): number[] {
  const markers: number[] = [];
  for (let index = range.start; index < range.end; index++) {
    if (isMarkerLine(lineAt(range.lines, index))) markers.push(index);
  }
  return markers;
}

/** Which row each line belongs to, and which row each label row is printed under. */
function groupRows(
  table: ItemTable,
  body: LineRange,
  markers: readonly number[],
  repeated: ReadonlySet<number>,
  centred: boolean,
): RowGroups {
  const { lines } = body;
  const fieldRows = findFieldRows(table.context, body, table.labelMargin, repeated);
  const fieldLines = new Set(fieldRows.flatMap((row) => row.lineIndexes));
  const rowLines: number[][] = markers.map(() => []);
  const rowFields: FieldRow[][] = markers.map(() => []);
  for (let index = body.start; index < body.end; index++) {
    if (fieldLines.has(index) || repeated.has(index)) continue;
    rowLines[rowOfLine(lines, markers, index, centred)]?.push(index);
  }
  for (const field of fieldRows) {
    rowFields[rowOfLine(lines, markers, field.lineIndexes[0] ?? 0, false)]?.push(field);
  }
  return { lines: rowLines, fields: rowFields };
}

/** A row's segments by column; the movement column line by line. The row number itself is no cell. */
function readRowCells(
  table: ItemTable,
  markerIndex: number,
  row: number,
  rowLines: readonly number[],
): Pick<TableRow, 'cells' | 'movementLines'> {
  const { context, section, subject, lines, columns, layout, labelMargin } = table;
  const cells = new Map<DetailColumn, Segment[]>();
  const movementLines: Segment[][] = [];
  for (const index of rowLines) {
    const movementLine: Segment[] = [];
    const segments = segmentLine(lineAt(lines, index)).filter(
      (segment) => !(index === markerIndex && ROW_MARKER.test(segment.text) && segment.x0 < labelMargin),
    );
    for (const { segment, column } of placeSegments(columns, segments)) {
      const key = column < 0 ? undefined : layout[column];
      if (key === undefined) {
        noteUncertain(context, section, subject, `"${segment.text}" lies outside every column of row ${row + 1}`);
        continue;
      }
      if (key === 'movement') movementLine.push(segment);
      else cells.set(key, [...(cells.get(key) ?? []), segment]);
    }
    if (movementLine.length > 0) movementLines.push(movementLine);
  }
  return { cells, movementLines };
}

/** The values of the label rows under a row, by the form's label; a value under an unknown label is noted. */
function readRowFields(table: ItemTable, fieldRows: readonly FieldRow[]): Map<FieldKey, Segment[]> {
  const fields = new Map<FieldKey, Segment[]>();
  for (const field of fieldRows) {
    if (field.key) fields.set(field.key, [...field.values]);
    else if (field.values.length > 0) {
      noteUncertain(
        table.context,
        table.section,
        table.subject,
        `unrecognised label "${field.label}" with value "${field.values.map((v) => v.text).join(' ')}"`,
      );
    }
  }
  return fields;
}

function isMarkerLine(line: Line): boolean {
  return ROW_MARKER.test(line.words[0]?.text ?? '');
}

function findMarkerLine(range: LineRange, from: number): number | undefined {
  for (let index = from; index < range.end; index++) if (isMarkerLine(lineAt(range.lines, index))) return index;
  return undefined;
}

/** Where description text starts: the leftmost word right of the row number, on its line or the next few. */
function findDescriptionIndent(lines: readonly Line[], marker: number, end: number): number | undefined {
  const markerWord = lineAt(lines, marker).words[0];
  if (!markerWord) return undefined;
  const candidates: number[] = [];
  for (let index = marker; index < Math.min(end, marker + 4); index++) {
    for (const word of lineAt(lines, index).words) {
      if (word === markerWord) continue;
      if (word.x0 >= markerWord.x1 - 1 && word.x0 < markerWord.x1 + 25) candidates.push(word.x0);
    }
  }
  return candidates.length > 0 ? Math.min(...candidates) : undefined;
}

/** Lines belong to the row above them; in a table of centred rows, to the nearest row number. */
function rowOfLine(lines: readonly Line[], markers: readonly number[], index: number, centred: boolean): number {
  let row = 0;
  for (let position = 0; position < markers.length; position++) {
    if ((markers[position] ?? 0) <= index) row = position;
  }
  if (!centred) return row;
  const line = lineAt(lines, index);
  const distance = (position: number) => {
    const marker = lineAt(lines, markers[position] ?? 0);
    return marker.page === line.page ? Math.abs(marker.y - line.y) : Number.POSITIVE_INFINITY;
  };
  const next = row + 1;
  if ((markers[row] ?? 0) > index) return row;
  return next < markers.length && distance(next) < distance(row) ? next : row;
}

/**
 * Label rows: lines that start at the row numbers' margin without a row number. A label may wrap ("General
 * Meeting approval" / "date (if applicable)") with its value set between its lines, vertically centred.
 */
function findFieldRows(
  context: ReadingContext,
  range: LineRange,
  labelMargin: number,
  skip: ReadonlySet<number>,
): FieldRow[] {
  const { lines } = range;
  const isLabelLine = (line: Line) =>
    (line.words[0]?.x0 ?? Number.POSITIVE_INFINITY) < labelMargin && !isMarkerLine(line);
  const rows: FieldRow[] = [];
  const used = new Set<number>();
  for (let index = range.start; index < range.end; index++) {
    const first = lineAt(lines, index);
    if (used.has(index) || skip.has(index) || !isLabelLine(first)) continue;
    const { labelLines, labelItems } = findLabelLines(context, range, index, isLabelLine);
    const top = lineAt(lines, labelLines[0] as number).y - 0.75 * first.height;
    const bottom = lineAt(lines, labelLines[labelLines.length - 1] as number).y + 0.75 * first.height;
    const spanned: number[] = [];
    for (let other = index; other < range.end; other++) {
      const line = lineAt(lines, other);
      if (line.page !== first.page || line.y > bottom) break;
      if (line.y >= top && (labelLines.includes(other) || !isLabelLine(line)) && !isMarkerLine(line))
        spanned.push(other);
    }
    const label = labelItems.map((item) => item?.text.trim() ?? '').join(' ');
    const key = fieldKeyOf(context, label);
    // On a label's own lines the label is the first item; anything right of it is the value.
    const labelRight = (other: number) => {
      const item = labelLines.includes(other) ? lineAt(lines, other).items[0] : undefined;
      return item ? item.x + item.width - 0.5 : Number.NEGATIVE_INFINITY;
    };
    const values = spanned.flatMap((other) =>
      segmentLine(lineAt(lines, other)).filter((segment) => segment.x0 >= labelRight(other)),
    );
    for (const other of spanned) used.add(other);
    rows.push({ key, label, lineIndexes: spanned, values });
  }
  return rows;
}

/** The lines a label is printed on, from its first: it may wrap, with its value line set in between. */
function findLabelLines(
  context: ReadingContext,
  range: LineRange,
  index: number,
  isLabelLine: (line: Line) => boolean,
): { labelLines: number[]; labelItems: (Line['items'][number] | undefined)[] } {
  const { lines } = range;
  const first = lineAt(lines, index);
  const labelLines = [index];
  const labelItems = [first.items[0]];
  let last = first;
  for (let next = index + 1; next < range.end; next++) {
    const candidate = lineAt(lines, next);
    if (candidate.y - last.y > 1.45 * Math.min(last.height, candidate.height) * 2 || candidate.page !== first.page)
      break;
    if (isLabelLine(candidate)) {
      if (!isNextWrappedLine(lineAt(lines, labelLines[labelLines.length - 1] as number), candidate)) break;
      if (startsLabel(context, candidate.text)) break;
      labelLines.push(next);
      labelItems.push(candidate.items[0]);
      last = candidate;
    } else if (!isNextWrappedLine(last, candidate) || candidate.y - last.y > 0.75 * last.height) {
      break;
    }
  }
  return { labelLines, labelItems };
}

function startsLabel(context: ReadingContext, text: string): boolean {
  return fieldKeyOf(context, text) !== undefined;
}

function fieldKeyOf(context: ReadingContext, label: string): FieldKey | undefined {
  const { fieldRows } = context.labels;
  return (Object.keys(fieldRows) as FieldKey[]).find((key) => fieldRows[key].test(label));
}
