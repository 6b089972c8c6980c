/**
 * What a resubmission changed: every field of the return that differs from the submission it supersedes, as
 * "where: was → now". Filers resubmit to correct a figure (02288's March 2025: 300,000 options exercised, then
 * 320,000), and the reader must see which figures moved without comparing two forms line by line. Pure.
 */
import type { MonthlyReturn } from './monthly-return.js';

export type FieldValue = string | number | boolean | null;

export interface FieldChange {
  /** Where, in the form's words: ["II", "Ordinary shares", "issued shares", "closing"]. */
  readonly where: readonly string[];
  readonly was: FieldValue;
  readonly now: FieldValue;
}

/** The parts of the form by their numbers (at the top of the return only: a class has `issuedShares` too). */
const PARTS: Record<string, string> = {
  authorisedShareCapital: 'I',
  issuedShares: 'II',
  detailsOfMovements: 'III',
  hdr: 'IV',
};

/** Fields by the form's words where the key says it less well. */
const NAMES: Record<string, string> = {
  shareOptions: '(A)',
  warrants: '(B)',
  convertibles: '(C)',
  otherArrangements: '(D)',
  otherMovements: '(E)',
  hdrs: 'HDRs',
  totals: 'totals',
};

/** Keys that hold a row's name (not a figure), or that only carry the rows beneath them. */
const NAMING_KEYS = ['className', 'particulars', 'description', 'event', 'label', 'stockCode'] as const;
const TRANSPARENT = new Set(['classes', 'items', 'movements']);
/**
 * What the reader does not need told: the number of pages, the form's long title, and the words a total prints in
 * place of a figure ("N/A"), whose figure is compared (and which a return read before they were kept lacks).
 */
const IGNORED = new Set(['pages', 'title', 'printedInstead']);

function words(key: string, top: boolean): string {
  return (top ? PARTS[key] : undefined) ?? NAMES[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function nameOf(item: unknown, index: number): string {
  if (item && typeof item === 'object') {
    for (const key of NAMING_KEYS) {
      const value = (item as Record<string, unknown>)[key];
      if (typeof value === 'string' && value.trim()) return value.replace(/\s+/g, ' ').trim();
    }
  }
  return `row ${index + 1}`;
}

function isLeaf(value: unknown): value is FieldValue {
  return value === null || value === undefined || typeof value !== 'object';
}

function walk(was: unknown, now: unknown, where: string[], changes: FieldChange[]): void {
  if (isLeaf(was) && isLeaf(now)) {
    if ((was ?? null) !== (now ?? null)) changes.push({ where, was: was ?? null, now: now ?? null });
    return;
  }
  if (Array.isArray(was) || Array.isArray(now)) {
    const before = Array.isArray(was) ? was : [];
    const after = Array.isArray(now) ? now : [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      const item = i < after.length ? after[i] : before[i];
      const name = nameOf(item, i);
      if (i >= before.length) changes.push({ where: [...where, name], was: null, now: 'added' });
      else if (i >= after.length) changes.push({ where: [...where, name], was: 'held', now: 'removed' });
      else walk(before[i], after[i], [...where, name], changes);
    }
    return;
  }
  const before = (isLeaf(was) ? {} : was) as Record<string, unknown>;
  const after = (isLeaf(now) ? {} : now) as Record<string, unknown>;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (IGNORED.has(key)) continue;
    const namesTheRow = (NAMING_KEYS as readonly string[]).includes(key) && before[key] === after[key];
    if (namesTheRow) continue;
    // A movement row's figure is named by its label: "Exercised", not "Exercised · number".
    const step = TRANSPARENT.has(key) || key === 'number' || key === 'amount' ? [] : [words(key, where.length === 0)];
    walk(before[key], after[key], [...where, ...step], changes);
  }
}

/** Every field that differs between two submissions for the same month, in the form's order. */
export function compareSubmissions(earlier: MonthlyReturn, later: MonthlyReturn): FieldChange[] {
  const changes: FieldChange[] = [];
  walk(earlier, later, [], changes);
  return changes;
}

/** A change to a remark: shown as the filer's words, not as a field. */
export function isRemarkChange(change: FieldChange): boolean {
  return change.where.at(-1) === 'remarks';
}
