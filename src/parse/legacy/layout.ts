/**
 * The pre-2021 form's lines, built with its line settings, and the tidying its text needs. The form is a Word
 * template, so a cell's text arrives as one or several items on a baseline, and a word can be split in two items
 * ("Class of sha" + "res issuable"); the settings join such words back together.
 */
import type { ExtractedDocument } from '../../domain/extracted-document.js';
import { LINE_SETTINGS } from '../layout/line-settings.js';
import * as layout from '../layout/lines.js';

const SETTINGS = LINE_SETTINGS.legacy;

export function placeItems(doc: ExtractedDocument): layout.PlacedItem[] {
  return layout.placeItems(doc, SETTINGS);
}

export function groupLines(items: readonly layout.PlacedItem[]): layout.Line[] {
  return layout.groupLines(items, SETTINGS);
}

/** Joins items left to right, with a space only where the gap between them is wider than a split word's. */
export function joinItems(items: readonly layout.PlacedItem[]): string {
  return layout.joinItems(items, SETTINGS);
}

/** Joins lines top to bottom into one text, tidying the spaces Word leaves inside brackets. */
export function joinLines(lines: readonly layout.Line[]): string {
  return tidy(lines.map((line) => line.text).join(' '));
}

/** One space between words, none inside brackets, and none between two Chinese characters (as Chinese is written). */
export function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '');
}

export function centre(item: Pick<layout.PlacedItem, 'x' | 'right'>): number {
  return (item.x + item.right) / 2;
}
