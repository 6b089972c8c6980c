/**
 * A return larger than any filed so far, for the limits of the full view: one class with `schemes` share option
 * schemes (each with its own figures, so that each can be found), and flags of a chosen length.
 */
import type { Flag } from '../../src/domain/flag.js';
import type { MonthlyReturn, ShareOptionScheme } from '../../src/domain/monthly-return.js';
import { makeMonthlyReturn, makeShareClass } from './factories.js';

export function makeNumberedScheme(i: number): ShareOptionScheme {
  return {
    particulars: `Share Option Scheme ${i} (adopted on ${(i % 28) + 1} June 2019)`,
    outstandingPreceding: 1_000_000 + i,
    movements: [
      { type: 'granted', label: 'Granted', number: 0, amount: null },
      { type: 'exercised', label: 'Exercised', number: -(1_000 * i), amount: null },
      { type: 'lapsed', label: 'Lapsed', number: -i, amount: null },
    ],
    outstandingClosing: 1_000_000 + i - 1_000 * i - i,
    newSharesIssued: 1_000 * i,
    treasurySharesTransferred: null,
    sharesIssuableAtClose: 2_000_000 + i,
    generalMeetingApprovalDate: '2019-06-01',
    sharesIssuableUnderOptionsToBeGranted: null,
  };
}

export function makeNumberedFlag(i: number, message = `Scheme ${i}: 1,000 + 5 = 1,005, but the form says 1,006`): Flag {
  return {
    code: 'balance-mismatch',
    severity: 'error',
    section: 'III(A)',
    subject: `Scheme ${i}`,
    message,
    expected: '1005',
    actual: '1006',
  };
}

export function makeLargeReturn(schemes: number, overrides: Partial<MonthlyReturn> = {}): MonthlyReturn {
  const base = makeMonthlyReturn(overrides);
  return {
    ...base,
    detailsOfMovements: {
      ...base.detailsOfMovements,
      shareOptions: {
        notApplicable: false,
        classes: [{ ...makeShareClass(), items: Array.from({ length: schemes }, (_, i) => makeNumberedScheme(i + 1)) }],
        totals: [],
        remarks: 'Every scheme is listed.',
        fundsRaised: null,
      },
    },
  };
}
