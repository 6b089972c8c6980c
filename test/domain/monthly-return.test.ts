import { describe, expect, it } from 'vitest';
import { MonthlyReturnSchema, reportMonthOf } from '../../src/domain/monthly-return.js';
import { makeMonthlyReturn } from '../helpers/factories.js';

describe('MonthlyReturnSchema', () => {
  it('accepts the factory return and reports its month', () => {
    const monthlyReturn = MonthlyReturnSchema.parse(makeMonthlyReturn());
    expect(reportMonthOf(monthlyReturn)).toBe('2023-11');
  });

  it('refuses a fractional share count', () => {
    const bad = makeMonthlyReturn();
    const [issued] = bad.issuedShares.classes;
    if (!issued) throw new Error('factory has one class');
    issued.issuedShares = { preceding: 1.5, movement: null, closing: 1 };
    expect(MonthlyReturnSchema.safeParse(bad).success).toBe(false);
  });
});
