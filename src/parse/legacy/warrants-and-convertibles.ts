/**
 * III "Warrants to Issue Shares of the Issuer" and "Convertibles". Both tables print, per entry, a description
 * (for warrants with the date of expiry in brackets), a row of figures (currency, amount at close of the preceding
 * month, exercised / converted during the month, amount at close of the month, new shares issued, shares issuable),
 * and under it four labelled cells: stock code, class of shares issuable, subscription price, EGM approval date.
 */
import type { MonthlyReturn, WarrantOrConvertible } from '../../domain/monthly-return.js';
import { normaliseStockCode } from '../../domain/stock-code.js';
import type { PlacedItem } from '../layout/lines.js';
import { figureItems, findBlocks, leftLines, readNumberedTable, withoutEntryNumber } from './blocks.js';
import { currencyOf, isDateCell, isNothing, parseDateCell, parsePrice } from './cell-values.js';
import { type ClassedRow, groupByClass } from './class-groups.js';
import { type Column, type ColumnRules, cellsByColumn } from './columns.js';
import { fieldText, readFields } from './fields.js';
import { readAmount, readCount } from './figures.js';
import type { LegacyLabels } from './labels.js';
import { groupLines, joinLines, tidy } from './layout.js';
import type { ParseNotes } from './parse-notes.js';
import type { Section } from './sections.js';
import type { SlotClass } from './share-slots.js';
import { classNamesOf, readSectionTotals } from './subtotals.js';

type InstrumentColumn = 'currency' | 'preceding' | 'movement' | 'closing' | 'issued' | 'issuable';

interface InstrumentTable {
  readonly section: 'III(B)' | 'III(C)';
  readonly letter: 'B' | 'C';
  readonly movement: { readonly type: 'exercised' | 'converted'; readonly label: string };
  readonly hasExpiry: boolean;
  /** The heading's bottom line, as Word repeats it on each page the table runs onto. */
  readonly lastHeadingLine: RegExp;
  readonly labels: LegacyLabels;
}

/** The two tables differ in their movement column only: "Exercised during the month" / "Converted ...". */
function columnsOf(table: InstrumentTable): ColumnRules<InstrumentColumn> {
  const { columns, movementColumn } = table.labels.instruments;
  const movement = { key: 'movement' as const, pattern: movementColumn[table.movement.type] };
  // Tried in the order printed: the movement before the closing amount, whose words it may share.
  return [
    ...columns.filter((rule) => rule.key !== 'closing'),
    movement,
    ...columns.filter((rule) => rule.key === 'closing'),
  ];
}

/** The two tables by their letter: warrants have a date of expiry, convertibles do not. */
function instrumentTable(letter: 'B' | 'C', labels: LegacyLabels): InstrumentTable {
  const type = letter === 'B' ? 'exercised' : 'converted';
  const { movementLabel, warrantsLastHeading, convertiblesLastHeading } = labels.instruments;
  return {
    section: `III(${letter})`,
    letter,
    movement: { type, label: movementLabel[type] },
    hasExpiry: letter === 'B',
    lastHeadingLine: letter === 'B' ? warrantsLastHeading : convertiblesLastHeading,
    labels,
  };
}

type Detail = MonthlyReturn['detailsOfMovements']['warrants'];

export function readWarrants(
  section: Section | undefined,
  classes: readonly SlotClass[],
  notes: ParseNotes,
  labels: LegacyLabels,
): Detail {
  return readInstrumentTable(instrumentTable('B', labels), section, classes, notes);
}

export function readConvertibles(
  section: Section | undefined,
  classes: readonly SlotClass[],
  notes: ParseNotes,
  labels: LegacyLabels,
): Detail {
  return readInstrumentTable(instrumentTable('C', labels), section, classes, notes);
}

function readInstrumentTable(
  table: InstrumentTable,
  section: Section | undefined,
  classes: readonly SlotClass[],
  notes: ParseNotes,
): Detail {
  const result: Detail = { notApplicable: true, classes: [], totals: [], remarks: null };
  if (!section) {
    notes.missing(table.section, `The ${table.letter === 'B' ? 'warrants' : 'convertibles'} table was not found`);
    return result;
  }
  const frame = readNumberedTable(section, columnsOf(table), table.letter, table.lastHeadingLine, table.labels);
  const first = frame.columns[0];
  if (!first) {
    notes.uncertain(table.section, null, `${table.section}: the table headings were not found`);
    return result;
  }
  const rows: ClassedRow<WarrantOrConvertible>[] = [];
  for (const block of findBlocks(frame.items, first.left, frame.from, frame.to)) {
    const entry = readEntry(table, block.items, frame.columns, `${block.number}`, notes);
    if (entry) rows.push(entry);
  }
  result.classes = groupByClass(rows, classes, table.section, notes, table.labels);
  result.notApplicable = rows.length === 0;
  result.totals = readSectionTotals(
    section,
    frame.to,
    table.section,
    notes,
    classNamesOf(result.classes),
    table.labels,
  );
  return result;
}

