/**
 * Small ExtractedDocuments of our own: text placed where FF301 places it, sized with the same Helvetica metrics
 * the parser assumes, so that a test can lay out a form the corpus does not have (two classes, a table running
 * onto the next page, part IV).
 */
import type { ExtractedDocument, ExtractedPage, TextItem } from '../../src/domain/extracted-document.js';
import { textWidth } from '../../src/parse/layout/text-width.js';

export const A4_LANDSCAPE = { width: 841.89, height: 595.276 } as const;

/** Text whose left edge is at x. */
export function at(x: number, y: number, text: string, size = 9): TextItem {
  return { text, x, y, width: textWidth(text) * size, height: size, fontName: 'g_d0_f1' };
}

/** Text whose right edge is at `right`, as FF301 sets figures. */
export function rightAt(right: number, y: number, text: string, size = 9): TextItem {
  const width = textWidth(text) * size;
  return { text, x: right - width, y, width, height: size, fontName: 'g_d0_f1' };
}

/** Text centred on x, as FF301 sets column headings. */
export function centredAt(centre: number, y: number, text: string, size = 9): TextItem {
  const width = textWidth(text) * size;
  return { text, x: centre - width / 2, y, width, height: size, fontName: 'g_d0_f1' };
}

export function documentOf(...pages: readonly TextItem[][]): ExtractedDocument {
  return {
    pages: pages.map((items, index): ExtractedPage => ({ number: index + 1, ...A4_LANDSCAPE, items })),
  };
}

/** The FF301 mark and the footer "Page n of N ... v 1.0.2" of one page. */
export function ff301Furniture(page: number, pages: number, version: string): TextItem[] {
  return [
    at(761.6, 27.3, 'FF301'),
    at(390.7, 547.8, `Page ${page} of ${pages}`),
    at(763.8, 547.8, 'v'),
    at(770.5, 547.8, version),
  ];
}

/** A table cell: [left, right]. */
export type Cell = readonly [number, number];

/** Column headings centred in their cells, one line per entry, 8.4 points apart (7-point type). */
export function headings(
  cells: readonly Cell[],
  lines: readonly (readonly string[])[],
  top: number,
  size = 7,
): TextItem[] {
  return cells.flatMap(([left, right], column) =>
    (lines[column] ?? []).map((text, line) => centredAt((left + right) / 2, top + line * size * 1.2, text, size)),
  );
}

/** A figure set flush right in its cell, as FF301 does. */
export function figureIn(cell: Cell, y: number, text: string, size = 7): TextItem {
  return rightAt(cell[1] - 2.5, y, text, size);
}

/** Text set flush left in its cell. */
export function textIn(cell: Cell, y: number, text: string, size = 7): TextItem {
  return at(cell[0] + 3, y, text, size);
}
