/**
 * Part III, "Details of Movements": (A) share options, (B) warrants, (C) convertibles, (D) other arrangements,
 * (E) other movements. Each is "Not applicable" or one or more class blocks, each with a table of rows, then the
 * subtotals, (A)'s funds raised, remarks; after (E), the grand totals per class.
 */
import type {
  DetailsOfMovements,
  InstrumentMovement,
  Money,
  OtherArrangement,
  OtherMovement,
  ShareClass,
  ShareOptionScheme,
  WarrantOrConvertible,
} from '../../domain/monthly-return.js';
import { normaliseStockCode } from '../../domain/stock-code.js';
import { flagMissingSection } from '../checks.js';
import { parseFormDate } from '../dates.js';
import { joinTextLines, joinWords, type Line, lineAt } from '../layout/lines.js';
import { parseShareCount } from '../numbers.js';
import { readCount, readDecimal } from './balance-table.js';
import { isClassLine, readClassBlock } from './class-block.js';
import type { DetailColumn, DetailPartKey } from './detail-layouts.js';
import { type FieldKey, readItemTable, type TableRow } from './item-table.js';
import type { Part, PartKey } from './parts.js';
import { noteUncertain, type ReadingContext } from './reading.js';
import { appendRemarks, isRemarksLine, readRemarks } from './remarks.js';
import type { Segment } from './segments.js';
import {
  collectGrandTotals,
  collectSectionTotals,
  isGrandTotalLine,
  isTotalLine,
  readFundsRaised,
  readGrandTotalLine,
  readSectionTotalLine,
} from './totals.js';

type TotalReading = NonNullable<ReturnType<typeof readSectionTotalLine>>;

interface PartReading {
  readonly notApplicable: boolean;
  readonly groups: { readonly shareClass: ShareClass; readonly rows: readonly TableRow[] }[];
  readonly totals: TotalReading[];
  readonly grandTotals: TotalReading[];
  fundsRaised: Money | null;
  remarks: string | null;
}

export function readDetailsOfMovements(
  context: ReadingContext,
  lines: readonly Line[],
  parts: ReadonlyMap<PartKey, Part>,
): DetailsOfMovements {
  const readings = {} as Record<DetailPartKey, PartReading>;
  for (const key of ['A', 'B', 'C', 'D', 'E'] as const) {
    const part = parts.get(key);
    if (!part) {
      if (parts.has('III')) context.flags.push(flagMissingSection(`III(${key})`));
      readings[key] = emptyReading();
    } else {
      readings[key] = readDetailPart(context, key, lines, part);
    }
  }
  const classes = <T>(key: DetailPartKey, build: (row: TableRow, subject: string) => T) =>
    readings[key].groups.map(({ shareClass, rows }) => ({
      ...shareClass,
      items: rows.map((row) => build(row, shareClass.className)),
    }));
  const frame = (key: DetailPartKey) => ({
    notApplicable: readings[key].notApplicable,
    totals: collectSectionTotals(readings[key].totals),
    remarks: readings[key].remarks,
  });
  const cells = (key: DetailPartKey) => (row: TableRow, subject: string) =>
    new RowCells(context, `III(${key})`, subject, row);
  return {
    shareOptions: {
      ...frame('A'),
      classes: classes('A', (row, subject) => toShareOptionScheme(cells('A')(row, subject))),
      fundsRaised: readings.A.fundsRaised,
    },
    warrants: {
      ...frame('B'),
      classes: classes('B', (row, subject) => toWarrantOrConvertible(cells('B')(row, subject))),
    },
    convertibles: {
      ...frame('C'),
      classes: classes('C', (row, subject) => toWarrantOrConvertible(cells('C')(row, subject))),
    },
    otherArrangements: {
      ...frame('D'),
      classes: classes('D', (row, subject) => toOtherArrangement(cells('D')(row, subject))),
    },
    otherMovements: {
      ...frame('E'),
      classes: classes('E', (row, subject) => toOtherMovement(context, cells('E')(row, subject))),
    },
    totals: collectGrandTotals(Object.values(readings).flatMap((reading) => reading.grandTotals)),
  };
}

function emptyReading(): PartReading {
  return { notApplicable: false, groups: [], totals: [], grandTotals: [], fundsRaised: null, remarks: null };
}

