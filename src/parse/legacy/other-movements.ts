/**
 * III "Other Movements in Issued Share Capital": ten typed entries (rights issue, open offer, placing, bonus issue,
 * scrip dividend, repurchase, redemption, consideration issue, capital reorganisation, other), each a block of
 * labelled cells (class of shares, issue / cancellation / redemption date, EGM approval date), a price, and two
 * figure columns. The table runs over several pages with its heading repeated, and a filer may report two events
 * of one type in one entry (two consideration issues under "8."): each date label starts a row of its own.
 */
import type { MonthlyReturn, OtherMovement, OtherMovementType } from '../../domain/monthly-return.js';
import type { PlacedItem } from '../layout/lines.js';
import { totalsStart, withoutEntryNumber } from './blocks.js';
import { isDateCell, isNothing, parseCellShareCount, parseDateCell, parsePrice } from './cell-values.js';
import { type ClassedRow, groupByClass } from './class-groups.js';
import { type Column, cellsByColumn, findColumns } from './columns.js';
import { type FieldEntry, readFields } from './fields.js';
import { annotationsOf, isAnnotation, readCount } from './figures.js';
import type { EntryField, LegacyLabels, NewSharesColumn } from './labels.js';
import { centre, groupLines, joinLines, tidy } from './layout.js';
import type { ParseNotes } from './parse-notes.js';
import type { Section } from './sections.js';
import type { SlotClass } from './share-slots.js';
import { classNamesOf, readSectionTotals } from './subtotals.js';

type MovementColumn = NewSharesColumn;
const PUNCTUATION_ONLY = /^[^\p{L}\p{N}]+$/u;

/** Labels, values and figures of an entry start this far above its first label line. */
const ENTRY_LEAD = 4;

type OtherMovements = MonthlyReturn['detailsOfMovements']['otherMovements'];

interface Entry {
  readonly event: string;
  readonly type: OtherMovementType;
}

export function readOtherMovements(
  section: Section | undefined,
  classes: readonly SlotClass[],
  notes: ParseNotes,
  labels: LegacyLabels,
): OtherMovements {
  const result: OtherMovements = { notApplicable: true, classes: [], totals: [], remarks: null };
  if (!section) {
    notes.missing('III(E)', 'The table of other movements in issued share capital was not found');
    return result;
  }
  const totalsAt = totalsStart(section.lines, 'E', section.to, labels);
  const { columnsByPage, body } = splitHeadings(section, totalsAt, labels);
  const classLabels = body.filter((item) => labels.otherMovements.classLabel.test(item.text.trim()));
  if (classLabels.length === 0 || columnsByPage.size === 0) {
    notes.uncertain('III(E)', null, 'III(E): the entries or the column headings were not found');
    return result;
  }
  const labelLeft = Math.min(...classLabels.map((item) => item.x));
  const rows: ClassedRow<OtherMovement>[] = [];
  let previous: Entry | undefined;
  classLabels.forEach((label, i) => {
    const from = label.pos - ENTRY_LEAD;
    const to = (classLabels[i + 1]?.pos ?? totalsAt + ENTRY_LEAD) - ENTRY_LEAD;
    const items = body.filter((item) => item.pos >= from && item.pos < to);
    const columns = columnsFor(columnsByPage, label.page);
    if (!columns) return;
    const entry = readEntryType(items, labelLeft, labels) ?? previous;
    previous = entry;
    if (!entry) return;
    rows.push(...readEntryRows(items, entry, labelLeft, columns, notes, labels));
  });
  result.classes = groupByClass(rows, classes, 'III(E)', notes, labels);
  result.notApplicable = rows.length === 0;
  result.totals = readSectionTotals(section, totalsAt, 'III(E)', notes, classNamesOf(result.classes), labels);
  return result;
}

/** The table heading is repeated on each page down to "Type of Issue"; below it are the entries. */
function splitHeadings(section: Section, totalsAt: number, labels: LegacyLabels) {
  const columnsByPage = new Map<number, Column<MovementColumn>[]>();
  const headingEnds = new Map<number, number>();
  for (const line of section.lines) {
    const isTypeOfIssue = labels.otherMovements.typeOfIssue.test(line.text);
    if (isTypeOfIssue && !headingEnds.has(line.page)) headingEnds.set(line.page, line.pos + 2);
  }
  for (const [page, end] of headingEnds) {
    const heading = section.items.filter((item) => item.page === page && item.pos < end);
    const columns = findColumns(heading, labels.newShares);
    if (columns.length > 0) columnsByPage.set(page, columns);
  }
  const body = section.items.filter((item) => item.pos < totalsAt && item.pos >= (headingEnds.get(item.page) ?? 0));
  return { columnsByPage, body };
}

function columnsFor(columnsByPage: ReadonlyMap<number, Column<MovementColumn>[]>, page: number) {
  const pages = [...columnsByPage.keys()].filter((candidate) => candidate <= page).sort((a, b) => b - a);
  return columnsByPage.get(pages[0] ?? -1) ?? [...columnsByPage.values()][0];
}

