/**
 * Which search records are monthly returns: by the headline HKEXnews files them under and by their title, never by
 * the file's name. The headline of a monthly return starts with its category, "Monthly Returns" (月報表); Next Day
 * Disclosure Returns (翌日披露報表) and everything else are left alone. The PDF's own first page still decides:
 * a record that passes here is read like an upload, and refused if it is not a monthly return.
 */
import type { ReportMonth } from '../domain/monthly-return.js';
import { parseFormDate } from '../parse/dates.js';

const MONTHLY_HEADLINE = /^(monthly returns?\b|月報表|月报表)/i;
const MONTHLY_TITLE = /monthly return|月報表|月报表/i;
const OTHER_RETURN = /next day disclosure|翌日披露/i;

export function isMonthlyReturnListing(listing: { readonly headline: string; readonly title: string }): boolean {
  const { headline, title } = listing;
  if (OTHER_RETURN.test(headline) || OTHER_RETURN.test(title)) return false;
  return MONTHLY_HEADLINE.test(headline) && MONTHLY_TITLE.test(title);
}

/**
 * The month a title says the return reports ("… for the month ended 31 January 2011", "截至2011年1月31日止月份"),
 * or null when the title does not say. Used only to skip what is plainly outside the months asked for; the PDF
 * decides the month of what is stored.
 */
export function reportMonthOfTitle(title: string): ReportMonth | null {
  const printed =
    /month\s+ended\s*:?\s*(\d{1,2}\s+[a-z]+\.?,?\s+\d{4})/i.exec(title)?.[1] ??
    /截至\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)/.exec(title)?.[1];
  const date = printed ? parseFormDate(printed) : null;
  return date ? date.slice(0, 7) : null;
}
