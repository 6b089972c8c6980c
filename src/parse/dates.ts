/**
 * Dates as the forms print them: "31 December 2023", "05 Sept 2024", "2025年9月30日" and the pre-2021 form's
 * "31/1/2011" (day first). Returns ISO YYYY-MM-DD, null for a blank, undefined for text that is no date.
 */
import { isNotReported } from './not-reported.js';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const ENGLISH = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const DAY_FIRST = /^(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})$/;
/** A date cell left "Nil" reports no date either. */
const NIL = /^nil$/i;

export function parseFormDate(text: string | null | undefined): string | null | undefined {
  const trimmed = (text ?? '').trim().replace(/\s+/g, ' ');
  if (isNotReported(trimmed) || NIL.test(trimmed)) return null;
  let match = ENGLISH.exec(trimmed);
  if (match) {
    const name = (match[2] ?? '').toLowerCase();
    const month = MONTHS[name] ?? MONTHS[name.slice(0, 3)];
    const isMonthName = month !== undefined && (name.length <= 4 || fullMonthName(month).startsWith(name));
    return isMonthName ? toIso(Number(match[3]), month, Number(match[1])) : undefined;
  }
  match = CHINESE.exec(trimmed);
  if (match) return toIso(Number(match[1]), Number(match[2]), Number(match[3]));
  match = DAY_FIRST.exec(trimmed);
  if (match) return toIso(Number(match[3]), Number(match[2]), Number(match[1]));
  return undefined;
}

const FULL_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function fullMonthName(month: number): string {
  return FULL_NAMES[month - 1] ?? '';
}

function toIso(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for text that reads as a whole date, so a date cell is never cut into a number and a word. */
export function isFormDate(text: string): boolean {
  return typeof parseFormDate(text) === 'string';
}
