/**
 * How each form's positioned text becomes lines: the same builder for both, with what differs between an e-form
 * that pdf.js reads cleanly and a Word template that filers typed into kept here as data.
 */
import type { MonthlyReturn } from '../../domain/monthly-return.js';

/** A distance in points that grows with the type: `points` plus `em` times the smaller font size of two items. */
export interface Tolerance {
  readonly points: number;
  readonly em: number;
}

/** How far from the top and bottom edges of a page a running header or footer is looked for, in points. */
export interface PageMargins {
  readonly top: number;
  readonly bottom: number;
}

export interface LineSettings {
  /** Items whose baselines lie at most this far below the baseline of a line's first item are on that line. */
  readonly sameLine: Tolerance;
  /**
   * Neighbours on a line at most this far apart, and overlapping by less than `overlap` points, are one run of text
   * the PDF split: they join without a space.
   */
  readonly touching: Tolerance & { readonly overlap: number };
  /** A line's items: its runs of touching items each as one item, or the items as the PDF printed them. */
  readonly items: 'runs' | 'printed';
  /** Texts printed in these margins on most pages are dropped before lines are built; false keeps every item. */
  readonly dropRunningHeaders: PageMargins | false;
}

export const LINE_SETTINGS: { readonly [Kind in MonthlyReturn['form']['kind']]: LineSettings } = {
  FF301: {
    // HKEX's e-form sets a row's label a point lower than its figures (the Chinese "本月底結存" row), and wrapped
    // lines sit a full line apart.
    sameLine: { points: 0.5, em: 0.3 },
    // pdf.js splits a run of text where its font changes ("114,556" + ",865"); the readers place a figure by its
    // run, so a line's items are its runs.
    touching: { points: 0, em: 0.12, overlap: 0.5 },
    items: 'runs',
    // The e-form's furniture, the "FF301" mark and the page footer, is matched by its words instead
    // (ff301/page-furniture.ts).
    dropRunningHeaders: false,
  },
  legacy: {
    // Word shifts a table cell's baseline by a point or two from its neighbours'.
    sameLine: { points: 2.5, em: 0 },
    // Word splits a word across items ("Class of sha" + "res issuable"); any overlap is one word printed twice.
    touching: { points: 1, em: 0, overlap: Number.POSITIVE_INFINITY },
    // The readers match labels and place figures item by item, by each item's own x range.
    items: 'printed',
    // "For Main Board and GEM listed issuers", the template's edition ("March 2019") and page numbers sit in table
    // headers' way and belong to no part of the form.
    dropRunningHeaders: { top: 50, bottom: 40 },
  },
};

/** The tolerance in points between two items of the given font sizes. */
export function toleranceFor(tolerance: Tolerance, height: number, otherHeight: number): number {
  return tolerance.points + tolerance.em * Math.min(height, otherHeight);
}
