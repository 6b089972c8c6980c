/**
 * A line cut into the pieces that can belong to different cells: a figure, a currency code, a run of text.
 * A blank cell prints nothing, so a cell can only be known by where its text sits; and pdf.js may join
 * neighbouring cells into one item ("5,000,000,000 USD", "52,377,600 Issued"), so items are cut where a figure
 * meets text. A whole date ("29 June 2021") stays one piece.
 */
import { isFormDate } from '../dates.js';
import type { Line, Word } from '../layout/lines.js';
import { splitIntoWords } from '../layout/text-width.js';
import { isFigure } from '../numbers.js';

export type SegmentKind = 'figure' | 'currency' | 'text';

export interface Segment {
  readonly text: string;
  readonly kind: SegmentKind;
  readonly x0: number;
  readonly x1: number;
  /** Baseline of the line the segment is on. */
  readonly y: number;
  /** Font size of the line the segment is on. */
  readonly height: number;
  /** Which item of the line it was cut from. */
  readonly item: number;
}

// ISO 4217 codes that HKEX filings print beside figures.
const CURRENCIES = new Set([
  'HKD',
  'USD',
  'RMB',
  'CNY',
  'EUR',
  'GBP',
  'JPY',
  'SGD',
  'AUD',
  'CAD',
  'CHF',
  'MYR',
  'TWD',
  'KRW',
  'NZD',
  'MOP',
  'THB',
  'INR',
  'IDR',
  'PHP',
  'VND',
  'SEK',
  'NOK',
  'DKK',
  'ZAR',
  'AED',
  'SAR',
  'BRL',
]);

export function isCurrencyCode(text: string): boolean {
  return CURRENCIES.has(text);
}

/** "N/A", "Nil" and dashes fill figure cells and sit where figures sit (right-aligned). */
const FIGURE_FILLER = /^(nil|n\/a|-+|—|–)$/i;

function kindOfWord(text: string): SegmentKind {
  if (isFigure(text) || FIGURE_FILLER.test(text)) return 'figure';
  if (isCurrencyCode(text)) return 'currency';
  return 'text';
}

const segmentCache = new WeakMap<Line, readonly Segment[]>();

/** The line's segments, left to right. Lines are immutable, so each is cut once. */
export function segmentLine(line: Line): readonly Segment[] {
  const cached = segmentCache.get(line);
  if (cached) return cached;
  const segments = cutLine(line);
  segmentCache.set(line, segments);
  return segments;
}

function cutLine(line: Line): Segment[] {
  const segments: Segment[] = [];
  line.items.forEach((item, itemIndex) => {
    const text = item.text.trim().replace(/\s+/g, ' ');
    if (text === '') return;
    if (isFormDate(text)) {
      segments.push({
        text,
        kind: 'text',
        x0: item.x,
        x1: item.x + item.width,
        y: line.y,
        height: line.height,
        item: itemIndex,
      });
      return;
    }
    let run: { words: Word[]; kind: SegmentKind } | undefined;
    const flush = () => {
      if (!run) return;
      const first = run.words[0] as Word;
      const last = run.words[run.words.length - 1] as Word;
      segments.push({
        text: run.words.map((word) => word.text).join(' '),
        kind: run.kind,
        x0: first.x0,
        x1: last.x1,
        y: line.y,
        height: line.height,
        item: itemIndex,
      });
      run = undefined;
    };
    for (const word of splitIntoWords(item.text, item.x, item.width)) {
      const kind = kindOfWord(word.text);
      // Figures and currency codes are each a cell of their own; words of text run together.
      if (!run || run.kind !== kind || kind !== 'text') {
        flush();
        run = { words: [word], kind };
      } else {
        run.words.push(word);
      }
    }
    flush();
  });
  return segments;
}

/** Several segments of one item read as one run of text. */
export function mergeSegments(segments: readonly Segment[]): Segment {
  const first = segments[0] as Segment;
  const last = segments[segments.length - 1] as Segment;
  return {
    text: segments.map((segment) => segment.text).join(' '),
    kind: 'text',
    x0: first.x0,
    x1: last.x1,
    y: first.y,
    height: first.height,
    item: first.item,
  };
}
