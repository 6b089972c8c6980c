import { describe, expect, it } from 'vitest';
import type { MonthlyReturn } from '../../src/domain/monthly-return.js';
import { contentIdentityOf } from '../../src/store/content-identity.js';
import { makeMonthlyReturn } from '../helpers/factories.js';

describe('contentIdentityOf', () => {
  const withGrandTotal = (total: MonthlyReturn['detailsOfMovements']['totals'][number]): MonthlyReturn => {
    const base = makeMonthlyReturn();
    return { ...base, detailsOfMovements: { ...base.detailsOfMovements, totals: [total] } };
  };
  const blank = { className: 'Ordinary shares', changeInIssuedShares: null, changeInTreasuryShares: null };

  it('is the same for a return held from before totals kept the "N/A" they print, and the same return read now', () => {
    const now = withGrandTotal({ ...blank, printedInstead: { changeInIssuedShares: 'N/A' } });
    expect(contentIdentityOf(now)).toBe(contentIdentityOf(withGrandTotal(blank)));
  });

  it('differs where a figure differs', () => {
    expect(contentIdentityOf(withGrandTotal({ ...blank, changeInIssuedShares: 0 }))).not.toBe(
      contentIdentityOf(withGrandTotal(blank)),
    );
  });
});
