/**
 * Where each word of a text item sits. pdf.js joins the text of neighbouring cells into one item when the gap
 * between them is under 0.6 em ("52,377,600 Issued" is a number cell and the next cell's label), so a column
 * can only be told from the position of each word. pdf.js gives the item's width, not each glyph's: we share
 * it out in proportion to the widths the glyphs have in Helvetica (the metrics of LiberationSans, which FF301
 * uses), with CJK glyphs one em wide.
 */

// Advance widths in 1/1000 em of Helvetica for printable ASCII, from space (32) to tilde (126).
const HELVETICA_WIDTHS = Float64Array.from(
  [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
    556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
    556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
    260, 334, 584,
  ],
  (width) => width / 1000,
);

/** Width in em of the UTF-16 code unit `code`. */
function unitWidth(code: number): number {
  if (code >= 32 && code <= 126) return HELVETICA_WIDTHS[code - 32] ?? 0.556;
  // The second half of a surrogate pair: its first half carried the width.
  if (code >= 0xdc00 && code <= 0xdfff) return 0;
  // Latin-1 letters and typographic quotes: close enough to an average Latin glyph.
  if (code < 0x2e80) return 0.556;
  // CJK ideographs, kana, full-width forms: one em.
  return 1;
}

export function textWidth(text: string): number {
  let width = 0;
  for (let index = 0; index < text.length; index++) width += unitWidth(text.charCodeAt(index));
  return width;
}

export interface WordSpan {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x3000;
}

/**
 * Splits an item into words and estimates each word's left and right edge. The item's measured width is kept:
 * whatever the glyphs' natural widths do not account for is shared among the gaps between words, because a gap
 * that pdf.js turned into one space may have been wider than a space.
 */
export function splitIntoWords(text: string, x: number, width: number): WordSpan[] {
  const words: string[] = [];
  const natural: number[] = [];
  let start = -1;
  let wordWidth = 0;
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : 32;
    if (isSpace(code)) {
      if (start >= 0) {
        words.push(text.slice(start, index));
        natural.push(wordWidth);
        start = -1;
        wordWidth = 0;
      }
    } else {
      if (start < 0) start = index;
      wordWidth += unitWidth(code);
    }
  }
  if (words.length === 0) return [];
  if (words.length === 1) return [{ text: words[0] as string, x0: x, x1: x + width }];
  let glyphs = 0;
  for (const w of natural) glyphs += w;
  const gaps = words.length - 1;
  // Scale from em to points: assume the gaps are plain spaces, then hand any difference to the gaps.
  const emSize = width / (glyphs + gaps * (HELVETICA_WIDTHS[0] ?? 0.278));
  const gapWidth = Math.max(0, (width - glyphs * emSize) / gaps);
  const spans: WordSpan[] = [];
  let cursor = x;
  for (let index = 0; index < words.length; index++) {
    const span = (natural[index] ?? 0) * emSize;
    spans.push({ text: words[index] as string, x0: cursor, x1: cursor + span });
    cursor += span + gapWidth;
  }
  return spans;
}
