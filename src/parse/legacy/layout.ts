/**
 * Positioned text of the pre-2021 form, as lines in reading order across pages. The form is a Word template, so a
 * cell's text arrives as one or several items on a baseline, and a word can be split in two items ("Class of sha" +
 * "res issuable"); joining by the gap between items puts such words back together.
 */
import type { ExtractedDocument, TextItem } from '../../domain/extracted-document.js';

/** A text item with its page, and `pos`: one vertical coordinate that orders items across pages. */
export interface PlacedItem extends TextItem {
  readonly page: number;
  readonly pos: number;
  readonly right: number;
}

export interface Line {
  readonly page: number;
  readonly pos: number;
  readonly items: readonly PlacedItem[];
  readonly text: string;
}

const PAGE_STRIDE = 10_000;
/** Items whose baselines differ by less than this sit on one line (Word shifts cells by a point or two). */
const LINE_TOLERANCE = 2.5;
/** Below this gap two items are one word that the PDF split. */
const WORD_GAP = 1;

export function placeItems(doc: ExtractedDocument): PlacedItem[] {
  const running = findRunningHeaders(doc);
  const placed: PlacedItem[] = [];
  for (const page of doc.pages) {
    for (const item of page.items) {
      if (inMargin(item, page.height) && running.has(normalise(item.text))) continue;
      placed.push({ ...item, page: page.number, pos: page.number * PAGE_STRIDE + item.y, right: item.x + item.width });
    }
  }
  return placed.sort((a, b) => a.pos - b.pos || a.x - b.x);
}

/**
 * Texts printed on most pages ("For Main Board and GEM listed issuers", "March 2019", page numbers): they sit in
 * table headers' way and belong to no part of the form.
 */
function findRunningHeaders(doc: ExtractedDocument): Set<string> {
  const pagesByText = new Map<string, Set<number>>();
  for (const page of doc.pages) {
    for (const item of page.items) {
      if (!inMargin(item, page.height)) continue;
      const key = normalise(item.text);
      const pages = pagesByText.get(key) ?? new Set<number>();
      pages.add(page.number);
      pagesByText.set(key, pages);
    }
  }
  const running = new Set<string>();
  const needed = Math.max(3, Math.ceil(doc.pages.length / 2));
  for (const [text, pages] of pagesByText) {
    if (pages.size >= needed || /^\d{1,2}$/.test(text)) running.add(text);
  }
  return running;
}

function inMargin(item: TextItem, pageHeight: number): boolean {
  return item.y < 50 || item.y > pageHeight - 40;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function groupLines(items: readonly PlacedItem[]): Line[] {
  const sorted = [...items].sort((a, b) => a.pos - b.pos || a.x - b.x);
  const lines: Line[] = [];
  let current: PlacedItem[] = [];
  for (const item of sorted) {
    const first = current[0];
    if (first && (item.page !== first.page || item.pos - first.pos > LINE_TOLERANCE)) {
      lines.push(makeLine(current));
      current = [];
    }
    current.push(item);
  }
  if (current.length > 0) lines.push(makeLine(current));
  return lines;
}

function makeLine(items: PlacedItem[]): Line {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  const first = sorted[0] as PlacedItem;
  return { page: first.page, pos: first.pos, items: sorted, text: joinItems(sorted) };
}

/** Joins items left to right, with a space only where the gap between them is wider than a split word's. */
export function joinItems(items: readonly PlacedItem[]): string {
  let text = '';
  let previous: PlacedItem | undefined;
  for (const item of [...items].sort((a, b) => a.x - b.x)) {
    if (previous && item.x - previous.right > WORD_GAP) text += ' ';
    text += item.text;
    previous = item;
  }
  return normalise(text);
}

/** Joins lines top to bottom into one text, tidying the spaces Word leaves inside brackets. */
export function joinLines(lines: readonly Line[]): string {
  return tidy(lines.map((line) => line.text).join(' '));
}

export function tidy(text: string): string {
  return normalise(text).replace(/\(\s+/g, '(').replace(/\s+\)/g, ')');
}

export function linesOf(items: readonly PlacedItem[], from: number, to: number): Line[] {
  return groupLines(items.filter((item) => item.pos >= from && item.pos < to));
}

export function itemsBetween(items: readonly PlacedItem[], from: number, to: number): PlacedItem[] {
  return items.filter((item) => item.pos >= from && item.pos < to);
}

export function centre(item: Pick<PlacedItem, 'x' | 'right'>): number {
  return (item.x + item.right) / 2;
}
