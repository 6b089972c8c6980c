/**
 * A report month as people write it: "2023-11", "2023/11", "202311", "11/2023", "Nov 2023", "November 2023",
 * "2023年11月". The query grammar joins a month name and the year after it into one word before asking here.
 */
import { AppError } from './errors.js';
import { MONTH_NAMES } from './month-names.js';
import type { ReportMonth } from './monthly-return.js';

/** Year first, month first, or a month name; each gives [year, month number as written]. */
const SHAPES: readonly ((word: string) => readonly [string, string] | null)[] = [
  (word) => pick(/^(\d{4})[-/.](\d{1,2})$/.exec(word), 1, 2),
  (word) => pick(/^(\d{4})(\d{2})$/.exec(word), 1, 2),
  (word) => pick(/^(\d{1,2})[-/.](\d{4})$/.exec(word), 2, 1),
  (word) => pick(/^(\d{4})\s*年\s*(\d{1,2})\s*月$/.exec(word), 1, 2),
  (word) => {
    const match = /^([a-z]+)\.?[\s\-/]?(\d{4})$/i.exec(word);
    const number = match ? monthNumberOf(match[1] ?? '') : null;
    return match && number ? [match[2] ?? '', String(number)] : null;
  },
];

function pick(match: RegExpExecArray | null, year: number, month: number): readonly [string, string] | null {
  return match ? [match[year] ?? '', match[month] ?? ''] : null;
}

/** "Nov", "nov.", "Sept", "November" -> 11, 11, 9, 11; null for any other word. */
export function monthNumberOf(name: string): number | null {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return null;
  const index = MONTH_NAMES.findIndex((full) => full.toLowerCase().startsWith(lower));
  return index < 0 ? null : index + 1;
}

/**
 * The month a word names, or null when it does not look like a month at all. A word shaped like a month that names
 * none ("2023-13") is refused, so that it is never taken for a name to search.
 */
export function parseReportMonth(word: string): ReportMonth | null {
  for (const shape of SHAPES) {
    const found = shape(word.trim());
    if (!found) continue;
    const [year, month] = found;
    const number = Number(month);
    if (number < 1 || number > 12) {
      throw new AppError('bad-input', `${word} is not a month: write it as YYYY-MM, for example 2023-11.`, { word });
    }
    return `${year}-${String(number).padStart(2, '0')}`;
  }
  return null;
}
