import { describe, expect, it } from 'vitest';
import { compareSubmissions, linkSubmissions, primaryStockCode, toStoredReturn } from '../../src/store/submissions.js';
import { makeMonthlyReturn } from '../helpers/factories.js';
import { makeSaveInput, sha256Of } from './store-fixtures.js';

const held = (spec: Parameters<typeof makeSaveInput>[0]) => toStoredReturn(makeSaveInput(spec));

describe('ordering submissions', () => {
  it('puts a later date submitted after an earlier one whatever the status', () => {
    const earlyResubmission = held({ file: 'a', status: 'resubmission', dateSubmitted: '2023-12-06' });
    const laterNew = held({ file: 'b', status: 'new', dateSubmitted: '2023-12-07' });
    expect(compareSubmissions(earlyResubmission, laterNew)).toBeLessThan(0);
  });

  it('puts a submission with no date (the pre-2021 form) before a dated one', () => {
    expect(compareSubmissions(held({ file: 'a', dateSubmitted: null }), held({ file: 'b' }))).toBeLessThan(0);
  });

  it('orders submissions that tie on everything by id, the same way every time', () => {
    const a = held({ file: 'a' });
    const b = held({ file: 'b' });
    const [first] = [a, b].sort((x, y) => x.id.localeCompare(y.id));
    expect(linkSubmissions([a, b]).at(-1)?.id).toBe(first?.id);
    expect(linkSubmissions([b, a]).at(-1)?.id).toBe(first?.id);
  });

  it('links a chain of three, newest first', () => {
    const chain = linkSubmissions([
      held({ file: 'c', dateSubmitted: '2023-12-30' }),
      held({ file: 'a', dateSubmitted: '2023-12-06' }),
      held({ file: 'b', dateSubmitted: '2023-12-15' }),
    ]);
    expect(chain.map((s) => [s.id, s.supersedes, s.supersededBy])).toEqual([
      [sha256Of('c'), sha256Of('b'), null],
      [sha256Of('b'), sha256Of('a'), sha256Of('c')],
      [sha256Of('a'), null, sha256Of('b')],
    ]);
  });
});

describe('the code a return is filed under', () => {
  it('is the first listed code', () => {
    expect(primaryStockCode(makeMonthlyReturn({ stockCodes: ['00020', '80020'] }))).toBe('00020');
  });

  it('is the first class code when the header lists none', () => {
    expect(primaryStockCode(makeMonthlyReturn({ stockCodes: [] }))).toBe('00020');
  });
});
