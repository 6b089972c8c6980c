/**
 * Part I, "Movements in Authorised / Registered Share Capital": per class the number of authorised shares, the par
 * value and the authorised capital, then the total authorised capital per currency. Each figure cell may carry a
 * currency code printed to its left: "5,000,000,000 USD   0.00001 USD   50,000" reads as 5,000,000,000 shares,
 * par value USD 0.00001, capital USD 50,000.
 */
import type { AuthorisedShareCapital, AuthorisedShareClass, Money, ShareClass } from '../../domain/monthly-return.js';
import { lineAt } from '../layout/lines.js';
import {
  BALANCE_ROWS,
  type BalanceRow,
  readBalanceTable,
  readCell,
  readDecimal,
  readMovement,
} from './balance-table.js';
import { isClassLine, readClassBlock } from './class-block.js';
import { startsWith } from './labelled-line.js';
import { type LineRange, noteUncertain, type ReadingContext } from './reading.js';
import { isRemarksLine, readRemarks } from './remarks.js';
import { segmentLine } from './segments.js';

const SECTION = 'I';

export function readAuthorisedShareCapital(
  context: ReadingContext,
  range: LineRange,
  notApplicable: boolean,
): AuthorisedShareCapital {
  const classes: AuthorisedShareClass[] = [];
  const totalAuthorisedCapital: Money[] = [];
  if (notApplicable) return { notApplicable, classes, totalAuthorisedCapital };

  const { lines } = range;
  for (let index = range.start; index < range.end; index++) {
    const line = lineAt(lines, index);
    if (isClassLine(context, line)) {
      const nextClass = nextClassOrTotal(context, range, index + 1);
      const block = readClassBlock(context, { lines, start: index, end: nextClass }, SECTION);
      classes.push(readAuthorisedClass(context, { lines, start: block.end, end: nextClass }, block.shareClass));
      index = nextClass - 1;
    } else if (startsWith(line, context.labels.totalAuthorisedCapital)) {
      index = readTotals(context, range, index, totalAuthorisedCapital) - 1;
    }
  }
  return { notApplicable, classes, totalAuthorisedCapital };
}

function nextClassOrTotal(context: ReadingContext, range: LineRange, from: number): number {
  for (let index = from; index < range.end; index++) {
    const line = lineAt(range.lines, index);
    if (
      isClassLine(context, line) ||
      isRemarksLine(context, line) ||
      startsWith(line, context.labels.totalAuthorisedCapital)
    ) {
      return index;
    }
  }
  return range.end;
}

function readAuthorisedClass(context: ReadingContext, range: LineRange, shareClass: ShareClass): AuthorisedShareClass {
  const subject = shareClass.className;
  const table = readBalanceTable(context, range, range.start, SECTION, subject);
  if (table.columns.length !== 3) {
    noteUncertain(
      context,
      SECTION,
      subject,
      `expected 3 columns (shares, par value, capital), found ${table.columns.length}`,
    );
  }
  const where = (cell: string) => ({ section: SECTION, subject, cell });
  const par = (row: BalanceRow) => readCell(context, table.cells[row]?.[1], where(`par value (${row})`));
  const capital = (row: BalanceRow) => readCell(context, table.cells[row]?.[2], where(`authorised capital (${row})`));
  // The par value is printed on both balance rows; the closing one is the one in force.
  const parCell = [par('closing'), par('preceding')].find((cell) => cell.figure !== undefined) ?? par('closing');
  const currencies = BALANCE_ROWS.map((row) => capital(row).currency).filter((c) => c !== undefined);
  const parCurrencies = BALANCE_ROWS.map((row) => par(row).currency).filter((c) => c !== undefined);
  return {
    ...shareClass,
    authorisedShares: readMovement(context, table, 0, { section: SECTION, subject, name: 'authorised shares' }),
    parValue: readDecimal(context, parCell.figure, where('par value')),
    parValueCurrency: parCell.currency ?? parCurrencies[0] ?? null,
    authorisedCapital: {
      preceding: readDecimal(context, capital('preceding').figure, where('authorised capital (preceding)')),
      movement: readDecimal(context, capital('movement').figure, where('authorised capital (movement)')),
      closing: readDecimal(context, capital('closing').figure, where('authorised capital (closing)')),
    },
    authorisedCapitalCurrency: currencies[currencies.length - 1] ?? null,
  };
}

/**
 * "Total authorised/registered share capital at the end of the month: HKD 100,000,000", with a further
 * "currency amount" line for each other currency. Returns the index after the last line read.
 */
function readTotals(context: ReadingContext, range: LineRange, start: number, totals: Money[]): number {
  let index = start;
  for (; index < range.end; index++) {
    const line = lineAt(range.lines, index);
    const segments = segmentLine(line).filter((segment) => segment.kind !== 'text');
    if (index > start && (segments.length === 0 || segmentLine(line).some((s) => s.kind === 'text'))) break;
    let currency: string | null = null;
    for (const segment of segments) {
      if (segment.kind === 'currency') currency = segment.text;
      else {
        const amount = readDecimal(context, segment.text, {
          section: SECTION,
          subject: null,
          cell: 'total authorised capital',
        });
        if (amount !== null) totals.push({ currency, amount });
        currency = null;
      }
    }
  }
  return index;
}

/** Remarks under part I. The model keeps them as the return's remarks: part I has no remarks of its own. */
export function readAuthorisedRemarks(context: ReadingContext, range: LineRange): string | null {
  for (let index = range.start; index < range.end; index++) {
    if (isRemarksLine(context, lineAt(range.lines, index))) return readRemarks(context, range, index).text;
  }
  return null;
}
