/**
 * III "Any other Agreements or Arrangements to Issue Shares of the Issuer which are to be Listed, including Options
 * (other than under Share Option Schemes)": entries whose full particulars (with an EGM approval date in brackets
 * and a "... shares (Note 1)" line naming the class) stand beside two figure columns.
 */
import type { MonthlyReturn, OtherArrangement } from '../../domain/monthly-return.js';
import { figureItems, findBlocks, leftLines, readNumberedTable, withoutEntryNumber } from './blocks.js';
import { isNothing, parseDateCell } from './cell-values.js';
import { type ClassedRow, groupByClass } from './class-groups.js';
import { cellsByColumn } from './columns.js';
import { readCount } from './figures.js';
import type { LegacyLabels } from './labels.js';
import { joinLines, tidy } from './layout.js';
import type { ParseNotes } from './parse-notes.js';
import type { Section } from './sections.js';
import type { SlotClass } from './share-slots.js';
import { classNamesOf, readSectionTotals } from './subtotals.js';

type OtherArrangements = MonthlyReturn['detailsOfMovements']['otherArrangements'];

export function readOtherArrangements(
  section: Section | undefined,
  classes: readonly SlotClass[],
  notes: ParseNotes,
  labels: LegacyLabels,
): OtherArrangements {
  const result: OtherArrangements = { notApplicable: true, classes: [], totals: [], remarks: null };
  if (!section) {
    notes.missing('III(D)', 'The table of other agreements or arrangements to issue shares was not found');
    return result;
  }
  const table = readNumberedTable(section, labels.newShares, 'D', labels.otherArrangements.lastHeadingLine, labels);
  const classLine = labels.noteMark;
  const first = table.columns[0];
  if (!first) {
    notes.uncertain('III(D)', null, 'III(D): the table headings were not found');
    return result;
  }
  const rows: ClassedRow<OtherArrangement>[] = [];
  for (const block of findBlocks(table.items, first.left, table.from, table.to)) {
    const lines = leftLines(block.items, first.left - 4);
    const classText = lines.find((line) => classLine.test(line.text));
    const particulars = tidy(
      withoutEntryNumber(joinLines(lines.filter((line) => line !== classText))).replace(/\(\s*\/\s*\/\s*\)/g, ''),
    );
    if (isNothing(particulars)) continue;
    const subject = `${block.number}. ${particulars}`;
    const cells = cellsByColumn(figureItems(block.items, table.columns), table.columns);
    rows.push({
      classText: classText ? tidy(classText.text.replace(classLine, '')) : null,
      subject,
      row: {
        description: particulars,
        movements: [],
        newSharesIssued: readCount(cells.get('issued'), 'III(D)', subject, notes),
        treasurySharesTransferred: null,
        sharesIssuableAtClose: readCount(cells.get('issuable'), 'III(D)', subject, notes),
        generalMeetingApprovalDate: parseDateCell(particulars) ?? null,
      },
    });
  }
  result.classes = groupByClass(rows, classes, 'III(D)', notes, labels);
  result.notApplicable = rows.length === 0;
  result.totals = readSectionTotals(section, table.to, 'III(D)', notes, classNamesOf(result.classes), labels);
  return result;
}
