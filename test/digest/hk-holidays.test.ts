import { describe, expect, it } from 'vitest';
import { hongKongPublicHolidays, isHongKongBusinessDay } from '../../src/digest/hk-holidays.js';

/**
 * The general holidays other than Sundays, as gazetted by the Hong Kong government for each year, entered by hand
 * from the gazette notices so that a change in the library's data shows up here.
 */
const GAZETTED: Record<number, string> = {
  2022: '01-01 02-01 02-02 02-03 04-05 04-15 04-16 04-18 05-02 05-09 06-03 07-01 09-12 10-01 10-04 12-26 12-27',
  2023: '01-02 01-23 01-24 01-25 04-05 04-07 04-08 04-10 05-01 05-26 06-22 07-01 09-30 10-02 10-23 12-25 12-26',
  2024: '01-01 02-10 02-12 02-13 03-29 03-30 04-01 04-04 05-01 05-15 06-10 07-01 09-18 10-01 10-11 12-25 12-26',
  2025: '01-01 01-29 01-30 01-31 04-04 04-18 04-19 04-21 05-01 05-05 05-31 07-01 10-01 10-07 10-29 12-25 12-26',
  2026: '01-01 02-17 02-18 02-19 04-03 04-04 04-06 04-07 05-01 05-25 06-19 07-01 09-26 10-01 10-19 12-25 12-26',
};

describe('hongKongPublicHolidays', () => {
  for (const [year, days] of Object.entries(GAZETTED)) {
    it(`matches the ${year} gazette of general holidays`, () => {
      const held = [...hongKongPublicHolidays(Number(year)).keys()].sort();
      expect(held).toEqual(days.split(' ').map((day) => `${year}-${day}`));
    });
  }

  it('names the substitute days of 2026 as the day following Ching Ming and Easter Monday', () => {
    const holidays = hongKongPublicHolidays(2026);
    expect(holidays.get('2026-04-06')).toBe('The day following Ching Ming Festival');
    expect(holidays.get('2026-04-07')).toBe('The day following Easter Monday');
  });
});

describe('isHongKongBusinessDay', () => {
  it('counts an ordinary Thursday', () => {
    expect(isHongKongBusinessDay('2023-12-07')).toBe(true);
  });

  it('skips Saturdays and Sundays', () => {
    expect(isHongKongBusinessDay('2023-12-09')).toBe(false);
    expect(isHongKongBusinessDay('2023-12-10')).toBe(false);
  });

  it('skips the day after New Year when 1 January 2023 fell on a Sunday', () => {
    expect(isHongKongBusinessDay('2023-01-02')).toBe(false);
    expect(isHongKongBusinessDay('2023-01-03')).toBe(true);
  });

  it('counts Christmas Eve and Lunar New Year eve, which are half days and not holidays', () => {
    expect(isHongKongBusinessDay('2024-12-24')).toBe(true);
    expect(isHongKongBusinessDay('2025-01-28')).toBe(true);
  });
});
