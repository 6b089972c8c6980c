/**
 * Builders for test data: a valid value by default, with overrides for what a test is about.
 */
import type {
  AuthorisedShareClass,
  IssuedShareClass,
  MonthlyReturn,
  ShareClass,
} from '../../src/domain/monthly-return.js';
import type { SlackShare } from '../../src/domain/slack-upload.js';
import type { Provenance } from '../../src/domain/stored-return.js';

export function makeShareClass(overrides: Partial<ShareClass> = {}): ShareClass {
  return {
    className: 'Ordinary shares',
    typeOfShares: 'Not applicable',
    listedOnExchange: true,
    stockCode: '00020',
    description: 'Ordinary shares',
    multiCounters: [],
    ...overrides,
  };
}

export function makeAuthorisedShareClass(overrides: Partial<AuthorisedShareClass> = {}): AuthorisedShareClass {
  return {
    ...makeShareClass(),
    authorisedShares: { preceding: 10_000_000_000, movement: null, closing: 10_000_000_000 },
    parValue: '0.01',
    parValueCurrency: 'HKD',
    authorisedCapital: { preceding: '100000000', movement: null, closing: '100000000' },
    authorisedCapitalCurrency: 'HKD',
    ...overrides,
  };
}

export function makeIssuedShareClass(overrides: Partial<IssuedShareClass> = {}): IssuedShareClass {
  return {
    ...makeShareClass(),
    issuedShares: { preceding: 1_000_000_000, movement: null, closing: 1_000_000_000 },
    treasuryShares: null,
    totalIssuedShares: null,
    publicFloat: null,
    ...overrides,
  };
}

const notApplicable = { notApplicable: true, classes: [], totals: [], remarks: null };

/** A quiet month of a one-class issuer on FF301 v1.0.2, in English. */
export function makeMonthlyReturn(overrides: Partial<MonthlyReturn> = {}): MonthlyReturn {
  return {
    form: {
      kind: 'FF301',
      version: '1.0.2',
      language: 'en',
      title:
        'Monthly Return for Equity Issuer and Hong Kong Depositary Receipts listed under Chapter 19B of the Exchange Listing Rules on Movements in Securities',
      pages: 8,
    },
    status: 'new',
    issuerName: 'Example Holdings Limited',
    stockCodes: ['00020'],
    monthEnded: '2023-11-30',
    dateSubmitted: '2023-12-06',
    submittedBy: 'Chan Tai Man',
    submittedByTitle: 'Company Secretary',
    authorisedShareCapital: {
      notApplicable: false,
      classes: [makeAuthorisedShareClass()],
      totalAuthorisedCapital: [{ currency: 'HKD', amount: '100000000' }],
    },
    issuedShares: {
      title: 'II. Movements in Issued Shares',
      hasTreasuryColumns: false,
      classes: [makeIssuedShareClass()],
      remarks: null,
    },
    detailsOfMovements: {
      shareOptions: { ...notApplicable, fundsRaised: null },
      warrants: notApplicable,
      convertibles: notApplicable,
      otherArrangements: notApplicable,
      otherMovements: notApplicable,
      totals: [],
    },
    hdr: { notApplicable: true, classes: [], remarks: null },
    remarks: null,
    ...overrides,
  };
}

export function makeProvenance(overrides: Partial<Provenance> = {}): Provenance {
  return {
    source: { kind: 'path', path: '/tmp/example.pdf' },
    sha256: 'a'.repeat(64),
    readAt: '2023-12-06T02:00:00.000Z',
    parserVersion: '0.1.0',
    ...overrides,
  };
}

/** One share of a Slack file, in C1, posted at the top of the channel (its own thread). */
export function makeSlackShare(overrides: Partial<SlackShare> = {}): SlackShare {
  const fileId = overrides.fileId ?? 'F0123ABCDEF';
  return {
    fileId,
    fileName: `${fileId}.pdf`,
    channelId: 'C1',
    shareTs: '1700000000.000100',
    threadTs: '1700000000.000100',
    userId: 'U1',
    ...overrides,
  };
}
