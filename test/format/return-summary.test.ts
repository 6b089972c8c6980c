import { describe, expect, it } from 'vitest';
import { renderFullReturnText } from '../../src/format/full-return.js';
import { describeIssuedShares } from '../../src/format/return-summary.js';
import { makeIssuedShareClass, makeMonthlyReturn } from '../helpers/factories.js';

describe('the whole return as text', () => {
  it('shows a blank movement as a dash and a printed 0 as 0', () => {
    const base = makeMonthlyReturn();
    const issuedShares = {
      ...base.issuedShares,
      hasTreasuryColumns: false,
      classes: [
        makeIssuedShareClass({
          className: 'Ordinary shares',
          stockCode: '01723',
          description: null,
          multiCounters: [],
          issuedShares: { preceding: 1_000, movement: null, closing: 1_000 },
          treasuryShares: { preceding: 0, movement: 0, closing: 0 },
          totalIssuedShares: null,
          publicFloat: null,
        }),
      ],
    };
    expect(describeIssuedShares(issuedShares).slice(1, 3)).toEqual([
      '  Ordinary shares (01723): 1,000 -> – -> 1,000',
      '    treasury shares 0 -> 0 -> 0',
    ]);
  });

  it('ends with every flag, or says that everything adds up', () => {
    const monthlyReturn = makeMonthlyReturn();
    expect(renderFullReturnText({ monthlyReturn, flags: [] }).split('\n').at(-1)).toBe('Checks: everything adds up.');
    const flag = {
      code: 'stock-code-mismatch' as const,
      severity: 'error' as const,
      section: 'II',
      subject: 'Ordinary shares',
      message: 'Ordinary shares: part II gives stock code 01724, but part I gives 01723',
      expected: '01723',
      actual: '01724',
    };
    expect(
      renderFullReturnText({ monthlyReturn, flags: [flag] })
        .split('\n')
        .slice(-2),
    ).toEqual(['Flags (1):', '  [error] II · Ordinary shares: part II gives stock code 01724, but part I gives 01723']);
  });
});
