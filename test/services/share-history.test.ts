import { describe, expect, it } from 'vitest';
import { buildShareHistory } from '../../src/services/share-history.js';
import { makeSenseTimeReturn, saveSample } from '../helpers/sample-returns.js';
import { useTempStore } from '../store/store-fixtures.js';

const temp = useTempStore();

const BASE = 25_948_809_928;

/** 26 months of SenseTime from January 2022, Class B growing by 1,000 a month; July 2023 opens 5 short. */
async function saveTwoYearsAndMore(): Promise<void> {
  for (let i = 0; i < 26; i++) {
    const month = `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    const closing = BASE + 1_000 * i;
    const preceding = month === '2023-07' ? closing - 1_005 : closing - 1_000;
    await saveSample(temp.store, makeSenseTimeReturn({ month, classBPreceding: preceding, classBClosing: closing }));
  }
  // February 2024 corrected: 500 more than first filed.
  const corrected = makeSenseTimeReturn({
    month: '2024-02',
    classBPreceding: BASE + 24_000,
    classBClosing: BASE + 25_500,
  });
  await saveSample(temp.store, { ...corrected, status: 'resubmission', dateSubmitted: '2024-03-20' });
}

describe('buildShareHistory on the lowdb store', () => {
  it('shows 24 months newest first, each with its change, and counts the months held beyond them', async () => {
    await saveTwoYearsAndMore();
    const history = await buildShareHistory(temp.store, '00020', { months: 24 });
    expect(history?.months.map((m) => m.month)).toHaveLength(24);
    expect(history?.months[0]?.month).toBe('2024-02');
    expect(history?.months.at(-1)?.month).toBe('2022-03');
    expect(history?.olderMonthsHeld).toBe(2);

    const classB = (i: number) => history?.months[i]?.classes[0];
    expect(classB(0)).toMatchObject({ label: 'Class B ordinary shares', issued: BASE + 25_500, change: 1_500 });
    expect(classB(1)).toMatchObject({ issued: BASE + 24_000, change: 1_000 });
    expect(history?.months[0]?.resubmitted).toBe(true);
    expect(history?.months[1]?.resubmitted).toBe(false);
    // The oldest month shown still has its change: one month more than shown is read.
    expect(classB(23)).toMatchObject({ issued: BASE + 2_000, change: 1_000 });
  });

  it('counts a continuity break in the month that opens short of the month before', async () => {
    await saveTwoYearsAndMore();
    const history = await buildShareHistory(temp.store, '00020', { months: 24 });
    const flagged = history?.months.filter((m) => m.flagCount > 0).map((m) => [m.month, m.flagCount]);
    expect(flagged).toEqual([['2023-07', 1]]);
  });

  it('is null for a code not held', async () => {
    expect(await buildShareHistory(temp.store, '09999')).toBeNull();
  });
});
