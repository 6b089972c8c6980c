/**
 * The block that heads each class in parts I to IV:
 *   1. Class of shares  Ordinary shares   Type of shares  Not applicable   Listed on the Exchange (Note 1)  Yes
 *   Stock code (if listed)  01723          Description  Ordinary Shares
 *   (an A+H issuer's A shares print their Shanghai or Shenzhen code here: "600036", kept as another exchange's code)
 *   Multi-counter stock code  80020  RMB   Description  Class B ordinary shares
 */
import type { ShareClass } from '../../domain/monthly-return.js';
import { normaliseStockCode } from '../../domain/stock-code.js';
import { joinTextLines, type Line, lineAt } from '../layout/lines.js';
import { isNotReported } from '../not-reported.js';
import { type LabelledValue, readLabelledLine, startsWith, textAfter } from './labelled-line.js';
import { readOtherExchangeCode } from './other-exchange-code.js';
import { isNextWrappedLine, type LineRange, noteUncertain, type ReadingContext } from './reading.js';
import { isCurrencyCode } from './segments.js';

export interface ClassBlock {
  readonly shareClass: ShareClass;
  /** The index of the first line after the block. */
  readonly end: number;
}

export function isClassLine(context: ReadingContext, line: Line): boolean {
  return startsWith(line, context.labels.classBlock.className);
}

export function readClassBlock(context: ReadingContext, range: LineRange, section: string): ClassBlock {
  const { classBlock } = context.labels;
  const { lines } = range;
  const first = readLabelledLine(lineAt(lines, range.start), {
    className: classBlock.className,
    typeOfShares: classBlock.typeOfShares,
    listed: classBlock.listed,
  });
  const className = first.className?.text ?? '';
  const shareClass: ShareClass = {
    className,
    typeOfShares: nonEmpty(first.typeOfShares?.text),
    listedOnExchange: readYesNo(context, first.listed?.text),
    stockCode: null,
    description: null,
    multiCounters: [],
  };

  let index = range.start + 1;
  let descriptionLine: { value: LabelledValue; line: Line } | undefined;
  for (; index < range.end; index++) {
    const line = lineAt(lines, index);
    if (startsWith(line, classBlock.multiCounter)) {
      const values = readLabelledLine(line, { code: classBlock.multiCounter, description: classBlock.description });
      const words = values.code?.words.map((word) => word.text) ?? [];
      const stockCode = normaliseStockCode(words.find((word) => /^\d{1,5}$/.test(word)) ?? '');
      if (stockCode) {
        shareClass.multiCounters.push({
          stockCode,
          currency: words.find(isCurrencyCode) ?? null,
          description: nonEmpty(values.description?.text),
        });
      } else {
        noteUncertain(context, section, className, `no stock code could be read from "${line.text}"`);
      }
      descriptionLine = undefined;
    } else if (startsWith(line, classBlock.stockCode)) {
      const values = readLabelledLine(line, { code: classBlock.stockCode, description: classBlock.description });
      const code = values.code?.text ?? '';
      shareClass.stockCode = normaliseStockCode(code);
      const elsewhere = shareClass.stockCode ? undefined : readOtherExchangeCode(context, section, className, code);
      if (elsewhere) shareClass.otherExchangeCode = elsewhere;
      // An unlisted class prints N/A, 不適用 or a dash, as any cell with nothing to report; a six-digit code is
      // another exchange's, which other-exchange-code.ts notes where it cannot place it.
      if (elsewhere === undefined && !shareClass.stockCode && !isNotReported(code)) {
        noteUncertain(context, section, className, `"${code}" is not a stock code`);
      }
      // A description the "Other type (Please specify)" row gave stays where this line prints none.
      shareClass.description = nonEmpty(values.description?.text) ?? shareClass.description;
      descriptionLine = values.description && { value: values.description, line };
    } else if (startsWith(line, classBlock.otherType)) {
      readOtherType(line, classBlock.otherType, shareClass);
      descriptionLine = undefined;
    } else if (descriptionLine && continuesValue(descriptionLine, line)) {
      shareClass.description = joinTextLines([shareClass.description ?? '', line.text]);
      descriptionLine = { ...descriptionLine, line };
    } else {
      break;
    }
  }
  return { shareClass, end: index };
}

/**
 * Part III's "Other type (Please specify) | Class B ordinary shares" (SenseTime's III(A), under the class of shares
 * issuable): the shares are of another type than the form's choices, which the filer names. The type is kept as
 * the form labels it, and what the filer wrote as the class's description, as part II's "Other type (specify in
 * description)" keeps it. A row left empty says nothing.
 */
function readOtherType(line: Line, label: RegExp, shareClass: ShareClass): void {
  const match = label.exec(line.text);
  const specified = textAfter(line, label);
  if (!match || !specified) return;
  shareClass.typeOfShares = match[0].trim();
  shareClass.description = shareClass.description ? joinTextLines([shareClass.description, specified]) : specified;
}

/** A wrapped description: the next line, with every word under the value's column. */
function continuesValue(previous: { value: LabelledValue; line: Line }, line: Line): boolean {
  const column = previous.value.words[0]?.x0 ?? previous.value.labelEnd;
  return isNextWrappedLine(previous.line, line) && line.words.every((word) => word.x0 >= column - 2);
}

export function readYesNo(context: ReadingContext, text: string | undefined): boolean | null {
  if (text === undefined || text === '') return null;
  if (context.labels.yes.test(text)) return true;
  if (context.labels.no.test(text)) return false;
  return null;
}

export function nonEmpty(text: string | undefined): string | null {
  return text === undefined || text === '' ? null : text;
}
