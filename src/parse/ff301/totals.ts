/**
 * The total lines of part III. v1.1+ prints, under each table, "Increase in issued shares (excluding treasury
 * shares): 0 Ordinary shares (AA1)" and "Decrease in treasury shares: Ordinary shares (AA2)" (the figure sits
 * between the label and the class), and after (E) the grand totals "... (i.e. Total of AA1 to EE1): 0 Ordinary
 * shares". v1.0.x prints "Total A (Ordinary shares): 0" and "Total increase / decrease (-) in Ordinary shares
 * during the month (i.e. Total of A to E) 0". A blank total stays null.
 */
import type { GrandTotal, Money, SectionTotal } from '../../domain/monthly-return.js';
import type { Line } from '../layout/lines.js';
import { notReportedAsPrinted } from '../not-reported.js';
import { parseAmount, parseShareCount } from '../numbers.js';
import { textAfter } from './labelled-line.js';
import { GRAND_TOTAL_CODE, TOTAL_CODE } from './labels.js';
import { noteUncertain, type ReadingContext } from './reading.js';
import { isCurrencyCode } from './segments.js';

interface TotalReading {
  readonly className: string;
  /** 1: issued shares (excluding treasury); 2: treasury shares. */
  readonly code: 1 | 2;
  readonly value: number | null;
  /** What the line prints in place of a figure ("N/A", 不適用); absent for a figure or a blank. */
  readonly printedInstead?: string;
}

const COLON = /[:：]/;

export function isTotalLine(context: ReadingContext, line: Line): boolean {
  const { totals } = context.labels;
  return (
    TOTAL_CODE.test(line.text) ||
    GRAND_TOTAL_CODE.test(line.text) ||
    totals.sectionTotal.test(line.text) ||
    totals.fundsRaised.test(line.text) ||
    totals.grandTotal.test(line.text)
  );
}

export function isGrandTotalLine(context: ReadingContext, line: Line): boolean {
  return GRAND_TOTAL_CODE.test(line.text) || context.labels.totals.grandTotal.test(line.text);
}

/** A subtotal line of one table, or undefined for any other line. */
export function readSectionTotalLine(context: ReadingContext, line: Line, section: string): TotalReading | undefined {
  const coded = TOTAL_CODE.exec(line.text);
  if (coded && !GRAND_TOTAL_CODE.test(line.text)) {
    const after = afterColon(line.text).replace(TOTAL_CODE, '');
    return { ...classAndFigure(context, after, section), code: coded[2] === '2' ? 2 : 1 };
  }
  const plain = context.labels.totals.sectionTotal.exec(line.text);
  if (plain) {
    const after = line.text.slice(plain[0].length);
    const value = figureIn(context, after, section, plain[2] ?? null);
    return { className: (plain[2] ?? '').trim(), code: 1, value, ...printedInsteadIn(after.replace(COLON, ' ')) };
  }
  return undefined;
}

/** "N/A" where a total's figure would be: kept for the flags, never read as 0 or as part of a class name. */
function printedInsteadIn(text: string): { printedInstead?: string } {
  const printed = notReportedAsPrinted(text.trim() === '' ? undefined : text);
  return printed === undefined ? {} : { printedInstead: printed };
}

export function readGrandTotalLine(context: ReadingContext, line: Line): TotalReading | undefined {
  const coded = GRAND_TOTAL_CODE.exec(line.text);
  if (coded) return { ...classAndFigure(context, afterColon(line.text), 'III'), code: coded[1] === '2' ? 2 : 1 };
  const plain = context.labels.totals.grandTotal.exec(line.text);
  if (plain) {
    const className = (plain[1] ?? '').trim();
    const after = line.text.slice(plain[0].length);
    return {
      className,
      code: 1,
      value: figureIn(context, after, 'III', className),
      ...printedInsteadIn(after.replace(COLON, ' ')),
    };
  }
  return undefined;
}

/** "Total funds raised during the month from exercise of options: HKD 0". A blank amount is no figure: null. */
export function readFundsRaised(context: ReadingContext, line: Line): Money | null | undefined {
  const after = textAfter(line, context.labels.totals.fundsRaised);
  if (after === null) return undefined;
  const words = after.split(/\s+/);
  const currency = words.find(isCurrencyCode) ?? null;
  const amount = words.map(parseAmount).find((value) => typeof value === 'string');
  return amount === undefined ? null : { currency, amount };
}

/** Subtotal readings -> one SectionTotal per class, in the order the classes first appear. */
export function collectSectionTotals(readings: readonly TotalReading[]): SectionTotal[] {
  const totals: SectionTotal[] = [];
  for (const reading of readings) {
    let total = totals.find((t) => t.className === reading.className);
    if (!total) {
      total = { className: reading.className, increaseInIssuedShares: null, decreaseInTreasuryShares: null };
      totals.push(total);
    }
    const field = reading.code === 1 ? 'increaseInIssuedShares' : 'decreaseInTreasuryShares';
    total[field] = reading.value;
    if (reading.printedInstead !== undefined) {
      total.printedInstead = { ...total.printedInstead, [field]: reading.printedInstead };
    }
  }
  return totals;
}

export function collectGrandTotals(readings: readonly TotalReading[]): GrandTotal[] {
  return collectSectionTotals(readings).map((total) => {
    const { increaseInIssuedShares: issued, decreaseInTreasuryShares: treasury } = total.printedInstead ?? {};
    const printedInstead = {
      ...(issued === undefined ? {} : { changeInIssuedShares: issued }),
      ...(treasury === undefined ? {} : { changeInTreasuryShares: treasury }),
    };
    return {
      className: total.className,
      changeInIssuedShares: total.increaseInIssuedShares,
      changeInTreasuryShares: total.decreaseInTreasuryShares,
      ...(issued === undefined && treasury === undefined ? {} : { printedInstead }),
    };
  });
}

function afterColon(text: string): string {
  const colon = text.search(COLON);
  return colon < 0 ? '' : text.slice(colon + 1);
}

/** "-103,101,179 普通股" -> the class and the figure; words that are figures are the figure. */
function classAndFigure(context: ReadingContext, text: string, section: string): Omit<TotalReading, 'code'> {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
  const figures = words.filter((word) => parseShareCount(word) !== undefined && /\d/.test(word));
  // "N/A Ordinary shares (AA1)": the words in the figure's place are not part of the class's name.
  const instead = figures.length === 0 ? printedInsteadIn(words[0] ?? '') : {};
  const className = words
    .filter((word, i) => !figures.includes(word) && !(i === 0 && instead.printedInstead))
    .join(' ');
  if (figures.length > 1) {
    noteUncertain(context, section, className, `a total line holds ${figures.length} figures: ${figures.join(', ')}`);
  }
  return { className, value: figures.length > 0 ? (parseShareCount(figures[0]) ?? null) : null, ...instead };
}

function figureIn(context: ReadingContext, text: string, section: string, subject: string | null): number | null {
  const figures = text
    .replace(COLON, ' ')
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '' && /\d/.test(word));
  const value = parseShareCount(figures[0]);
  if (figures.length > 1 || value === undefined) {
    noteUncertain(context, section, subject, `the total "${text.trim()}" could not be read as one figure`);
  }
  return value ?? null;
}
