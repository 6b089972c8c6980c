import { describe, expect, it } from 'vitest';
import { filingDeadline, nthBusinessDayAfter } from '../../src/digest/filing-deadline.js';

/**
 * Each expected date counted by hand on a calendar: business days from the 1st of the next month, skipping weekends
 * and the gazetted general holidays named in the test.
 */
describe('filingDeadline', () => {
  it.each([
    // Lunar New Year: 1-3 Feb 2022 (Tue-Thu) are holidays, so the fifth business day moves to Thu 10 Feb.
    ['2022-01', '2022-02-10'],
    // LNY 2023 holidays were 23-25 Jan, before month end: Wed 1, Thu 2, Fri 3, Mon 6, Tue 7 Feb.
    ['2023-01', '2023-02-07'],
    // LNY 2024 holidays (10, 12, 13 Feb) come after the deadline: Thu 1, Fri 2, Mon 5, Tue 6, Wed 7 Feb.
    ['2024-01', '2024-02-07'],
    // LNY 2025 holidays were 29-31 Jan, before month end: Mon 3 to Fri 7 Feb.
    ['2025-01', '2025-02-07'],
  ])('puts the deadline for %s around Lunar New Year on %s', (month, deadline) => {
    expect(filingDeadline(month)).toBe(deadline);
  });

  it.each([
    // Mon 1 Apr 2024 Easter Monday, Thu 4 Apr Ching Ming: Tue 2, Wed 3, Fri 5, Mon 8, Tue 9.
    ['2024-03', '2024-04-09'],
    // Fri 4 Apr 2025 Ching Ming (Easter is later in April): Tue 1, Wed 2, Thu 3, Mon 7, Tue 8.
    ['2025-03', '2025-04-08'],
    // Wed 5 Apr 2023 Ching Ming, Fri 7 Good Friday, Mon 10 Easter Monday: Mon 3, Tue 4, Thu 6, Tue 11, Wed 12.
    ['2023-03', '2023-04-12'],
    // Fri 3 Apr 2026 Good Friday, then the substitute days Mon 6 (Ching Ming) and Tue 7 (Easter Monday):
    // Wed 1, Thu 2, Wed 8, Thu 9, Fri 10.
    ['2026-03', '2026-04-10'],
  ])('puts the deadline for %s around Easter and Ching Ming on %s', (month, deadline) => {
    expect(filingDeadline(month)).toBe(deadline);
  });

  it.each([
    // Nov month ends: December's first five weekdays, Christmas is later.
    ['2023-11', '2023-12-07'],
    ['2024-11', '2024-12-06'],
    ['2025-11', '2025-12-05'],
    // Dec 2022: Mon 2 Jan 2023 is the substitute for New Year's Day on a Sunday: Tue 3 to Fri 6, Mon 9.
    ['2022-12', '2023-01-09'],
    // Dec 2023: Mon 1 Jan 2024 holiday: Tue 2 to Fri 5, Mon 8.
    ['2023-12', '2024-01-08'],
    // Dec 2024: Wed 1 Jan 2025 holiday: Thu 2, Fri 3, Mon 6, Tue 7, Wed 8.
    ['2024-12', '2025-01-08'],
    // Dec 2025: Thu 1 Jan 2026 holiday: Fri 2, Mon 5, Tue 6, Wed 7, Thu 8.
    ['2025-12', '2026-01-08'],
  ])('puts the deadline for %s around Christmas and New Year on %s', (month, deadline) => {
    expect(filingDeadline(month)).toBe(deadline);
  });

  it.each([
    // Mon 2 Oct 2023, the day following National Day: Tue 3 to Fri 6, Mon 9.
    ['2023-09', '2023-10-09'],
    // Wed 1 Oct 2025 National Day, Tue 7 Oct the day following Mid-Autumn: Thu 2, Fri 3, Mon 6, Wed 8, Thu 9.
    ['2025-09', '2025-10-09'],
    // Thu 1 May 2025 Labour Day, Mon 5 May Buddha's Birthday: Fri 2, Tue 6, Wed 7, Thu 8, Fri 9.
    ['2025-04', '2025-05-09'],
  ])('puts the deadline for %s past the holidays of its next month on %s', (month, deadline) => {
    expect(filingDeadline(month)).toBe(deadline);
  });
});

describe('nthBusinessDayAfter', () => {
  it('starts counting on the 1st when it is a business day', () => {
    expect(nthBusinessDayAfter('2023-11', 1)).toBe('2023-12-01');
  });

  it('starts counting after a weekend and a holiday at the start of the month', () => {
    // Sat 1 and Sun 2 Apr 2023, so Mon 3 Apr is the first business day.
    expect(nthBusinessDayAfter('2023-03', 1)).toBe('2023-04-03');
    // Wed 1 May 2024 Labour Day.
    expect(nthBusinessDayAfter('2024-04', 1)).toBe('2024-05-02');
  });
});
