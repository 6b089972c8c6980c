/**
 * The figure in one cell of a part III row. A cell can hold, besides its figure, the filer's pointer to a remark
 * ("(Remark 3)") or a unit ("units"); two different figures in one cell cannot be placed and are flagged.
 */
import type { PlacedItem } from '../layout/lines.js';
import { parseCellAmount, parseCellShareCount } from './cell-values.js';
import { joinItems } from './layout.js';
import type { ParseNotes } from './parse-notes.js';

/** "(Remark 3)", "(Note 1)"; on the Chinese form "(備註一)", "(註 1)". */
const ANNOTATION = /^\(?\s*((remarks?|notes?)\s*\d*|(備註|註)\s*[一二三四五六七八九十\d]*)\s*\)?$/i;
/** "units" under a warrant's figure; the Chinese template prints 份. */
const UNITS = /^(units?|份)$/i;

export function isAnnotation(text: string): boolean {
  return ANNOTATION.test(text.trim());
}

/** The remark pointers printed in a cell: "(Remark 1)" -> "Remark 1". */
export function annotationsOf(items: readonly PlacedItem[] | undefined): string[] {
  return (items ?? [])
    .filter((item) => isAnnotation(item.text))
    .map((item) => item.text.trim().replace(/^\(\s*|\s*\)$/g, ''));
}

/** Brackets and slashes of an empty date placeholder "( / / )" that reach into a figure column. */
const PUNCTUATION_ONLY = /^[^\p{L}\p{N}]+$/u;

function figureTexts(items: readonly PlacedItem[] | undefined): string[] {
  const kept = (items ?? []).filter(
    (item) => !isAnnotation(item.text) && !UNITS.test(item.text.trim()) && !PUNCTUATION_ONLY.test(item.text.trim()),
  );
  if (kept.length === 0) return [];
  const joined = joinItems(kept);
  return kept.length > 1 && parseCellAmount(joined) !== undefined ? [joined] : kept.map((item) => item.text.trim());
}

export function readCount(
  items: readonly PlacedItem[] | undefined,
  section: string,
  subject: string,
  notes: ParseNotes,
): number | null {
  return pickOne(figureTexts(items), parseCellShareCount, section, subject, notes);
}

export interface CellAmount {
  readonly amount: string | null;
  readonly currency: string | null;
  /** The filer wrote "units" under the figure: it counts warrants, not money. */
  readonly units: boolean;
}

export function readAmount(
  items: readonly PlacedItem[] | undefined,
  section: string,
  subject: string,
  notes: ParseNotes,
): CellAmount {
  const units = (items ?? []).some((item) => UNITS.test(item.text.trim()));
  let currency: string | null = null;
  const amount = pickOne(
    figureTexts(items),
    (text) => {
      const parsed = parseCellAmount(text);
      if (parsed?.currency) currency = parsed.currency;
      return parsed === undefined ? undefined : parsed.amount;
    },
    section,
    subject,
    notes,
  );
  return { amount, currency, units };
}

function pickOne<T>(
  texts: readonly string[],
  parse: (text: string) => T | null | undefined,
  section: string,
  subject: string,
  notes: ParseNotes,
): T | null {
  const values: T[] = [];
  for (const text of texts) {
    const value = parse(text);
    if (value === undefined) notes.uncertain(section, subject, `${subject}: "${text}" is not a figure`);
    else if (value !== null) values.push(value);
  }
  const distinct = [...new Set(values)];
  if (distinct.length > 1) {
    notes.uncertain(section, subject, `${subject}: one cell holds ${distinct.join(' and ')}; neither is used`);
    return null;
  }
  return distinct[0] ?? null;
}
