/**
 * Part II, "Movements in Issued Shares" (v1.0.x: one column of issued shares) or "... and/or Treasury Shares"
 * (v1.1+: issued shares excluding treasury shares | treasury shares | total issued shares), and from v1.2 the
 * public float sufficiency confirmation under each class.
 */
import type { IssuedShareClass, IssuedShares, Movement, PublicFloatConfirmation } from '../../domain/monthly-return.js';
import { joinTextLines, type Line, lineAt } from '../layout/lines.js';
import { readBalanceTable, readMovement } from './balance-table.js';
import { isClassLine, readClassBlock } from './class-block.js';
import { startsWith, textAfter, wordsAfter } from './labelled-line.js';
import { TICK } from './labels.js';
import { hasTreasuryColumns, type LineRange, noteUncertain, type ReadingContext, versionAtLeast } from './reading.js';
import { appendRemarks, isRemarksLine, readRemarks } from './remarks.js';

const SECTION = 'II';

export function readIssuedShares(context: ReadingContext, range: LineRange, heading: string): IssuedShares {
  const title = heading.replace(context.labels.notApplicable, '').trim();
  const classes: IssuedShareClass[] = [];
  let remarks: string | null = null;
  let sawTreasuryColumns = false;
  const { lines } = range;
  for (let index = range.start; index < range.end; index++) {
    const line = lineAt(lines, index);
    if (isClassLine(context, line)) {
      const nextClass = findNext(range, index + 1, (l) => isClassLine(context, l) || isRemarksLine(context, l));
      const block = readClassBlock(context, { lines, start: index, end: nextClass }, SECTION);
      const subject = block.shareClass.className;
      const table = readBalanceTable(context, { lines, start: block.end, end: nextClass }, block.end, SECTION, subject);
      const threeColumns = table.columns.length === 3;
      sawTreasuryColumns ||= threeColumns;
      if (table.columns.length > 1 && !threeColumns) {
        noteUncertain(
          context,
          SECTION,
          subject,
          `expected 1 or 3 columns of issued shares, found ${table.columns.length}`,
        );
      }
      const read = (column: number, name: string): Movement =>
        readMovement(context, table, column, { section: SECTION, subject, name });
      classes.push({
        ...block.shareClass,
        issuedShares: read(0, 'issued shares'),
        treasuryShares: threeColumns ? read(1, 'treasury shares') : null,
        totalIssuedShares: threeColumns ? read(2, 'total issued shares') : null,
        publicFloat: readPublicFloat(context, { lines, start: table.end, end: nextClass }, block.shareClass),
      });
      index = nextClass - 1;
    } else if (isRemarksLine(context, line)) {
      const read = readRemarks(context, range, index, (l) => isClassLine(context, l));
      remarks = appendRemarks(remarks, read.text);
      index = read.end - 1;
    }
  }
  return {
    title,
    hasTreasuryColumns: classes.length > 0 ? sawTreasuryColumns : (hasTreasuryColumns(context.version) ?? false),
    classes,
    remarks,
  };
}

function findNext(range: LineRange, from: number, test: (line: Line) => boolean): number {
  for (let index = from; index < range.end; index++) if (test(lineAt(range.lines, index))) return index;
  return range.end;
}

/**
 * v1.2: "Public float sufficiency confirmation (Note 4)" with a tick against one of two statements, then
 * "Applicable public float threshold" and "Additional information", whose values may wrap.
 */
function readPublicFloat(
  context: ReadingContext,
  range: LineRange,
  shareClass: { className: string; listedOnExchange: boolean | null },
): PublicFloatConfirmation | null {
  const subject = shareClass.className;
  const { publicFloat } = context.labels;
  const start = findNext(range, range.start, (line) => startsWith(line, publicFloat.heading));
  if (start >= range.end) {
    // v1.2 asks every listed class for the confirmation: a class without one is a block the parser missed.
    if (versionAtLeast(context.version, 1, 2) && shareClass.listedOnExchange === true) {
      noteUncertain(context, SECTION, subject, 'no public float sufficiency confirmation was found under the class');
    }
    return null;
  }
  let statements = 0;
  let requirementCompliedWith: boolean | null = null;
  let applicableThreshold: string | null = null;
  let additionalInformation: string | null = null;
  let collecting: 'threshold' | 'additional' | undefined;
  let valueColumn = 0;
  for (let index = start + 1; index < range.end; index++) {
    const line = lineAt(range.lines, index);
    const ticked = isTicked(line);
    if (publicFloat.notComplied.test(line.text)) {
      statements++;
      if (ticked) requirementCompliedWith = false;
      collecting = undefined;
    } else if (publicFloat.complied.test(line.text) && !publicFloat.threshold.test(line.text)) {
      statements++;
      if (ticked) requirementCompliedWith = true;
      collecting = undefined;
    } else if (startsWith(line, publicFloat.threshold)) {
      applicableThreshold = nonEmpty(textAfter(line, publicFloat.threshold));
      valueColumn = valueColumnOf(line, publicFloat.threshold);
      collecting = 'threshold';
    } else if (startsWith(line, publicFloat.additionalInformation)) {
      additionalInformation = nonEmpty(textAfter(line, publicFloat.additionalInformation));
      valueColumn = valueColumnOf(line, publicFloat.additionalInformation);
      collecting = 'additional';
    } else if (collecting && line.words.every((word) => word.x0 >= valueColumn - 2)) {
      if (collecting === 'threshold') applicableThreshold = joinTextLines([applicableThreshold ?? '', line.text]);
      else additionalInformation = joinTextLines([additionalInformation ?? '', line.text]);
    } else {
      collecting = undefined;
    }
  }
  if (statements === 0 || requirementCompliedWith === null) {
    noteUncertain(
      context,
      SECTION,
      subject,
      statements === 0
        ? 'the public float statements were not found'
        : 'neither public float statement is ticked, or the tick was not recognised',
    );
  }
  return { requirementCompliedWith, applicableThreshold, additionalInformation };
}

/**
 * The e-form draws a tick (✔, AdobePiStd) left of the chosen statement. A font without a Unicode mapping can turn it
 * into another character, so any mark set apart to the left of the statement's first word counts as the tick.
 */
function isTicked(line: Line): boolean {
  if (line.words.some((word) => TICK.test(word.text))) return true;
  const statement = line.words.find((word) => word.text.length > 2);
  return line.words.some((word) => word.text.length <= 2 && statement !== undefined && word.x1 < statement.x0 - 5);
}

/** The left edge of a value printed after its label on the line; wrapped lines of the value start there too. */
function valueColumnOf(line: Line, label: RegExp): number {
  return wordsAfter(line, label)?.[0]?.x0 ?? Number.POSITIVE_INFINITY;
}

function nonEmpty(text: string | null): string | null {
  return text === null || text === '' ? null : text;
}