/** "8. Consideration issue" in the left column (left of "At price :" where the entry has a price). */
function readEntryType(items: readonly PlacedItem[], labelLeft: number, labels: LegacyLabels): Entry | undefined {
  const { atPrice: atPriceLabel, priceLabel, otherSpecified, otherEvent, eventTypes } = labels.otherMovements;
  const atPrice = items.find((item) => atPriceLabel.test(item.text.trim()));
  const limit = (atPrice?.x ?? labelLeft) - 2;
  const lines = groupLines(items.filter((item) => item.x < limit && !priceLabel.test(item.text.trim())));
  const text = withoutEntryNumber(joinLines(lines));
  if (!/\p{L}/u.test(text)) return undefined;
  // "10. Other (Please specify)" followed by what the filer specified: the event is what they wrote.
  const specified = otherSpecified.exec(text);
  const event = specified ? specified[1] || otherEvent : text;
  const type: OtherMovementType = eventTypes.find(([pattern]) => pattern.test(event))?.[1] ?? 'other';
  return { event, type };
}

function readEntryRows(
  items: readonly PlacedItem[],
  entry: Entry,
  labelLeft: number,
  columns: readonly Column<MovementColumn>[],
  notes: ParseNotes,
  labels: LegacyLabels,
): ClassedRow<OtherMovement>[] {
  const { fields: fieldRules, atPrice: atPriceLabel, priceLabel } = labels.otherMovements;
  const eventLabel = fieldRules.find((field) => field.key === 'event')?.label;
  const firstColumn = columns[0] as Column<MovementColumn>;
  // A long class or note can reach into the figure columns: only figures (and remark pointers, whose brackets the
  // Chinese form sets apart: "(" "備註一" ")") count as figures.
  const isFigure = (item: PlacedItem) =>
    centre(item) >= firstColumn.left - 12 &&
    (parseCellShareCount(item.text) !== undefined ||
      isAnnotation(item.text) ||
      PUNCTUATION_ONLY.test(item.text.trim()));
  const labelZone = items.filter((item) => item.x >= labelLeft - 3 && !isFigure(item));
  const eventLabels = groupLines(labelZone).filter((line) => eventLabel?.test(line.text));
  const starts = eventLabels.map((line, i) => (i === 0 ? Number.NEGATIVE_INFINITY : line.pos - ENTRY_LEAD));
  if (starts.length === 0) starts.push(Number.NEGATIVE_INFINITY);
  let classText: string | null = null;
  const rows: ClassedRow<OtherMovement>[] = [];
  starts.forEach((from, i) => {
    const to = starts[i + 1] ?? Number.POSITIVE_INFINITY;
    const rowItems = items.filter((item) => item.pos >= from && item.pos < to);
    const fields = readFields(
      groupLines(rowItems.filter((item) => item.x >= labelLeft - 3 && !isFigure(item))),
      fieldRules,
      labels.continuation,
    );
    if (i === 0) classText = entriesText(fields.get('class')) || null;
    const subject = `${entry.event}${starts.length > 1 ? ` (${i + 1})` : ''}`;
    const figures = cellsByColumn(rowItems.filter(isFigure), columns);
    const atPrice = rowItems.find((item) => atPriceLabel.test(item.text.trim()));
    const priceItems = atPrice
      ? rowItems.filter(
          (item) => item.x >= atPrice.right - 1 && centre(item) < labelLeft && !priceLabel.test(item.text.trim()),
        )
      : [];
    const price = parsePrice(joinLines(groupLines(priceItems)));
    const dated = [...(fields.get('event') ?? []), ...(fields.get('approval') ?? [])];
    const dateOf = (key: EntryField) =>
      (fields.get(key) ?? [])
        .map((field) => field.text)
        .filter(isDateCell)
        .map((text) => parseDateCell(text) ?? null)[0] ?? null;
    const noteParts = [
      ...dated
        .filter((field) => !isDateCell(field.text) && !isNothing(field.text))
        .sort((a, b) => a.pos - b.pos)
        .map((field) => field.text),
      ...annotationsOf(figures.get('issued')),
      ...annotationsOf(figures.get('issuable')),
    ];
    const movement: OtherMovement = {
      event: entry.event,
      type: entry.type,
      price,
      dateOfEvent: dateOf('event'),
      generalMeetingApprovalDate: dateOf('approval'),
      changeInIssuedShares: readCount(figures.get('issued'), 'III(E)', subject, notes),
      changeInTreasuryShares: null,
      pendingCancellation: null,
      sharesIssuableAtClose: readCount(figures.get('issuable'), 'III(E)', subject, notes),
      ...(noteParts.length > 0 ? { note: tidy(noteParts.join(' ')) } : {}),
    };
    const reported =
      movement.changeInIssuedShares !== null ||
      movement.sharesIssuableAtClose !== null ||
      movement.price !== null ||
      movement.dateOfEvent !== null;
    if (reported) rows.push({ classText, subject, row: movement });
  });
  return rows;
}

function entriesText(entries: readonly FieldEntry[] | undefined): string {
  return tidy((entries ?? []).map((entry) => entry.text).join(' '));
}
