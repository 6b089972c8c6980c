/**
 * Positioned text items -> lines of words, in reading order across the whole document. Form parts run across page
 * breaks and share pages, so the readers see one stream of lines and find parts by their headings, never by page.
 */
import type { ExtractedDocument, TextItem } from '../../domain/extracted-document.js';
import { splitIntoWords } from './text-width.js';

export interface Word {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
}

export interface Line {
  readonly page: number;
  /** Baseline of the line's highest item, from the top of the page. */
  readonly y: number;
  /** The largest font size on the line. */
  readonly height: number;
  /** Items sorted left to right; items that touch are joined. */
  readonly items: readonly TextItem[];
  readonly words: readonly Word[];
  /** The words joined by single spaces. */
  readonly text: string;
}

/**
 * Items whose baselines differ by less than this share a line. HKEX's e-form sets a row's label a point lower than
 * its figures (the Chinese "本月底結存" row), and wrapped lines sit a full line apart.
 */
function sameLineTolerance(a: number, b: number): number {
  return 0.3 * Math.min(a, b) + 0.5;
}

/** Items closer than this (in em) are one run of text that pdf.js split, e.g. at a change of font. */
const TOUCHING_GAP_EM = 0.12;

export function buildLines(doc: ExtractedDocument): Line[] {
  const lines: Line[] = [];
  for (const page of doc.pages) {
    const items = [...page.items].sort((a, b) => a.y - b.y || a.x - b.x);
    let group: TextItem[] = [];
    let anchor: TextItem | undefined;
    for (const item of items) {
      if (anchor && item.y - anchor.y > sameLineTolerance(anchor.height, item.height)) {
        lines.push(toLine(page.number, group));
        group = [];
        anchor = undefined;
      }
      anchor ??= item;
      group.push(item);
    }
    if (group.length > 0) lines.push(toLine(page.number, group));
  }
  return lines;
}

/** A line made of the given items (which need not be sorted). */
export function toLine(page: number, items: readonly TextItem[]): Line {
  const sorted = joinTouchingItems([...items].sort((a, b) => a.x - b.x));
  const words: Word[] = [];
  for (const item of sorted) words.push(...splitIntoWords(item.text, item.x, item.width));
  return {
    page,
    y: Math.min(...items.map((item) => item.y)),
    height: Math.max(...items.map((item) => item.height)),
    items: sorted,
    words,
    text: words.map((word) => word.text).join(' '),
  };
}

function joinTouchingItems(items: readonly TextItem[]): TextItem[] {
  const joined: TextItem[] = [];
  for (const item of items) {
    const previous = joined[joined.length - 1];
    if (previous) {
      const gap = item.x - (previous.x + previous.width);
      if (gap > -0.5 && gap < TOUCHING_GAP_EM * Math.min(previous.height, item.height)) {
        joined[joined.length - 1] = {
          ...previous,
          text: previous.text + item.text,
          width: item.x + item.width - previous.x,
          height: Math.max(previous.height, item.height),
        };
        continue;
      }
    }
    joined.push(item);
  }
  return joined;
}

/** The words of a line whose left edge lies in [from, to). */
export function wordsBetween(line: Line, from: number, to = Number.POSITIVE_INFINITY): Word[] {
  return line.words.filter((word) => word.x0 >= from && word.x0 < to);
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
