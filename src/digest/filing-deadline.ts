/**
 * When a monthly return is due. Main Board Rule 13.25B and GEM Rule 17.27B: an issuer publishes its monthly return
 * "not later than 30 minutes before the earlier of the commencement of the morning trading session or any
 * pre-opening session on the fifth business day following the end of each calendar month". A business day is a
 * Hong Kong working day: weekends and general holidays do not count.
 */
import type { ReportMonth } from '../domain/monthly-return.js';
import { isHongKongBusinessDay } from './hk-holidays.js';
import { addDays, firstDayAfter, type IsoDate } from './report-months.js';

const FILING_DEADLINE_BUSINESS_DAY = 5;

/** The nth Hong Kong business day after the end of `month` (n = 1 is the first working day of the next month). */
export function nthBusinessDayAfter(month: ReportMonth, n: number): IsoDate {
  let day = firstDayAfter(month);
  let counted = isHongKongBusinessDay(day) ? 1 : 0;
  while (counted < n) {
    day = addDays(day, 1);
    if (isHongKongBusinessDay(day)) counted += 1;
  }
  return day;
}

/** The local date by whose morning the return for `month` must be published. */
export function filingDeadline(month: ReportMonth): IsoDate {
  return nthBusinessDayAfter(month, FILING_DEADLINE_BUSINESS_DAY);
}