function readEntry(
  table: InstrumentTable,
  items: readonly PlacedItem[],
  columns: readonly Column<InstrumentColumn>[],
  number: string,
  notes: ParseNotes,
): ClassedRow<WarrantOrConvertible> | undefined {
  const first = columns[0] as Column<InstrumentColumn>;
  const { fields: detailFields } = table.labels.instruments;
  const stockCodeLabel = detailFields.find((field) => field.key === 'stockCode')?.label;
  const detailStart =
    groupLines(items).find((line) => stockCodeLabel?.test(line.text.trim()))?.pos ?? Number.POSITIVE_INFINITY;
  const figureZone = items.filter((item) => item.pos < detailStart - 2);
  const descriptionLines = leftLines(figureZone, first.left - 4);
  const { description, dateOfExpiry } = splitDescription(
    withoutEntryNumber(joinLines(descriptionLines)),
    table.hasExpiry,
  );
  if (isNothing(description)) return undefined;
  const subject = `${number}. ${description}`;

  const cells = cellsByColumn(figureItems(figureZone, columns), columns);
  const amount = (key: InstrumentColumn) => readAmount(cells.get(key), table.section, subject, notes);
  const preceding = amount('preceding');
  const movement = amount('movement');
  const closing = amount('closing');
  const printedCurrency = (cells.get('currency') ?? []).map((item) => item.text.trim()).join(' ');
  const currency =
    (isNothing(printedCurrency) ? null : currencyOf(printedCurrency)) ?? preceding.currency ?? closing.currency ?? null;
  const units = preceding.units || movement.units || closing.units;

  const detailLines = groupLines(items.filter((item) => item.pos >= detailStart - 2));
  const fields = readFields(detailLines, detailFields, table.labels.continuation);
  const printedCode = fieldText(fields, 'stockCode');
  const approval = tidy(fieldText(fields, 'approval'));
  const approvalDate = isDateCell(approval) ? (parseDateCell(approval) ?? null) : null;
  const note = isNothing(approval) || isDateCell(approval) ? null : approval;

  return {
    classText: fieldText(fields, 'class') || null,
    subject,
    row: {
      description,
      currency,
      amountPreceding: preceding.amount,
      movements: [{ ...table.movement, number: null, amount: movement.amount }],
      amountClosing: closing.amount,
      newSharesIssued: readCount(cells.get('issued'), table.section, subject, notes),
      treasurySharesTransferred: null,
      sharesIssuableAtClose: readCount(cells.get('issuable'), table.section, subject, notes),
      generalMeetingApprovalDate: approvalDate,
      instrumentType: null,
      instrumentStockCode: isNothing(printedCode) ? null : normaliseStockCode(printedCode.replace(/\s/g, '')),
      price: parsePrice(fieldText(fields, 'price'), currency),
      dateOfExpiry,
      ...(units ? { amountsIn: 'units' as const } : {}),
      ...(note ? { note } : {}),
    },
  };
}

/**
 * "Unlisted Warrant (27 / 10 / 2012)": the last bracket is the date of expiry when it holds a date; an empty
 * "( / / )" is dropped, and prose ("(12 months from ... the date of issue of warrant)") stays in the description.
 */
function splitDescription(text: string, hasExpiry: boolean): { description: string; dateOfExpiry: string | null } {
  const withoutPlaceholder = tidy(text.replace(/\(\s*\/\s*\/\s*\)/g, ''));
  if (!hasExpiry) return { description: withoutPlaceholder, dateOfExpiry: null };
  const match = /\(([^()]*)\)\s*$/.exec(withoutPlaceholder);
  if (match?.[1] && isDateCell(`(${match[1]})`)) {
    return {
      description: tidy(withoutPlaceholder.slice(0, match.index)),
      dateOfExpiry: parseDateCell(match[1]) ?? null,
    };
  }
  return { description: withoutPlaceholder, dateOfExpiry: null };
}
