/**
 * The subtotal lines under each part III table ("Total A. (Ordinary shares) / (Preference shares) / (Other class)")
 * and the grand totals ("Total increase / (decrease) in ordinary shares during the month (i.e. Total of A to E)"),
 * kept as the filer printed them: the checks compare them with the rows and with part II.
 */
import type { GrandTotal, SectionTotal } from '../../domain/monthly-return.js';
import type { Line, PlacedItem } from '../layout/lines.js';
import { notReportedAsPrinted } from '../not-reported.js';
import { parseCellShareCount } from './cell-values.js';
import type { LegacyLabels } from './labels.js';
import { centre } from './layout.js';
import type { ParseNotes } from './parse-notes.js';
import type { Section } from './sections.js';
import type { ShareSlot, SlotClass, SubtotalKind } from './share-slots.js';

/** A figure belongs to a label line when its baseline is this close. */
const SAME_ROW = 6;

/**
 * Reads the subtotal rows that follow `start` ("Total A." and the two lines under it). Kept are those of a class the
 * table has rows for (`classNames`), and any the filer printed a figure in: "N/A" under an unused class says nothing.
 */
export function readSectionTotals(
  section: Section,
  start: number,
  sectionLabel: string,
  notes: ParseNotes,
  classNames: readonly string[],
  labels: LegacyLabels,
): SectionTotal[] {
  const lines = section.lines.filter((line) => line.pos >= start - 1);
  const totals: SectionTotal[] = [];
  const kindOf = (text: string) => labels.subtotals.kinds.find(([pattern]) => pattern.test(text.trim()))?.[1];
  for (const line of lines.slice(0, 3)) {
    const labelItem = [...line.items].reverse().find((item) => kindOf(item.text) !== undefined);
    const kind: SubtotalKind | undefined = labelItem ? kindOf(labelItem.text) : undefined;
    if (!labelItem || !kind) break;
    const value = figureRightOf(section.items, line, labelItem.right);
    const className = labels.subtotalNames[kind];
    const parsed = parseCellShareCount(value?.text ?? '');
    if (parsed === undefined) {
      notes.uncertain(sectionLabel, className, `${sectionLabel}: subtotal "${value?.text}" is not a number`);
    }
    const used = classNames.some((name) => name.toLowerCase().startsWith(className.toLowerCase()));
    if (parsed === null && !used) continue;
    const printed = notReportedAsPrinted(value?.text);
    totals.push({
      className,
      increaseInIssuedShares: parsed ?? null,
      decreaseInTreasuryShares: null,
      ...(printed === undefined ? {} : { printedInstead: { increaseInIssuedShares: printed } }),
    });
  }
  return totals;
}

/** Brackets around a label, printed as items of their own on the Chinese template: "(" "普通股" ")". */
const PUNCTUATION_ONLY = /^[^\p{L}\p{N}]+$/u;

function figureRightOf(items: readonly PlacedItem[], line: Line, x: number): PlacedItem | undefined {
  const candidates = items.filter(
    (item) => item.x >= x - 1 && Math.abs(item.pos - line.pos) < SAME_ROW && !PUNCTUATION_ONLY.test(item.text.trim()),
  );
  return candidates.sort((a, b) => Math.abs(a.pos - line.pos) - Math.abs(b.pos - line.pos))[0];
}

/** "(1)" and "(2)": the ordinary slots' markers beside the grand totals, not figures. */
const MARKER = /^\(\s*[12]\s*\)$/;

/**
 * The four grand totals. Their figures stand at the right edge a few points off their sentences, so each figure
 * goes to the nearest label: the ordinary sentence carries "(1)", the line under it "(2)". The Chinese template
 * prints the figure of a sentence a few points above it, as near as the English one below.
 */
export function readGrandTotals(
  section: Section | undefined,
  classes: readonly SlotClass[],
  notes: ParseNotes,
  labels: LegacyLabels,
): Map<ShareSlot, GrandTotalFigure> {
  const totals = new Map<ShareSlot, GrandTotalFigure>();
  if (!section) {
    notes.missing('III', 'The grand totals ("Total increase / (decrease) ... i.e. Total of A to E") were not found');
    return totals;
  }
  const end = section.lines.find((line) => labels.grandTotals.end.test(line.text))?.pos ?? section.to;
  const lines = section.lines.filter((line) => line.pos < end);
  const anchors: { slot: ShareSlot; pos: number }[] = [];
  let labelRight = 0;
  for (const line of lines) {
    const label = labels.grandTotals.slots.find((candidate) => candidate.pattern.test(line.text));
    const marker = line.items.find((item) => MARKER.test(item.text.trim()));
    for (const item of line.items) {
      if (labels.grandTotals.labelItem.test(item.text) || MARKER.test(item.text.trim())) {
        labelRight = Math.max(labelRight, item.right);
      }
    }
    if (label) anchors.push({ slot: label.slot, pos: line.pos });
    else if (marker && /2/.test(marker.text)) anchors.push({ slot: 'ordinary2', pos: line.pos });
  }
  const figures = section.items.filter(
    (item) =>
      item.pos < end &&
      centre(item) > labelRight &&
      !MARKER.test(item.text.trim()) &&
      parseCellShareCount(item.text) !== undefined,
  );
  for (const figure of figures) {
    const nearest = [...anchors].sort((a, b) => Math.abs(a.pos - figure.pos) - Math.abs(b.pos - figure.pos))[0];
    if (!nearest || totals.has(nearest.slot)) continue;
    totals.set(nearest.slot, { value: parseCellShareCount(figure.text) ?? null, text: figure.text });
  }
  for (const entry of classes) {
    if (!anchors.some((anchor) => anchor.slot === entry.slot)) {
      notes.uncertain('III', entry.shareClass.className, `No grand total line for ${entry.shareClass.className}`);
    }
  }
  return totals;
}

/** A grand total's figure (null for "N/A"), and its cell's text as printed. */
export interface GrandTotalFigure {
  readonly value: number | null;
  readonly text: string;
}

export function buildGrandTotals(
  totals: ReadonlyMap<ShareSlot, GrandTotalFigure>,
  classes: readonly SlotClass[],
  labels: LegacyLabels,
): GrandTotal[] {
  const result: GrandTotal[] = [];
  for (const entry of classes) {
    const figure = totals.get(entry.slot);
    const printed = notReportedAsPrinted(figure?.text);
    result.push({
      className: entry.shareClass.className,
      changeInIssuedShares: figure?.value ?? null,
      changeInTreasuryShares: null,
      ...(printed === undefined ? {} : { printedInstead: { changeInIssuedShares: printed } }),
    });
  }
  for (const [slot, { value }] of totals) {
    if (value === null || classes.some((entry) => entry.slot === slot)) continue;
    // A figure for a slot part II does not use: keep it, named by its slot, so the checks can show it.
    const className = slot === 'ordinary1' ? labels.slotNames.ordinary1Of2 : labels.slotNames[slot];
    result.push({ className, changeInIssuedShares: value, changeInTreasuryShares: null });
  }
  return result;
}

export function classNamesOf(groups: readonly { readonly className: string }[]): string[] {
  return groups.map((group) => group.className);
}
