/**
 * A span of report months, either end open: `2024-01..2025-06` in `/shares 00020 history 2024-01..2025-06`, and
 * `--since` / `--until` on the command line. Each end is a month as people write it (report-month-words.ts).
 */
import { AppError } from './errors.js';
import type { ReportMonth } from './monthly-return.js';
import { parseReportMonth } from './report-month-words.js';

export interface MonthRange {
  /** The first month, or null from the first held. */
  readonly since: ReportMonth | null;
  /** The last month, or null up to the latest held. */
  readonly until: ReportMonth | null;
}

const SEPARATOR = '..';

/** Whether a word is written as a range ("2024-01..2025-06", "2024-01..", "..2025-06"). */
export function looksLikeMonthRange(word: string): boolean {
  return word.includes(SEPARATOR);
}

/** The range a word names; AppError('bad-input') for an end that is not a month, or ends the wrong way round. */
export function parseMonthRange(word: string): MonthRange {
  const [first = '', last = '', ...extra] = word.split(SEPARATOR);
  const example = 'such as `2024-01..2025-06`';
  if (extra.length > 0 || (first === '' && last === '')) {
    throw new AppError('bad-input', `"${word}" is not a range of months: write the first and last month, ${example}.`, {
      word,
    });
  }
  const readEnd = (end: string): ReportMonth | null => {
    if (end === '') return null;
    const month = parseReportMonth(end);
    if (!month) throw new AppError('bad-input', `"${end}" is not a month: write a range ${example}.`, { word });
    return month;
  };
  return checkMonthRange({ since: readEnd(first), until: readEnd(last) });
}

export function checkMonthRange(range: MonthRange): MonthRange {
  if (range.since !== null && range.until !== null && range.since > range.until) {
    throw new AppError('bad-input', `The range starts at ${range.since}, after it ends at ${range.until}.`, {
      since: range.since,
      until: range.until,
    });
  }
  return range;
}

export function isInMonthRange(month: ReportMonth, range: MonthRange | null | undefined): boolean {
  if (!range) return true;
  return (range.since === null || month >= range.since) && (range.until === null || month <= range.until);
}

/** "2024-01 to 2025-06", "from 2024-01", "to 2025-06". */
export function describeMonthRange(range: MonthRange): string {
  if (range.since && range.until) return `${range.since} to ${range.until}`;
  return range.since ? `from ${range.since}` : `to ${range.until}`;
}
