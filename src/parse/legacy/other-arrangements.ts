/**
 * III "Any other Agreements or Arrangements to Issue Shares of the Issuer which are to be Listed, including Options
 * (other than under Share Option Schemes)": entries whose full particulars (with an EGM approval date in brackets
 * and a "... shares (Note 1)" line naming the class) stand beside two figure columns.
 */
import type { MonthlyReturn, OtherArrangement } from '../../domain/monthly-return.js';
import { figureItems, findBlocks, leftLines, readNumberedTable, withoutEntryNumber } from './blocks.js';
import { isNothing, parseDateCell } from './cell-values.js';
import { type ClassedRow, groupByClass } from './class-groups.js';
import { type ColumnRules, cellsByColumn } from './columns.js';
import { readCount } from './figures.js';
import { joinLines, tidy } from './layout.js';
import type { ParseNotes } from './parse-notes.js';
import type { Section } from './sections.js';
import type { SlotClass } from './share-slots.js';
import { classNamesOf, readSectionTotals } from './subtotals.js';

type ArrangementColumn = 'issued' | 'issuable';
const COLUMNS: ColumnRules<ArrangementColumn> = [
  { key: 'issuable', pattern: /which\s+may\s+be|may be issued/i },
  { key: 'issued', pattern: /issuer\s+issued|issued\s+during/i },
];

const CLASS_LINE = /\(\s*note\s*\d\s*\)/i;

type OtherArrangements = MonthlyReturn['detailsOfMovements']['otherArrangements'];

export function readOtherArrangements(
  section: Section | undefined,
  classes: readonly SlotClass[],
  notes: ParseNotes,
): OtherArrangements {
  const result: OtherArrangements = { notApplicable: true, classes: [], totals: [], remarks: null };
  if (!section) {
    notes.missing('III(D)', 'The table of other agreements or arrangements to issue shares was not found');
    return result;
  }
  const table = readNumberedTable(section, COLUMNS, 'D', /class of shares issuable\s*:?\s*$/i);
  const first = table.columns[0];
  if (!first) {
    notes.uncertain('III(D)', null, 'III(D): the table headings were not found');
    return result;
  }
  const rows: ClassedRow<OtherArrangement>[] = [];
  for (const block of findBlocks(table.items, first.left, table.from, table.to)) {
    const lines = leftLines(block.items, first.left - 4);
    const classLine = lines.find((line) => CLASS_LINE.test(line.text));
    const particulars = tidy(
      withoutEntryNumber(joinLines(lines.filter((line) => line !== classLine))).replace(/\(\s*\/\s*\/\s*\)/g, ''),
    );
    if (isNothing(particulars)) continue;
    const subject = `${block.number}. ${particulars}`;
    const cells = cellsByColumn(figureItems(block.items, table.columns), table.columns);
    rows.push({
      classText: classLine ? tidy(classLine.text.replace(CLASS_LINE, '')) : null,
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
  result.classes = groupByClass(rows, classes, 'III(D)', notes);
  result.notApplicable = rows.length === 0;
  result.totals = readSectionTotals(section, table.to, 'III(D)', notes, classNamesOf(result.classes));
  return result;
}
