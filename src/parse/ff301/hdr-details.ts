/**
 * The rows part IV prints under an HDR class block, before its table: who the depositary is and what one HDR stands
 * for, and the class of shares the HDRs represent:
 *   Depositary  Harbour Trust Depositary Limited      HDR ratio  1 HDR : 2 ordinary shares
 *   Underlying class of shares  Ordinary shares  Type of shares  Not applicable  Listed on the Exchange (Note 1)  No
 * Only rows printed become fields, so a return whose part IV has none reads as it did before they were read.
 */
import type { HdrClass, HdrRatio } from '../../domain/monthly-return.js';
import { lineAt } from '../layout/lines.js';
import { nonEmpty, readYesNo } from './class-block.js';
import { readLabelledLine, startsWith } from './labelled-line.js';
import { type LineRange, noteUncertain, type ReadingContext } from './reading.js';

type HdrDetailFields = Pick<HdrClass, 'depositary' | 'hdrRatio' | 'underlyingClass'>;

export interface HdrDetails {
  readonly fields: HdrDetailFields;
  /** The index of the first line after the rows. */
  readonly end: number;
}

const SECTION = 'IV';

export function readHdrDetails(context: ReadingContext, range: LineRange, subject: string): HdrDetails {
  const { hdr, classBlock } = context.labels;
  const fields: HdrDetailFields = {};
  let index = range.start;
  for (; index < range.end; index++) {
    const line = lineAt(range.lines, index);
    if (startsWith(line, hdr.depositary) || startsWith(line, hdr.ratio)) {
      const values = readLabelledLine(line, { depositary: hdr.depositary, ratio: hdr.ratio });
      if (values.depositary) fields.depositary = nonEmpty(values.depositary.text);
      if (values.ratio) fields.hdrRatio = readHdrRatio(context, subject, values.ratio.text);
    } else if (startsWith(line, hdr.underlyingClass)) {
      const values = readLabelledLine(line, {
        className: hdr.underlyingClass,
        typeOfShares: classBlock.typeOfShares,
        listed: classBlock.listed,
      });
      const className = nonEmpty(values.className?.text);
      fields.underlyingClass =
        className === null
          ? null
          : {
              className,
              typeOfShares: nonEmpty(values.typeOfShares?.text),
              listedOnExchange: readYesNo(context, values.listed?.text),
            };
    } else {
      break;
    }
  }
  return { fields, end: index };
}

/** "1 HDR : 2 ordinary shares" -> { hdrs: "1", shares: "2" }; null for a blank cell or one that says otherwise. */
function readHdrRatio(context: ReadingContext, subject: string, text: string): HdrRatio | null {
  if (text === '') return null;
  const match = context.labels.hdr.ratioValue.exec(text);
  const hdrs = match?.[1]?.replaceAll(',', '');
  const shares = match?.[2]?.replaceAll(',', '');
  if (hdrs === undefined || shares === undefined) {
    noteUncertain(context, SECTION, subject, `the HDR ratio "${text}" could not be read as "1 HDR : N shares"`);
    return null;
  }
  return { hdrs, shares };
}
