import { describe, expect, it } from 'vitest';
import type { WarrantOrConvertible } from '../../src/domain/monthly-return.js';
import { describePartIii } from '../../src/format/part-iii-lines.js';
import { makeMonthlyReturn, makeShareClass } from '../helpers/factories.js';

function warrant(overrides: Partial<WarrantOrConvertible>): WarrantOrConvertible {
  return {
    description: 'Unlisted Warrant',
    currency: 'HKD',
    amountPreceding: '90000000',
    movements: [{ type: 'exercised', label: 'Exercised', number: null, amount: '40000000' }],
    amountClosing: '50000000',
    newSharesIssued: 40_000_000,
    treasurySharesTransferred: null,
    sharesIssuableAtClose: 50_000_000,
    generalMeetingApprovalDate: null,
    instrumentType: null,
    instrumentStockCode: null,
    price: { currency: 'HKD', amount: '1.22' },
    dateOfExpiry: '2012-10-27',
    ...overrides,
  };
}

function linesFor(item: WarrantOrConvertible): string[] {
  const base = makeMonthlyReturn();
  const details = {
    ...base.detailsOfMovements,
    warrants: { notApplicable: false, classes: [{ ...makeShareClass(), items: [item] }], totals: [], remarks: null },
  };
  return describePartIii(details).map((line) => line.text);
}

describe('describePartIii', () => {
  it('shows warrant balances as money where the form counts them in a currency', () => {
    expect(linesFor(warrant({})).join('\n')).toContain('HKD 90,000,000 → HKD 50,000,000');
  });

  it('shows warrant balances as units where a pre-2021 filer counted warrants, not money', () => {
    const text = linesFor(warrant({ amountsIn: 'units' })).join('\n');
    expect(text).toContain('90,000,000 units → 50,000,000 units');
    expect(text).not.toContain('HKD 90,000,000');
  });
});
