/**
 * Part IV, "Information about Hong Kong Depositary Receipt (HDR)", for issuers listed under Chapter 19B: per class
 * of HDRs, the class block ("Stock code of HDR"), the rows naming the depositary, the HDR ratio and the underlying
 * class of shares where printed, then the balance rows of the number of HDRs and, where a column says so, of the
 * underlying shares.
 */
import type { MonthlyReturn } from '../../domain/monthly-return.js';
import { lineAt } from '../layout/lines.js';
import { readBalanceTable, readMovement } from './balance-table.js';
import { isClassLine, readClassBlock } from './class-block.js';
import { readHdrDetails } from './hdr-details.js';
import { type LineRange, noteUncertain, type ReadingContext } from './reading.js';
import { appendRemarks, isRemarksLine, readRemarks } from './remarks.js';

type HdrSection = MonthlyReturn['hdr'];
type HdrClass = HdrSection['classes'][number];

const SECTION = 'IV';

export function readHdrSection(context: ReadingContext, range: LineRange, notApplicable: boolean): HdrSection {
  const classes: HdrClass[] = [];
  let remarks: string | null = null;
  const { lines } = range;
  for (let index = range.start; index < range.end; index++) {
    const line = lineAt(lines, index);
    if (isClassLine(context, line)) {
      let end = index + 1;
      while (
        end < range.end &&
        !isClassLine(context, lineAt(lines, end)) &&
        !isRemarksLine(context, lineAt(lines, end))
      )
        end++;
      const block = readClassBlock(context, { lines, start: index, end }, SECTION);
      const subject = block.shareClass.description ?? block.shareClass.className;
      const details = readHdrDetails(context, { lines, start: block.end, end }, subject);
      const table = readBalanceTable(context, { lines, start: details.end, end }, details.end, SECTION, subject);
      const underlying = table.columns.findIndex((column) => context.labels.hdr.underlyingShares.test(column.heading));
      const hdrColumn = underlying === 0 ? 1 : 0;
      if (table.columns.length > 2) {
        noteUncertain(context, SECTION, subject, `expected 1 or 2 columns of HDRs, found ${table.columns.length}`);
      }
      classes.push({
        description: block.shareClass.description ?? block.shareClass.className,
        stockCode: block.shareClass.stockCode,
        hdrs: readMovement(context, table, hdrColumn, { section: SECTION, subject, name: 'HDRs' }),
        underlyingShares:
          underlying >= 0
            ? readMovement(context, table, underlying, { section: SECTION, subject, name: 'underlying shares' })
            : null,
        ...details.fields,
      });
      index = end - 1;
    } else if (isRemarksLine(context, line)) {
      const read = readRemarks(context, range, index, (l) => isClassLine(context, l));
      remarks = appendRemarks(remarks, read.text);
      index = read.end - 1;
    }
  }
  if (!notApplicable && classes.length === 0) {
    noteUncertain(
      context,
      SECTION,
      null,
      `the part is not marked "not applicable", yet no class of HDRs was found in it`,
    );
  }
  return { notApplicable, classes, remarks };
}
