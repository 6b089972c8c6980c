/**
 * III "Share Options (under Share Option Schemes of the Issuer)". Unlike FF301, the old form prints the month's
 * movements as four columns (Granted, Exercised, Cancelled, Lapsed) beside the scheme's particulars, and no
 * outstanding balances. The particulars cell holds the scheme's name, its EGM approval date in brackets and, on the
 * line above "(Note 1)", the class of shares issuable.
 */
import type { InstrumentMovement, MonthlyReturn, ShareOptionScheme } from '../../domain/monthly-return.js';
import { figureItems, findBlocks, leftLines, readNumberedTable, withoutEntryNumber } from './blocks.js';
import { currencyInLabel, isNothing, parseCellAmount, parseDateCell } from './cell-values.js';
import { type ClassedRow, groupByClass } from './class-groups.js';
import { cellsByColumn } from './columns.js';
import { readCount } from './figures.js';
import type { LegacyLabels, OptionColumn } from './labels.js';
import { joinItems, joinLines, tidy } from './layout.js';
import type { ParseNotes } from './parse-notes.js';
import type { Section } from './sections.js';
import type { SlotClass } from './share-slots.js';
import { classNamesOf, readSectionTotals } from './subtotals.js';

const MOVEMENT_COLUMNS = ['granted', 'exercised', 'cancelled', 'lapsed'] as const;
const DATE_PLACEHOLDER = /\(\s*\/\s*\/\s*\)/g;

type ShareOptionsSection = MonthlyReturn['detailsOfMovements']['shareOptions'];

export function readShareOptions(
  section: Section | undefined,
  classes: readonly SlotClass[],
  notes: ParseNotes,
  labels: LegacyLabels,
): ShareOptionsSection {
  const result: ShareOptionsSection = {
    notApplicable: true,
    classes: [],
    totals: [],
    remarks: null,
    fundsRaised: null,
  };
  if (!section) {
    notes.missing('III(A)', 'The share options table was not found');
    return result;
  }
  const { columns, lastHeadingLine, movementLabels } = labels.shareOptions;
  const table = readNumberedTable(section, columns, 'A', lastHeadingLine, labels);
  const granted = table.columns.find((column) => column.key === 'granted') ?? table.columns[0];
  if (!granted) {
    notes.uncertain('III(A)', null, 'III(A): the share options table headings were not found');
    return result;
  }
  const rows: ClassedRow<ShareOptionScheme>[] = [];
  for (const block of findBlocks(table.items, granted.left, table.from, table.to)) {
    const particularLines = leftLines(block.items, granted.left - 4).filter((line) => line.text !== '');
    const noteIndex = particularLines.findIndex((line) => isNoteMark(line.text, labels));
    const beforeNote = noteIndex >= 0 ? particularLines.slice(0, noteIndex) : particularLines;
    const classLine = beforeNote.length > 1 ? beforeNote[beforeNote.length - 1] : undefined;
    const particulars = tidy(
      withoutEntryNumber(joinLines(classLine ? beforeNote.slice(0, -1) : beforeNote)).replace(DATE_PLACEHOLDER, ''),
    );
    if (isNothing(particulars)) continue;
    const subject = `scheme ${block.number}`;
    const cells = cellsByColumn(figureItems(block.items, table.columns), table.columns);
    const figure = (key: OptionColumn) => readCount(cells.get(key), 'III(A)', subject, notes);
    const movements: InstrumentMovement[] = MOVEMENT_COLUMNS.filter((key) =>
      table.columns.some((c) => c.key === key),
    ).map((key) => ({ type: key, label: movementLabels[key], number: figure(key), amount: null }));
    rows.push({
      classText: classLine?.text ?? null,
      subject,
      row: {
        particulars,
        outstandingPreceding: null,
        movements,
        outstandingClosing: null,
        newSharesIssued: figure('issued'),
        treasurySharesTransferred: null,
        sharesIssuableAtClose: figure('issuable'),
        generalMeetingApprovalDate: parseDateCell(particulars) ?? null,
        sharesIssuableUnderOptionsToBeGranted: null,
      },
    });
  }
  result.classes = groupByClass(rows, classes, 'III(A)', notes, labels);
  result.notApplicable = rows.length === 0;
  result.totals = readSectionTotals(section, table.to, 'III(A)', notes, classNamesOf(result.classes), labels);
  result.fundsRaised = readFundsRaised(section, labels);
  return result;
}

/** A line that is the template's "(Note 1)" alone. */
function isNoteMark(text: string, labels: LegacyLabels): boolean {
  return labels.noteMark.test(text) && text.trim().replace(labels.noteMark, '').trim() === '';
}

/** "Total funds raised during the month from exercise of options (HK$)": the figure right of the two-line label. */
function readFundsRaised(section: Section, labels: LegacyLabels) {
  const index = section.lines.findIndex((line) => labels.shareOptions.fundsRaised.test(line.text));
  if (index < 0) return null;
  const labelLines = section.lines.slice(index, index + 2);
  const labelX = labelLines[0]?.items[0]?.x ?? 0;
  const labelItems = labelLines.flatMap((line) => line.items).filter((item) => item.x < labelX + 5);
  const labelRight = Math.max(...labelItems.map((item) => item.right));
  // The Chinese label ends in "(港元)" set apart from its words: the currency's brackets are no part of the figure.
  const valueItems = labelLines
    .flatMap((line) => line.items)
    .filter((item) => item.x > labelRight && !isCurrencyMark(item.text));
  const parsed = parseCellAmount(joinItems(valueItems));
  if (!parsed?.amount) return null;
  const label = labelLines.map((line) => line.text).join(' ');
  return { currency: parsed.currency ?? currencyInLabel(label), amount: parsed.amount };
}

function isCurrencyMark(text: string): boolean {
  const bare = text.trim().replace(/^[(（]|[)）]$/g, '');
  return bare === '' || (currencyInLabel(bare) !== null && !/\d/.test(bare));
}
