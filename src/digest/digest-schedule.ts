/**
 * When each month's digest is due: on the filing deadline (the fifth Hong Kong business day after month end), at a
 * configured local time. The default, 10:00 in Hong Kong, is well after the 08:30 cut-off of Rule 13.25B, so every
 * issuer that filed on time has filed.
 */
import { TZDate } from '@date-fns/tz';
import { AppError } from '../domain/errors.js';
import type { ReportMonth } from '../domain/monthly-return.js';
import { filingDeadline } from './filing-deadline.js';
import { isHongKongBusinessDay } from './hk-holidays.js';
import { addDays, addMonths, type IsoDate } from './report-months.js';

export interface DigestSchedule {
  /** Local time of day in `timeZone`, "HH:mm"; default "10:00". */
  readonly timeOfDay: string;
  /** Default "Asia/Hong_Kong". */
  readonly timeZone: string;
}

export const DEFAULT_DIGEST_SCHEDULE: DigestSchedule = { timeOfDay: '10:00', timeZone: 'Asia/Hong_Kong' };

export interface DueDigest {
  readonly month: ReportMonth;
  readonly at: Date;
}

function timeOfDayParts(schedule: DigestSchedule): { hours: number; minutes: number } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(schedule.timeOfDay);
  if (!match) {
    throw new AppError('config-invalid', `The digest time "${schedule.timeOfDay}" is not a time of day such as 10:00`, {
      timeOfDay: schedule.timeOfDay,
    });
  }
  return { hours: Number(match[1]), minutes: Number(match[2]) };
}

/** Throws a config-invalid AppError for a malformed time of day or an unknown time zone. */
export function assertDigestSchedule(schedule: DigestSchedule): void {
  timeOfDayParts(schedule);
  try {
    new Intl.DateTimeFormat('en', { timeZone: schedule.timeZone });
  } catch (cause) {
    throw new AppError(
      'config-invalid',
      `The digest time zone "${schedule.timeZone}" is not a known time zone`,
      {
        timeZone: schedule.timeZone,
      },
      { cause },
    );
  }
}

/** The instant the digest for `month` is due. */
export function digestDueAt(month: ReportMonth, schedule: DigestSchedule): Date {
  return atTimeOfDay(filingDeadline(month), schedule);
}

/** The schedule's time of day on a local date. */
function atTimeOfDay(date: IsoDate, schedule: DigestSchedule): Date {
  const { hours, minutes } = timeOfDayParts(schedule);
  const [year, number, day] = date.split('-').map(Number);
  const local = new TZDate(year ?? 0, (number ?? 1) - 1, day ?? 1, hours, minutes, schedule.timeZone);
  return new Date(local.getTime());
}

/** The calendar month `now` falls in, in `timeZone`. */
export function monthAt(now: Date, timeZone: string): ReportMonth {
  const local = new TZDate(now.getTime(), timeZone);
  return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}`;
}

/** The latest month whose digest is due at or before `now`. */
export function latestDueDigest(now: Date, schedule: DigestSchedule): DueDigest {
  // The deadline for month M falls within the first three weeks of M+1, so M-1 or M-2 of `now` is the one.
  let month = addMonths(monthAt(now, schedule.timeZone), -1);
  let at = digestDueAt(month, schedule);
  while (at.getTime() > now.getTime()) {
    month = addMonths(month, -1);
    at = digestDueAt(month, schedule);
  }
  return { month, at };
}

/** The first month whose digest is due strictly after `now`. */
export function nextDueDigest(now: Date, schedule: DigestSchedule): DueDigest {
  const latest = latestDueDigest(now, schedule);
  const month = addMonths(latest.month, 1);
  return { month, at: digestDueAt(month, schedule) };
}

/** How long after the deadline the watched codes' returns are still looked for on HKEXnews. */
export const FILL_WINDOW_DAYS = 7;

/**
 * When the watched codes' returns for `month` are fetched from HKEXnews: at the digest's due time on the filing
 * deadline, just before the digest, and at the same time on each Hong Kong business day after it, for a week.
 */
export function fillTimes(month: ReportMonth, schedule: DigestSchedule): Date[] {
  const deadline = filingDeadline(month);
  const times = [atTimeOfDay(deadline, schedule)];
  for (let day = 1; day <= FILL_WINDOW_DAYS; day++) {
    const date = addDays(deadline, day);
    if (isHongKongBusinessDay(date)) times.push(atTimeOfDay(date, schedule));
  }
  return times;
}

/** The next fill strictly after `now` of the latest month due, or null when its week is over. */
export function nextFillAfter(now: Date, schedule: DigestSchedule): DueDigest | null {
  const { month } = latestDueDigest(now, schedule);
  const at = fillTimes(month, schedule).find((time) => time.getTime() > now.getTime());
  return at ? { month, at } : null;
}

/** The month whose week of fills `now` falls in (its deadline passed, its last fill not yet), if any. */
export function monthBeingFilled(now: Date, schedule: DigestSchedule): ReportMonth | null {
  const { month } = latestDueDigest(now, schedule);
  const last = fillTimes(month, schedule).at(-1) as Date;
  return now.getTime() <= last.getTime() ? month : null;
}

/**
 * The schedule's time of day on the first Hong Kong business day after the local day of `after`: when a digest
 * Slack refused is tried again (the bot invited meanwhile, say), a day later and never on a weekend or holiday.
 */
export function nextBusinessDayAt(after: Date, schedule: DigestSchedule): Date {
  let day = addDays(localDateOf(after, schedule.timeZone), 1);
  while (!isHongKongBusinessDay(day)) day = addDays(day, 1);
  return atTimeOfDay(day, schedule);
}

/** The calendar day `at` falls on in `timeZone`, "YYYY-MM-DD". */
export function localDateOf(at: Date, timeZone: string): string {
  const local = new TZDate(at.getTime(), timeZone);
  return `${monthAt(at, timeZone)}-${String(local.getDate()).padStart(2, '0')}`;
}
