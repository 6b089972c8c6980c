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
import { addDays, addMonths } from './report-months.js';

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
  const { hours, minutes } = timeOfDayParts(schedule);
  const [year, number, day] = filingDeadline(month).split('-').map(Number);
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

/**
 * The schedule's time of day on the first Hong Kong business day after the local day of `after`: when a digest
 * Slack refused is tried again (the bot invited meanwhile, say), a day later and never on a weekend or holiday.
 */
export function nextBusinessDayAt(after: Date, schedule: DigestSchedule): Date {
  const { hours, minutes } = timeOfDayParts(schedule);
  let day = addDays(localDateOf(after, schedule.timeZone), 1);
  while (!isHongKongBusinessDay(day)) day = addDays(day, 1);
  const [year, month, date] = day.split('-').map(Number);
  return new Date(new TZDate(year ?? 0, (month ?? 1) - 1, date ?? 1, hours, minutes, schedule.timeZone).getTime());
}

/** The calendar day `at` falls on in `timeZone`, "YYYY-MM-DD". */
export function localDateOf(at: Date, timeZone: string): string {
  const local = new TZDate(at.getTime(), timeZone);
  return `${monthAt(at, timeZone)}-${String(local.getDate()).padStart(2, '0')}`;
}
