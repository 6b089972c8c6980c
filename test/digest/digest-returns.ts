/**
 * Monthly returns for digest tests: one listed class with the figures a test names, and part III movements built
 * from the shared factories. `saveInputFor` wraps a return for a store.
 */
import { createHash } from 'node:crypto';
import type { Flag } from '../../src/domain/flag.js';
import type {
  IssuedShareClass,
  MonthlyReturn,
  Movement,
  OtherMovement,
  ReportMonth,
  ShareOptionScheme,
} from '../../src/domain/monthly-return.js';
import type { StockCode } from '../../src/domain/stock-code.js';
import type { StoredReturn } from '../../src/domain/stored-return.js';
import type { SaveInput } from '../../src/store/filing-store.js';
import { makeIssuedShareClass, makeMonthlyReturn, makeProvenance, makeShareClass } from '../helpers/factories.js';

export interface DigestReturnSpec {
  readonly stockCode: StockCode;
  readonly issuerName: string;
  readonly month: ReportMonth;
  /** Issued shares at close of the preceding month and of this month. */
  readonly preceding: number;
  readonly closing: number;
  readonly treasury?: { readonly preceding: number; readonly closing: number };
  readonly otherMovements?: readonly OtherMovement[];
  /** New shares issued on the exercise of options (III(A) A1). */
  readonly optionSharesIssued?: number;
  readonly flags?: readonly Flag[];
  readonly status?: MonthlyReturn['status'];
}

export function lastDayOf(month: ReportMonth): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
}

function movement(preceding: number, closing: number): Movement {
  return { preceding, movement: closing === preceding ? null : closing - preceding, closing };
}

export function makeOtherMovement(overrides: Partial<OtherMovement> = {}): OtherMovement {
  return {
    event: 'Placing of new shares',
    type: 'placing',
    price: { currency: 'HKD', amount: '1.20' },
    dateOfEvent: null,
    generalMeetingApprovalDate: null,
    changeInIssuedShares: 0,
    changeInTreasuryShares: null,
    pendingCancellation: null,
    sharesIssuableAtClose: null,
    ...overrides,
  };
}

function optionScheme(sharesIssued: number): ShareOptionScheme {
  return {
    particulars: '2015 Share Option Scheme',
    outstandingPreceding: sharesIssued * 10,
    movements: [{ type: 'exercised', label: 'Exercised', number: -sharesIssued, amount: null }],
    outstandingClosing: sharesIssued * 9,
    newSharesIssued: sharesIssued,
    treasurySharesTransferred: null,
    sharesIssuableAtClose: sharesIssued * 9,
    generalMeetingApprovalDate: null,
    sharesIssuableUnderOptionsToBeGranted: null,
  };
}

export function makeDigestReturn(spec: DigestReturnSpec): MonthlyReturn {
  const base = makeMonthlyReturn();
  const shareClass: IssuedShareClass = makeIssuedShareClass({
    stockCode: spec.stockCode,
    issuedShares: movement(spec.preceding, spec.closing),
    treasuryShares: spec.treasury ? movement(spec.treasury.preceding, spec.treasury.closing) : null,
  });
  const classGroup = <T>(items: readonly T[]) => ({
    notApplicable: items.length === 0,
    classes: items.length === 0 ? [] : [{ ...makeShareClass({ stockCode: spec.stockCode }), items: [...items] }],
    totals: [],
    remarks: null,
  });
  const options = spec.optionSharesIssued ? [optionScheme(spec.optionSharesIssued)] : [];
  return {
    ...base,
    status: spec.status ?? 'new',
    issuerName: spec.issuerName,
    stockCodes: [spec.stockCode],
    monthEnded: lastDayOf(spec.month),
    issuedShares: { ...base.issuedShares, hasTreasuryColumns: spec.treasury !== undefined, classes: [shareClass] },
    detailsOfMovements: {
      ...base.detailsOfMovements,
      shareOptions: { ...classGroup(options), fundsRaised: null },
      otherMovements: classGroup(spec.otherMovements ?? []),
    },
  };
}

export function saveInputFor(spec: DigestReturnSpec): SaveInput {
  const sha256 = createHash('sha256').update(`${spec.stockCode}|${spec.month}|${spec.closing}`).digest('hex');
  return {
    monthlyReturn: makeDigestReturn(spec),
    flags: [...(spec.flags ?? [])],
    provenance: makeProvenance({ sha256 }),
  };
}

