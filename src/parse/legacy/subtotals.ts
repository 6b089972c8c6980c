/**
 * The subtotal lines under each part III table ("Total A. (Ordinary shares) / (Preference shares) / (Other class)")
 * and the grand totals ("Total increase / (decrease) in ordinary shares during the month (i.e. Total of A to E)"),
 * kept as the filer printed them: the checks compare them with the rows and with part II.
 */
import type { GrandTotal, SectionTotal } from '../../domain/monthly-return.js';
import type { Line, PlacedItem } from '../layout/lines.js';
import { parseCellShareCount } from './cell-values.js';
import { centre } from './layout.js';
import type { ParseNotes } from './parse-notes.js';
import type { Section } from './sections.js';
import { type ShareSlot, type SlotClass, SUBTOTAL_CLASS_NAMES, type SubtotalKind } from './share-slots.js';

const SUBTOTAL_LABEL = /\((ordinary|preference|other)[^)]*\)/i;
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
): SectionTotal[] {
  const lines = section.lines.filter((line) => line.pos >= start - 1);
  const totals: SectionTotal[] = [];
  for (const line of lines.slice(0, 3)) {
    const labelItem = [...line.items].reverse().find((item) => SUBTOTAL_LABEL.test(item.text));
    const kind = SUBTOTAL_LABEL.exec(labelItem?.text ?? '')?.[1]?.toLowerCase() as SubtotalKind | undefined;
    if (!labelItem || !kind) break;
    const value = figureRightOf(section.items, line, labelItem.right);
    const parsed = parseCellShareCount(value?.text ?? '');
    if (parsed === undefined) {
      notes.uncertain(
        sectionLabel,
        SUBTOTAL_CLASS_NAMES[kind],
        `${sectionLabel}: subtotal "${value?.text}" is not a number`,
      );
    }
    const className = SUBTOTAL_CLASS_NAMES[kind];
    const used = classNames.some((name) => name.toLowerCase().startsWith(className.toLowerCase()));
    if (parsed === null && !used) continue;
    totals.push({ className, increaseInIssuedShares: parsed ?? null, decreaseInTreasuryShares: null });
  }
  return totals;
}

function figureRightOf(items: readonly PlacedItem[], line: Line, x: number): PlacedItem | undefined {
  const candidates = items.filter((item) => item.x >= x - 1 && Math.abs(item.pos - line.pos) < SAME_ROW);
  return candidates.sort((a, b) => Math.abs(a.pos - line.pos) - Math.abs(b.pos - line.pos))[0];
}

/** "(1)" and "(2)": the ordinary slots' markers beside the grand totals, not figures. */
const MARKER = /^\(\s*[12]\s*\)$/;

const GRAND_TOTAL_LABELS: readonly { readonly slot: ShareSlot; readonly pattern: RegExp }[] = [
  { slot: 'preference', pattern: /in preference shares/i },
  { slot: 'other', pattern: /in other classes/i },
  { slot: 'ordinary1', pattern: /in ordinary shares/i },
];

/**
 * The four grand totals. Their figures stand at the right edge a few points off their sentences, so each figure
 * goes to the nearest label: the ordinary sentence carries "(1)", the line under it "(2)".
 */
export function readGrandTotals(
  section: Section | undefined,
  classes: readonly SlotClass[],
  notes: ParseNotes,
): Map<ShareSlot, number | null> {
  const totals = new Map<ShareSlot, number | null>();
  if (!section) {
    notes.missing('III', 'The grand totals ("Total increase / (decrease) ... i.e. Total of A to E") were not found');
    return totals;
  }
  const end = section.lines.find((line) => /^\(These figures/i.test(line.text))?.pos ?? section.to;
  const lines = section.lines.filter((line) => line.pos < end);
  const anchors: { slot: ShareSlot; pos: number }[] = [];
  let labelRight = 0;
  for (const line of lines) {
    const label = GRAND_TOTAL_LABELS.find((candidate) => candidate.pattern.test(line.text));
    const marker = line.items.find((item) => MARKER.test(item.text.trim()));
    for (const item of line.items) {
      if (/total|\(\s*[12]\s*\)/i.test(item.text)) labelRight = Math.max(labelRight, item.right);
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
    totals.set(nearest.slot, parseCellShareCount(figure.text) ?? null);
  }
  for (const entry of classes) {
    if (!anchors.some((anchor) => anchor.slot === entry.slot)) {
      notes.uncertain('III', entry.shareClass.className, `No grand total line for ${entry.shareClass.className}`);
    }
  }
  return totals;
}

export function buildGrandTotals(
  totals: ReadonlyMap<ShareSlot, number | null>,
  classes: readonly SlotClass[],
): GrandTotal[] {
  const result: GrandTotal[] = [];
  for (const entry of classes) {
    result.push({
      className: entry.shareClass.className,
      changeInIssuedShares: totals.get(entry.slot) ?? null,
      changeInTreasuryShares: null,
    });
  }
  for (const [slot, value] of totals) {
    if (value === null || classes.some((entry) => entry.slot === slot)) continue;
    // A figure for a slot part II does not use: keep it, named by its slot, so the checks can show it.
    result.push({ className: slotLabel(slot), changeInIssuedShares: value, changeInTreasuryShares: null });
  }
  return result;
}

function slotLabel(slot: ShareSlot): string {
  return {
    ordinary1: 'Ordinary shares (1)',
    ordinary2: 'Ordinary shares (2)',
    preference: 'Preference shares',
    other: 'Other classes of shares',
  }[slot];
}

export function classNamesOf(groups: readonly { readonly className: string }[]): string[] {
  return groups.map((group) => group.className);
}
