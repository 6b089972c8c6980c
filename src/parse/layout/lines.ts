/**
 * Positioned text items -> lines of words, in reading order across the whole document. Form parts run across page
 * breaks and share pages, so the readers see one stream of lines and find parts by their headings, never by page.
 * Both forms' lines are built here; what differs between them is data, in line-settings.ts.
 */
import type { ExtractedDocument, TextItem } from '../../domain/extracted-document.js';
import { type LineSettings, toleranceFor } from './line-settings.js';
import { withoutRunningHeaders } from './running-headers.js';
import { splitIntoWords } from './text-width.js';

/** A text item with its page, and `pos`: one vertical coordinate that orders items across pages. */
export interface PlacedItem extends TextItem {
  readonly page: number;
  readonly pos: number;
  /** Right edge. */
  readonly right: number;
}

export interface Word {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
}

export interface Line {
  readonly page: number;
  /** Baseline of the line's highest item, from the top of the page. */
  readonly y: number;
  /** `pos` of the line's leftmost item: where the pre-2021 reader measures rows and parts from. */
  readonly pos: number;
  /** The largest font size on the line. */
  readonly height: number;
  /** Left to right: the runs of touching items, or the items as printed, as the settings say. */
  readonly items: readonly PlacedItem[];
  readonly words: readonly Word[];
  /** The words joined by single spaces. */
  readonly text: string;
}

const PAGE_STRIDE = 10_000;

export function buildLines(doc: ExtractedDocument, settings: LineSettings): Line[] {
  return groupLines(placeItems(doc, settings), settings);
}

/** The document's items in reading order, each with its page and `pos`, less any running headers. */
export function placeItems(doc: ExtractedDocument, settings: LineSettings): PlacedItem[] {
  const margins = settings.dropRunningHeaders;
  const kept = margins ? withoutRunningHeaders(doc, margins) : doc;
  const placed: PlacedItem[] = [];
  for (const page of kept.pages) {
    for (const { text, x, y, width, height, fontName } of page.items) {
      placed.push({
        text,
        x,
        y,
        width,
        height,
        fontName,
        page: page.number,
        pos: page.number * PAGE_STRIDE + y,
        right: x + width,
      });
    }
  }
  return placed.sort(inReadingOrder);
}

/** Lines of any of the document's items (which need not be sorted); a line never crosses a page break. */
export function groupLines(items: readonly PlacedItem[], settings: LineSettings): Line[] {
  const lines: Line[] = [];
  let group: PlacedItem[] = [];
  for (const item of [...items].sort(inReadingOrder)) {
    const anchor = group[0];
    if (
      anchor &&
      (item.page !== anchor.page || item.pos - anchor.pos > toleranceFor(settings.sameLine, anchor.height, item.height))
    ) {
      lines.push(toLine(group, settings));
      group = [];
    }
    group.push(item);
  }
  if (group.length > 0) lines.push(toLine(group, settings));
  return lines;
}

function inReadingOrder(a: PlacedItem, b: PlacedItem): number {
  return a.pos - b.pos || a.x - b.x;
}

function toLine(items: readonly PlacedItem[], settings: LineSettings): Line {
  const printed = byX(items);
  const runs = joinTouchingItems(printed, settings);
  const words = wordsOf(runs);
  const leftmost = printed[0] as PlacedItem;
  return {
    page: leftmost.page,
    y: Math.min(...items.map((item) => item.y)),
    pos: leftmost.pos,
    height: Math.max(...items.map((item) => item.height)),
    items: settings.items === 'runs' ? runs : printed,
    words,
    text: textOf(words),
  };
}

/** The items' text left to right, with a space between items only where they do not touch. */
export function joinItems(items: readonly PlacedItem[], settings: LineSettings): string {
  return textOf(wordsOf(joinTouchingItems(byX(items), settings)));
}

function byX(items: readonly PlacedItem[]): PlacedItem[] {
  return [...items].sort((a, b) => a.x - b.x);
}

/** Items sorted left to right, each run of touching items joined into one. */
function joinTouchingItems(items: readonly PlacedItem[], settings: LineSettings): PlacedItem[] {
  const { touching } = settings;
  const joined: PlacedItem[] = [];
  for (const item of items) {
    const previous = joined[joined.length - 1];
    if (previous) {
      const gap = item.x - previous.right;
      if (gap > -touching.overlap && gap <= toleranceFor(touching, previous.height, item.height)) {
        joined[joined.length - 1] = {
          ...previous,
          text: previous.text + item.text,
          width: item.x + item.width - previous.x,
          height: Math.max(previous.height, item.height),
          right: item.right,
        };
        continue;
      }
    }
    joined.push(item);
  }
  return joined;
}

function wordsOf(runs: readonly TextItem[]): Word[] {
  return runs.flatMap((run) => splitIntoWords(run.text, run.x, run.width));
}

function textOf(words: readonly Word[]): string {
  return words.map((word) => word.text).join(' ');
}

/** Joins words into text; no space between two CJK characters, as Chinese is written. */
export function joinWords(words: readonly { readonly text: string }[]): string {
  let text = '';
  for (const word of words) {
    if (text === '') text = word.text;
    else text += (endsCjk(text) && startsCjk(word.text) ? '' : ' ') + word.text;
  }
  return text;
}

/** Joins wrapped lines of one cell or paragraph the same way. */
export function joinTextLines(parts: readonly string[]): string {
  return joinWords(parts.filter((part) => part !== '').map((text) => ({ text })));
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

function endsCjk(text: string): boolean {
  return CJK.test(text.slice(-1));
}

function startsCjk(text: string): boolean {
  return CJK.test(text.slice(0, 1));
}

export function containsCjk(text: string): boolean {
  return CJK.test(text);
}

/**
 * The line at an index the caller has bounded (a range's start..end, a found index): the one place that turns an
 * index into a line, so that an index off the document fails loudly instead of reading `undefined`.
 */
export function lineAt<L>(lines: readonly L[], index: number): L {
  const line = lines[index];
  if (line === undefined) throw new RangeError(`line ${index} is outside the ${lines.length} lines read`);
  return line;
}