function readDetailPart(context: ReadingContext, key: DetailPartKey, lines: readonly Line[], part: Part): PartReading {
  const section = `III(${key})`;
  const reading: PartReading = { ...emptyReading(), notApplicable: part.notApplicable };
  const range = { lines, start: part.start, end: part.end };
  const ends = (line: Line) => isClassLine(context, line) || isTotalLine(context, line) || isRemarksLine(context, line);
  for (let index = range.start; index < range.end; index++) {
    const line = lineAt(lines, index);
    if (isClassLine(context, line)) {
      let end = index + 1;
      while (end < range.end && !ends(lineAt(lines, end))) end++;
      const block = readClassBlock(context, { lines, start: index, end }, section);
      const rows = readItemTable(context, key, { lines, start: block.end, end }, block.shareClass.className);
      reading.groups.push({ shareClass: block.shareClass, rows });
      index = end - 1;
    } else if (isGrandTotalLine(context, line)) {
      const total = readGrandTotalLine(context, line);
      if (total) reading.grandTotals.push(total);
    } else if (context.labels.totals.fundsRaised.test(line.text)) {
      reading.fundsRaised = readFundsRaised(context, line) ?? null;
    } else if (isTotalLine(context, line)) {
      const total = readSectionTotalLine(context, line, section);
      if (total) reading.totals.push(total);
    } else if (isRemarksLine(context, line)) {
      const remarks = readRemarks(context, range, index, (l) => isClassLine(context, l) || isTotalLine(context, l));
      reading.remarks = appendRemarks(reading.remarks, remarks.text);
      index = remarks.end - 1;
    } else if (line.words.some((word) => /\d/.test(word.text) && parseShareCount(word.text) !== undefined)) {
      noteUncertain(context, section, null, `a line outside any table was not read: "${line.text}"`);
    }
  }
  if (!part.notApplicable && reading.groups.length === 0) {
    noteUncertain(
      context,
      section,
      null,
      `the part is not marked "not applicable", yet no class or table was found in it`,
    );
  }
  return reading;
}

/** The cells of one table row, read as the model wants them, noting whatever does not read cleanly. */
class RowCells {
  constructor(
    private readonly context: ReadingContext,
    readonly section: string,
    readonly subject: string,
    readonly row: TableRow,
  ) {}

  has(column: DetailColumn): boolean {
    return this.row.cells.has(column);
  }

  text(column: DetailColumn): string {
    return textOfSegments(this.row.cells.get(column) ?? []);
  }

  count(column: DetailColumn): number | null {
    return readCount(this.context, this.row.cells.get(column), this.where(column));
  }

  amount(column: DetailColumn): string | null {
    const figures = (this.row.cells.get(column) ?? []).filter((segment) => segment.kind === 'figure');
    return readDecimal(this.context, figures[0]?.text, this.where(column));
  }

  currency(column: DetailColumn): string | null {
    return (this.row.cells.get(column) ?? []).find((segment) => segment.kind === 'currency')?.text ?? null;
  }

  date(segments: readonly Segment[] | undefined, name: string): string | null {
    const text = textOfSegments(segments ?? []);
    const date = parseFormDate(text);
    if (date === undefined) {
      noteUncertain(this.context, this.section, this.subject, `${name} "${text}" is not a date`);
      return null;
    }
    return date;
  }

  field(key: FieldKey): readonly Segment[] | undefined {
    return this.row.fields.get(key);
  }

  fieldText(key: FieldKey): string | null {
    const text = textOfSegments(this.field(key) ?? []);
    return text === '' ? null : text;
  }

  /** A price: the currency code and the amount, from two cells or one. Null when no amount is printed. */
  money(segments: readonly Segment[], name: string): Money | null {
    const figure = segments.find((segment) => segment.kind === 'figure');
    if (!figure) return null;
    const amount = readDecimal(this.context, figure.text, this.where(name));
    if (amount === null) return null;
    return { currency: segments.find((segment) => segment.kind === 'currency')?.text ?? null, amount };
  }

  /**
   * The movement column, one movement per printed row: "Granted 0", "Exercised 0" ... A label that wraps continues
   * on the line just below (without a figure of its own); anything further down is the next movement, whether or
   * not its label is one we know.
   */
  movements(unit: 'number' | 'amount'): InstrumentMovement[] {
    const { movementTypes } = this.context.labels;
    const read: { label: string; figure: string | undefined; lastY: number; height: number }[] = [];
    for (const line of this.row.movementLines) {
      const first = line[0];
      if (!first) continue;
      const label = joinWords(line.filter((segment) => segment.kind !== 'figure'));
      const figures = line.filter((segment) => segment.kind === 'figure').map((segment) => segment.text);
      if (figures.length > 1) {
        noteUncertain(
          this.context,
          this.section,
          this.subject,
          `a movement line holds ${figures.length} figures: ${figures.join(', ')}`,
        );
      }
      const figure = figures[0];
      const previous = read[read.length - 1];
      const knownLabel = label !== '' && movementTypes.some(([pattern]) => pattern.test(label));
      const justBelow =
        previous !== undefined && first.y - previous.lastY <= 1.45 * Math.min(previous.height, first.height);
      if (previous && justBelow && !knownLabel && !(figure !== undefined && previous.figure !== undefined)) {
        if (label !== '') previous.label = joinTextLines([previous.label, label]);
        previous.figure ??= figure;
        previous.lastY = first.y;
        continue;
      }
      if (label === '') noteUncertain(this.context, this.section, this.subject, `movement ${figure} has no label`);
      read.push({ label, figure, lastY: first.y, height: first.height });
    }
    return read.map(({ label, figure }) => {
      const type = movementTypes.find(([pattern]) => pattern.test(label))?.[1] ?? 'other';
      const where = this.where(`movement "${label}"`);
      if (unit === 'number') {
        const number = parseShareCount(figure);
        if (number === undefined)
          noteUncertain(this.context, this.section, this.subject, `${where.cell}: "${figure}" is not a number`);
        return { type, label, number: number ?? null, amount: null };
      }
      return { type, label, number: null, amount: readDecimal(this.context, figure, where) };
    });
  }