export function storedReturnFor(spec: DigestReturnSpec): StoredReturn {
  const input = saveInputFor(spec);
  return {
    id: input.provenance.sha256,
    stockCode: spec.stockCode,
    reportMonth: spec.month,
    monthlyReturn: input.monthlyReturn,
    flags: [...input.flags],
    provenance: input.provenance,
    supersededBy: null,
    supersedes: null,
  };
}

export const BALANCE_MISMATCH: Flag = {
  code: 'balance-mismatch',
  severity: 'error',
  section: 'II',
  subject: 'Ordinary shares',
  message: 'Ordinary shares: 500,000,000 + 0 = 500,000,000, but the form says 500,000,100',
  expected: '500000000',
  actual: '500000100',
};

/**
 * A watchlist of eight for November 2023, with October held for most: a consolidation (-90%), a placing (+5%), a
 * repurchase net of option exercises (-0.08%), a return that only carries a flag, two quiet ones, one that has not
 * filed (October held) and one with nothing held at all.
 */
export const NOVEMBER_WATCHLIST: readonly StockCode[] = [
  '00020',
  '00700',
  '00005',
  '01299',
  '09988',
  '00388',
  '02628',
  '00066',
];

export const NOVEMBER_RETURNS: readonly DigestReturnSpec[] = [
  {
    stockCode: '00020',
    issuerName: 'Example Holdings Limited',
    month: '2023-10',
    preceding: 1_000_000_000,
    closing: 1_000_000_000,
  },
  {
    stockCode: '00020',
    issuerName: 'Example Holdings Limited',
    month: '2023-11',
    preceding: 1_000_000_000,
    closing: 1_050_000_000,
    otherMovements: [makeOtherMovement({ changeInIssuedShares: 50_000_000, dateOfEvent: '2023-11-15' })],
  },
  {
    stockCode: '00700',
    issuerName: 'Tencent Holdings Limited',
    month: '2023-10',
    preceding: 9_500_000_000,
    closing: 9_500_000_000,
  },
  {
    stockCode: '00700',
    issuerName: 'Tencent Holdings Limited',
    month: '2023-11',
    preceding: 9_500_000_000,
    closing: 9_492_000_000,
    optionSharesIssued: 2_000_000,
    otherMovements: [
      makeOtherMovement({ event: 'Repurchase of shares', type: 'repurchase', changeInIssuedShares: -6_000_000 }),
      makeOtherMovement({ event: 'Repurchase of shares', type: 'repurchase', changeInIssuedShares: -4_000_000 }),
    ],
  },
  {
    stockCode: '00005',
    issuerName: 'HSBC Holdings plc',
    month: '2023-10',
    preceding: 19_000_000_000,
    closing: 19_000_000_000,
  },
  {
    stockCode: '00005',
    issuerName: 'HSBC Holdings plc',
    month: '2023-11',
    preceding: 19_000_000_000,
    closing: 19_000_000_000,
  },
  {
    stockCode: '01299',
    issuerName: 'AIA Group Limited',
    month: '2023-11',
    preceding: 11_500_000_000,
    closing: 11_500_000_000,
  },
  {
    stockCode: '09988',
    issuerName: 'Alibaba Group Holding Limited',
    month: '2023-10',
    preceding: 20_400_000_000,
    closing: 20_400_000_000,
  },
  {
    stockCode: '02628',
    issuerName: 'Consolidated Example Limited',
    month: '2023-10',
    preceding: 1_000_000_000,
    closing: 1_000_000_000,
  },
  {
    stockCode: '02628',
    issuerName: 'Consolidated Example Limited',
    month: '2023-11',
    preceding: 1_000_000_000,
    closing: 100_000_000,
    otherMovements: [
      makeOtherMovement({
        event: 'Share consolidation (10 into 1)',
        type: 'consolidation',
        changeInIssuedShares: -900_000_000,
        price: null,
      }),
    ],
  },
  {
    stockCode: '00066',
    issuerName: 'MTR Corporation Limited',
    month: '2023-10',
    preceding: 500_000_000,
    closing: 500_000_000,
  },
  {
    stockCode: '00066',
    issuerName: 'MTR Corporation Limited',
    month: '2023-11',
    preceding: 500_000_000,
    closing: 500_000_000,
    flags: [BALANCE_MISMATCH],
  },
];
