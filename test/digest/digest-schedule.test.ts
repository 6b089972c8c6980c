import { describe, expect, it } from 'vitest';
import {
  assertDigestSchedule,
  DEFAULT_DIGEST_SCHEDULE,
  digestDueAt,
  fillTimes,
  latestDueDigest,
  monthAt,
  monthBeingFilled,
  nextDueDigest,
  nextFillAfter,
} from '../../src/digest/digest-schedule.js';
import { isAppError } from '../../src/domain/errors.js';

function caught(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
}

describe('digestDueAt', () => {
  it('falls at 10:00 Hong Kong time (02:00 UTC) on the filing deadline', () => {
    expect(digestDueAt('2024-03', DEFAULT_DIGEST_SCHEDULE).toISOString()).toBe('2024-04-09T02:00:00.000Z');
    expect(digestDueAt('2023-11', DEFAULT_DIGEST_SCHEDULE).toISOString()).toBe('2023-12-07T02:00:00.000Z');
  });

  it('uses the configured time and zone on the deadline date', () => {
    const london = { timeOfDay: '09:30', timeZone: 'Europe/London' };
    // GMT in December, BST in April.
    expect(digestDueAt('2023-11', london).toISOString()).toBe('2023-12-07T09:30:00.000Z');
    expect(digestDueAt('2024-03', london).toISOString()).toBe('2024-04-09T08:30:00.000Z');
  });
});

describe('latestDueDigest', () => {
  it('is the month before last until the deadline morning has passed', () => {
    const due = latestDueDigest(new Date('2024-04-09T01:59:59Z'), DEFAULT_DIGEST_SCHEDULE);
    expect(due.month).toBe('2024-02');
    expect(due.at.toISOString()).toBe('2024-03-07T02:00:00.000Z');
  });

  it('is the month just ended from the due time on', () => {
    expect(latestDueDigest(new Date('2024-04-09T02:00:00Z'), DEFAULT_DIGEST_SCHEDULE).month).toBe('2024-03');
  });

  it('reads the month in Hong Kong time, where 31 Dec 20:00 UTC is already January', () => {
    expect(monthAt(new Date('2023-12-31T20:00:00Z'), 'Asia/Hong_Kong')).toBe('2024-01');
    expect(latestDueDigest(new Date('2023-12-31T20:00:00Z'), DEFAULT_DIGEST_SCHEDULE).month).toBe('2023-11');
  });
});

describe('nextDueDigest', () => {
  it('is the next month once a digest has become due', () => {
    // May 2024: Wed 1 Labour Day, then Thu 2, Fri 3, Mon 6, Tue 7, Wed 8.
    const next = nextDueDigest(new Date('2024-04-09T02:00:00Z'), DEFAULT_DIGEST_SCHEDULE);
    expect(next).toEqual({ month: '2024-04', at: new Date('2024-05-08T02:00:00Z') });
  });

  it('is the month just ended while its deadline is still ahead', () => {
    const next = nextDueDigest(new Date('2024-04-02T00:00:00Z'), DEFAULT_DIGEST_SCHEDULE);
    expect(next).toEqual({ month: '2024-03', at: new Date('2024-04-09T02:00:00Z') });
  });
});

describe('assertDigestSchedule', () => {
  it('refuses a time of day that is not HH:mm', () => {
    expect(() => assertDigestSchedule({ timeOfDay: '25:00', timeZone: 'Asia/Hong_Kong' })).toThrow(/25:00/);
    const error = caught(() => assertDigestSchedule({ timeOfDay: '10am', timeZone: 'Asia/Hong_Kong' }));
    expect(isAppError(error, 'config-invalid')).toBe(true);
  });

  it('refuses an unknown time zone', () => {
    expect(() => assertDigestSchedule({ timeOfDay: '10:00', timeZone: 'Asia/Hongkong_Typo' })).toThrow(
      /Asia\/Hongkong_Typo/,
    );
  });
});

describe('fillTimes', () => {
  it('fills March 2012 on its deadline, Wed 11 April, and each business day of the week after it', () => {
    expect(fillTimes('2012-03', DEFAULT_DIGEST_SCHEDULE).map((d) => d.toISOString().slice(0, 10))).toEqual([
      '2012-04-11',
      '2012-04-12',
      '2012-04-13',
      '2012-04-16',
      '2012-04-17',
      '2012-04-18',
    ]);
  });

  it('names the next fill within the week, and none after it', () => {
    expect(nextFillAfter(new Date('2012-04-13T02:00:00Z'), DEFAULT_DIGEST_SCHEDULE)).toEqual({
      month: '2012-03',
      at: new Date('2012-04-16T02:00:00Z'),
    });
    expect(nextFillAfter(new Date('2012-04-18T02:00:00Z'), DEFAULT_DIGEST_SCHEDULE)).toBeNull();
    expect(monthBeingFilled(new Date('2012-04-18T02:00:00Z'), DEFAULT_DIGEST_SCHEDULE)).toBe('2012-03');
    expect(monthBeingFilled(new Date('2012-04-18T02:00:01Z'), DEFAULT_DIGEST_SCHEDULE)).toBeNull();
  });
});