  private where(cell: string) {
    return { section: this.section, subject: this.subject, cell };
  }
}

/** Segments in reading order: lines top to bottom, each left to right. */
function textOfSegments(segments: readonly Segment[]): string {
  const lines = new Map<number, Segment[]>();
  for (const segment of segments) lines.set(segment.y, [...(lines.get(segment.y) ?? []), segment]);
  return joinTextLines(
    [...lines.entries()].sort(([a], [b]) => a - b).map(([, line]) => joinWords([...line].sort((a, b) => a.x0 - b.x0))),
  );
}

function toShareOptionScheme(cells: RowCells): ShareOptionScheme {
  return {
    particulars: cells.text('description'),
    outstandingPreceding: cells.count('preceding'),
    movements: cells.movements('number'),
    outstandingClosing: cells.count('closing'),
    newSharesIssued: cells.count('issued'),
    treasurySharesTransferred: cells.count('treasury'),
    sharesIssuableAtClose: cells.count('issuable'),
    generalMeetingApprovalDate: cells.date(cells.field('generalMeetingApprovalDate'), 'General Meeting approval date'),
    sharesIssuableUnderOptionsToBeGranted: cells.count('toBeGranted'),
  };
}

function toWarrantOrConvertible(cells: RowCells): WarrantOrConvertible {
  const stockCode = cells.fieldText('instrumentStockCode');
  return {
    description: cells.text('description'),
    currency: cells.currency('currency'),
    amountPreceding: cells.amount('preceding'),
    movements: cells.movements('amount'),
    amountClosing: cells.amount('closing'),
    newSharesIssued: cells.count('issued'),
    treasurySharesTransferred: cells.count('treasury'),
    sharesIssuableAtClose: cells.count('issuable'),
    generalMeetingApprovalDate: cells.date(cells.field('generalMeetingApprovalDate'), 'General Meeting approval date'),
    instrumentType: cells.fieldText('instrumentType'),
    instrumentStockCode: stockCode === null ? null : normaliseStockCode(stockCode),
    price: cells.money(cells.field('price') ?? [], 'price'),
    dateOfExpiry: cells.date(cells.field('dateOfExpiry'), 'date of expiry'),
  };
}

function toOtherArrangement(cells: RowCells): OtherArrangement {
  const approval = cells.has('generalMeetingApprovalDate')
    ? cells.row.cells.get('generalMeetingApprovalDate')
    : cells.field('generalMeetingApprovalDate');
  return {
    description: cells.text('description'),
    movements: cells.movements('number'),
    newSharesIssued: cells.count('issued'),
    treasurySharesTransferred: cells.count('treasury'),
    sharesIssuableAtClose: cells.count('issuable'),
    generalMeetingApprovalDate: cells.date(approval, 'General Meeting approval date'),
  };
}

function toOtherMovement(context: ReadingContext, cells: RowCells): OtherMovement {
  const event = cells.text('description');
  const priceSegments = [
    ...(cells.row.cells.get('priceCurrency') ?? []),
    ...(cells.row.cells.get('priceAmount') ?? []),
    ...(cells.row.cells.get('price') ?? []),
  ];
  return {
    event,
    type: context.labels.otherMovementTypes.find(([pattern]) => pattern.test(event))?.[1] ?? 'other',
    price: cells.money(priceSegments, 'price'),
    dateOfEvent: cells.date(cells.row.cells.get('dateOfEvent'), 'date of event'),
    generalMeetingApprovalDate: cells.date(
      cells.row.cells.get('generalMeetingApprovalDate'),
      'General Meeting approval date',
    ),
    changeInIssuedShares: cells.count('issued'),
    changeInTreasuryShares: cells.count('treasury'),
    pendingCancellation: cells.count('pendingCancellation'),
    sharesIssuableAtClose: cells.count('issuable'),
  };
}
