/** Months by name, as the form and every answer print them: "November 2023", "Nov 2023". */
import type { ReportMonth } from './monthly-return.js';

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "2023-11" -> "November 2023". */
export function formatMonth(month: ReportMonth): string {
  const [year, number] = month.split('-');
  return `${MONTH_NAMES[Number(number) - 1] ?? month} ${year}`;
}

/** "2023-11" -> "Nov 2023". */
export function formatShortMonth(month: ReportMonth): string {
  const [year, number] = month.split('-');
  const name = MONTH_NAMES[Number(number) - 1];
  return name ? `${name.slice(0, 3)} ${year}` : month;
}
