/**
 * Hong Kong's general holidays, from the maintained `date-holidays` data rather than a table of our own: the
 * government gazettes them a year ahead, substitute days included ("the day following Ching Ming Festival" when it
 * falls on a Sunday), and the library follows the gazette.
 */
import Holidays from 'date-holidays';
import type { IsoDate } from './report-months.js';

/**
 * The library types a day as public, bank, school, optional or observance. Only the first two close offices and the
 * Exchange; an observance (a festival that is not a day off) must not push a filing deadline back.
 */
const DAYS_OFF = new Set(['public', 'bank']);

const calendar = new Holidays('HK');
const cache = new Map<number, ReadonlyMap<IsoDate, string>>();

/** The general holidays of a year in Hong Kong, keyed by local date, with the name as gazetted (in English). */
export function hongKongPublicHolidays(year: number): ReadonlyMap<IsoDate, string> {
  const cached = cache.get(year);
  if (cached) return cached;
  const days = new Map<IsoDate, string>();
  for (const holiday of calendar.getHolidays(year, 'en')) {
    // `date` is the local calendar date ("2024-04-01 00:00:00"), free of the host's time zone.
    if (DAYS_OFF.has(holiday.type)) days.set(holiday.date.slice(0, 10), holiday.name);
  }
  cache.set(year, days);
  return days;
}

/** Mon-Fri and not a general holiday. Typhoon and rainstorm closures are not known ahead and are not counted. */
export function isHongKongBusinessDay(date: IsoDate): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !hongKongPublicHolidays(Number(date.slice(0, 4))).has(date);
}
