/**
 * Part I, "Movements in Authorised Share Capital": four fixed slots (ordinary (1) and (2), preference, other), each
 * with a stock code, a description and a three-row table of shares, par value and authorised capital. A slot the
 * filer left empty prints "N/A" or nothing, and is not a class.
 */
import type { AuthorisedShareCapital, AuthorisedShareClass } from '../../domain/monthly-return.js';
import { exchangeOfSixDigitCode, normaliseStockCode, type OtherExchangeCode } from '../../domain/stock-code.js';
import { type Line, lineAt } from '../layout/lines.js';
import { currencyInLabel, isNothing, parseCellAmount, parseCellShareCount } from './cell-values.js';
import { findColumns } from './columns.js';
import type { AuthorisedColumn, BalanceRow, LegacyLabels } from './labels.js';
import { joinItems, tidy } from './layout.js';
import type { ParseNotes } from './parse-notes.js';
import { cellText, readRows } from './rows.js';
import type { Section } from './sections.js';
import { makeSlotClass, type ShareSlot } from './share-slots.js';

export interface AuthorisedSlot {
  readonly slot: ShareSlot;
  readonly stockCode: string | null;
  /** An A+H issuer's A shares: the six-digit Shanghai or Shenzhen code its "Stock code" prints. */
  readonly otherExchangeCode?: OtherExchangeCode;
  readonly description: string | null;
  readonly figures: Omit<
    AuthorisedShareClass,
    | 'className'
    | 'typeOfShares'
    | 'listedOnExchange'
    | 'stockCode'
    | 'otherExchangeCode'
    | 'description'
    | 'multiCounters'
  > | null;
}

export function readAuthorisedSlots(
  section: Section | undefined,
  notes: ParseNotes,
  labels: LegacyLabels,
): AuthorisedSlot[] {
  if (!section) {
    notes.missing('I', 'Part I (Movements in Authorised Share Capital) was not found');
    return [];
  }
  const lines = section.lines;
  const totalIndex = lines.findIndex((line) => labels.authorised.total.test(line.text));
  // The total's figure can sit a point above its label: the last slot ends above the whole line.
  const end = totalIndex >= 0 ? Math.min(...lineAt(lines, totalIndex).items.map((item) => item.pos)) : section.to;
  const codeLines = lines.filter((line) => labels.authorised.stockCodeLine.test(line.text) && line.pos < end);
  const slots: AuthorisedSlot[] = [];
  codeLines.forEach((codeLine, i) => {
    const slot = slotOf(lines, codeLine, labels);
    if (!slot || slots.some((existing) => existing.slot === slot)) return;
    const slotEnd = codeLines[i + 1]?.pos ?? end;
    slots.push(readSlot(section, codeLine, slot, slotEnd, notes, labels));
  });
  return slots;
}

/** "(1) Stock code" / "(2) Stock code" under "1. Ordinary Shares"; the heading above names the other two. */
function slotOf(lines: readonly Line[], codeLine: Line, labels: LegacyLabels): ShareSlot | undefined {
  const headings = lines.filter((line) => line.pos <= codeLine.pos && labels.authorised.slotHeading.test(line.text));
  const heading = headings[headings.length - 1]?.text ?? '';
  const kind = labels.authorised.slotWords.find(([pattern]) => pattern.test(heading))?.[1];
  if (kind === 'ordinary') return /^\(?2\)/.test(codeLine.text.trim()) ? 'ordinary2' : 'ordinary1';
  return kind;
}

