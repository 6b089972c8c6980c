import { describe, expect, it } from 'vitest';
import { checkContinuity, flagsAgainstPrevious, monthBefore } from '../../src/domain/check-continuity.js';
import { createMemoryFilingStore } from '../helpers/memory-filing-store.js';
import { makeSenseTimeReturn, saveSample } from '../helpers/sample-returns.js';

async function pair(october: { month?: string; closing: number }, novemberPreceding: number) {
  const store = createMemoryFilingStore();
  const previous = await saveSample(
    store,
    makeSenseTimeReturn({ month: october.month ?? '2023-10', classBClosing: october.closing }),
  );
  const current = await saveSample(store, makeSenseTimeReturn({ classBPreceding: novemberPreceding }));
  return { previous: previous.stored, current: current.stored };
}

describe('checkContinuity', () => {
  it('finds nothing when the preceding balance is the closing balance held', async () => {
    const { previous, current } = await pair({ closing: 25_948_809_928 }, 25_948_809_928);
    expect(checkContinuity(current, previous)).toEqual([]);
  });

  it('flags an error when the month before closes at another figure', async () => {
    const { previous, current } = await pair({ closing: 25_948_000_000 }, 25_948_809_928);
    expect(checkContinuity(current, previous)).toEqual([
      {
        code: 'continuity-break',
        severity: 'error',
        section: 'II',
        subject: 'Class B ordinary shares',
        message:
          'Class B ordinary shares: issued shares at close of preceding month is 25,948,809,928, but the 2023-10 return held closes at 25,948,000,000',
        expected: '25948000000',
        actual: '25948809928',
      },
    ]);
  });

  it('notes, without warning, a difference across months that are not held', async () => {
    const { previous, current } = await pair({ month: '2023-08', closing: 25_948_000_000 }, 25_948_809_928);
    const [flag] = checkContinuity(current, previous);
    expect(flag?.severity).toBe('info');
    expect(flag?.message).toContain('(no return is held for the months between)');
  });

  it('does not repeat a continuity flag the return already carries', async () => {
    const { previous, current } = await pair({ closing: 25_948_000_000 }, 25_948_809_928);
    const withFlag = { ...current, flags: checkContinuity(current, previous) };
    expect(flagsAgainstPrevious(withFlag, previous)).toHaveLength(1);
  });

  it('knows the month before January', () => {
    expect(monthBefore('2024-01')).toBe('2023-12');
    expect(monthBefore('2023-11')).toBe('2023-10');
  });
});
