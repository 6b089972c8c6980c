/**
 * Calendar arithmetic on the plain dates and months of the form ("2023-11", "2023-12-07"), done in UTC so that the
 * host's time zone can never shift a day.
 */
import type { ReportMonth } from '../domain/monthly-return.js';

/** A calendar date "YYYY-MM-DD" with no time zone attached. */
export type IsoDate = string;

function toUtc(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const next = toUtc(date);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** "2023-11" + 2 -> "2024-01". */
export function addMonths(month: ReportMonth, months: number): ReportMonth {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The first day of the month after `month`: where counting business days "after month end" starts. */
export function firstDayAfter(month: ReportMonth): IsoDate {
  return `${addMonths(month, 1)}-01`;
}