function readSlot(
  section: Section,
  codeLine: Line,
  slot: ShareSlot,
  end: number,
  notes: ParseNotes,
  labels: LegacyLabels,
): AuthorisedSlot {
  const codeMatch = labels.authorised.codeAndDescription.exec(codeLine.text);
  const printedCode = codeMatch?.[1]?.trim() ?? '';
  const compactCode = printedCode.replace(/\s/g, '');
  const stockCode = isNothing(printedCode) ? null : normaliseStockCode(compactCode);
  const otherExchangeCode = stockCode === null ? readOtherExchangeCode(compactCode, notes, slot) : undefined;
  const printedDescription = tidy(codeMatch?.[3] ?? '');
  const description = isNothing(printedDescription) ? null : printedDescription;

  const slotItems = section.items.filter((item) => item.pos > codeLine.pos + 1 && item.pos < end);
  const slotLines = section.lines.filter((line) => line.pos > codeLine.pos + 1 && line.pos < end);
  const balanceRows = labels.authorised.rows;
  const firstRow = slotLines.find((line) => balanceRows.some((row) => row.label.test(line.text)));
  const headingItems = slotItems.filter((item) => item.pos < (firstRow?.pos ?? end) - 2);
  const columns = findColumns(headingItems, labels.authorised.columns);
  const rows = readRows(slotLines, slotItems, balanceRows, columns, end);

  const heading = (key: AuthorisedColumn) => columns.find((column) => column.key === key)?.heading ?? '';
  const shares = (row: BalanceRow) => count(cellText(rows.get(row), 'shares'), notes, slot);
  const capital = (row: BalanceRow) => parseCellAmount(cellText(rows.get(row), 'capital'));
  const par = parseCellAmount(cellText(rows.get('closing'), 'parValue') || cellText(rows.get('preceding'), 'parValue'));
  const preceding = capital('preceding');
  const movement = capital('movement');
  const closing = capital('closing');
  const figures = {
    authorisedShares: { preceding: shares('preceding'), movement: shares('movement'), closing: shares('closing') },
    parValue: par?.amount ?? null,
    parValueCurrency: currencyInLabel(heading('parValue')) ?? par?.currency ?? null,
    authorisedCapital: {
      preceding: preceding?.amount ?? null,
      movement: movement?.amount ?? null,
      closing: closing?.amount ?? null,
    },
    authorisedCapitalCurrency: currencyInLabel(heading('capital')) ?? closing?.currency ?? preceding?.currency ?? null,
  };
  const empty =
    stockCode === null &&
    otherExchangeCode === undefined &&
    Object.values(figures.authorisedShares).every((value) => value === null) &&
    Object.values(figures.authorisedCapital).every((value) => value === null);
  return {
    slot,
    stockCode,
    ...(otherExchangeCode ? { otherExchangeCode } : {}),
    description,
    figures: empty ? null : figures,
  };
}

/**
 * Six digits are how Shanghai and Shenzhen number their listings (an A+H issuer files its A shares in slot (2)):
 * kept with the exchange their first digit names, never padded into an HKEX code; a code whose exchange cannot be
 * told is flagged rather than guessed.
 */
function readOtherExchangeCode(code: string, notes: ParseNotes, slot: ShareSlot): OtherExchangeCode | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const exchange = exchangeOfSixDigitCode(code);
  if (exchange) return { exchange, stockCode: code };
  notes.uncertain('I', slot, `Part I: stock code ${code} has six digits, but its first digit names no exchange`);
  return undefined;
}

function count(text: string, notes: ParseNotes, slot: ShareSlot): number | null {
  const value = parseCellShareCount(text);
  if (value === undefined) {
    notes.uncertain('I', slot, `Part I: "${text}" is not a number of shares`);
    return null;
  }
  return value;
}

export function buildAuthorisedCapital(
  slots: readonly AuthorisedSlot[],
  usedSlots: ReadonlySet<ShareSlot>,
  section: Section | undefined,
  labels: LegacyLabels,
): AuthorisedShareCapital {
  const classes: AuthorisedShareClass[] = [];
  for (const entry of slots) {
    if (!entry.figures) continue;
    const shareClass = makeSlotClass(entry.slot, usedSlots, entry, labels);
    classes.push({ ...shareClass, ...entry.figures });
  }
  return { notApplicable: classes.length === 0, classes, totalAuthorisedCapital: readTotal(section, labels) };
}

/** "Total authorised share capital at the end of the month (HK$) : $400,000,000.00". */
function readTotal(section: Section | undefined, labels: LegacyLabels) {
  const line = section?.lines.find((candidate) => labels.authorised.total.test(candidate.text));
  if (!line) return [];
  const colon = line.items.findIndex((item) => /:\s*$/.test(item.text) || item.text.trim() === ':');
  const valueItems = colon >= 0 ? line.items.slice(colon + 1) : line.items.slice(-1);
  const total = parseCellAmount(joinItems(valueItems));
  if (!total?.amount) return [];
  return [{ currency: currencyInLabel(line.text) ?? total.currency, amount: total.amount }];
}
