/**
 * Returns the size and shape of real ones, for measuring the store at market scale: FF301 v1.1.1 with treasury
 * columns, one to three classes, share option schemes with stacked movements, a share award scheme, repurchases in
 * III(E), remarks and flags. Figures move from month to month; everything is drawn from a seeded generator, so the
 * same code and month always give the same return.
 */
import type { Flag } from '../../src/domain/flag.js';
import type {
  IssuedShareClass,
  MonthlyReturn,
  OtherMovement,
  ReportMonth,
  ShareOptionScheme,
} from '../../src/domain/monthly-return.js';
import type { StockCode } from '../../src/domain/stock-code.js';
import type { SaveInput } from '../../src/store/index.js';
import {
  makeAuthorisedShareClass,
  makeIssuedShareClass,
  makeMonthlyReturn,
  makeProvenance,
} from '../helpers/factories.js';
import { sha256Of } from './store-fixtures.js';

/** mulberry32: small, fast and good enough to vary test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['Pacific', 'Dragon', 'Harbour', 'Jade', 'Orient', 'Golden', 'Summit', 'Lotus', 'Phoenix', 'Kowloon'];
const TRADES = ['Holdings', 'Technology', 'Properties', 'Pharmaceutical', 'Energy', 'Logistics', 'Consumer', 'Finance'];
const CLASS_NAMES = ['Ordinary shares', 'H shares', 'Preference shares'];

/** The issuer behind a code: its name and how many classes and schemes it has stay the same every month. */
export function issuerNameOf(stockCode: StockCode): string {
  const random = seededRandom(Number(stockCode) * 7919);
  const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)] as string;
  return `${pick(WORDS)} ${pick(WORDS)} ${pick(TRADES)} Group Limited`;
}

/** A month's return of a code; `submission` > 0 gives a resubmission of that month. */
export function makeMarketReturn(stockCode: StockCode, month: ReportMonth, submission = 0): SaveInput {
  const issuer = seededRandom(Number(stockCode) * 7919);
  const random = seededRandom(Number(stockCode) * 104729 + monthIndex(month) * 31 + submission);
  const classCount = 1 + Math.floor(issuer() * 3);
  const schemeCount = 2 + Math.floor(issuer() * 4);
  const base = 200_000_000 + Math.floor(issuer() * 5_000_000_000);
  const step = monthIndex(month);

  const classes: IssuedShareClass[] = CLASS_NAMES.slice(0, classCount).map((className, i) => {
    const preceding = Math.floor(base / (i + 1)) + step * 10_000;
    const movement = random() < 0.3 ? Math.floor(random() * 50_000) - 20_000 : 0;
    const treasury = random() < 0.2 ? Math.floor(random() * 3_000_000) : 0;
    return makeIssuedShareClass({
      className,
      typeOfShares: i === 1 ? 'H' : 'Not applicable',
      stockCode: i === 0 ? stockCode : i === 1 ? String(Number(stockCode) + 80000).padStart(5, '0') : null,
      listedOnExchange: i < 2,
      description: `${className} of the Company`,
      issuedShares: { preceding, movement, closing: preceding + movement },
      treasuryShares: { preceding: treasury, movement: 0, closing: treasury },
      totalIssuedShares: { preceding: preceding + treasury, movement: null, closing: preceding + movement + treasury },
    });
  });

  const schemes: ShareOptionScheme[] = Array.from({ length: schemeCount }, (_, i) => {
    const outstanding = 1_000_000 + Math.floor(random() * 40_000_000);
    const lapsed = -Math.floor(random() * 100_000);
    return {
      particulars: `${2010 + i * 3} Share Option Scheme adopted by the shareholders on ${2010 + i * 3}-06-2${i}`,
      outstandingPreceding: outstanding,
      movements: [
        { type: 'granted', label: 'Granted', number: 0, amount: null },
        { type: 'exercised', label: 'Exercised', number: 0, amount: null },
        { type: 'lapsed', label: 'Lapsed', number: lapsed, amount: null },
      ],
      outstandingClosing: outstanding + lapsed,
      newSharesIssued: 0,
      treasurySharesTransferred: 0,
      sharesIssuableAtClose: outstanding + lapsed,
      generalMeetingApprovalDate: `${2010 + i * 3}-06-2${i}`,
      sharesIssuableUnderOptionsToBeGranted: Math.floor(base / 10),
    };
  });

  const repurchases: OtherMovement[] = Array.from({ length: Math.floor(random() * 4) }, (_, i) => ({
    event: 'Repurchase of shares (shares held as treasury shares)',
    type: 'repurchase',
    price: { currency: 'HKD', amount: (1 + random() * 50).toFixed(2) },
    dateOfEvent: `${month}-${String(3 + i * 5).padStart(2, '0')}`,
    generalMeetingApprovalDate: '2023-06-01',
    changeInIssuedShares: 0,
    changeInTreasuryShares: Math.floor(random() * 500_000),
    pendingCancellation: null,
    sharesIssuableAtClose: null,
  }));

  const notApplicable = { notApplicable: true, classes: [], totals: [], remarks: null };
  const groupOf = <T>(items: T[]) => [{ ...(classes[0] as IssuedShareClass), items }];
  const monthlyReturn: MonthlyReturn = makeMonthlyReturn({
    form: { kind: 'FF301', version: '1.1.1', language: 'en', title: makeMonthlyReturn().form.title, pages: 9 },
    status: submission > 0 ? 'resubmission' : 'new',
    issuerName: issuerNameOf(stockCode),
    stockCodes: classes.flatMap((c) => (c.stockCode ? [c.stockCode] : [])),
    monthEnded: lastDayOf(month),
    dateSubmitted: dateSubmittedOf(month, submission),
    authorisedShareCapital: {
      notApplicable: false,
      classes: classes.map((c) => makeAuthorisedShareClass({ className: c.className, stockCode: c.stockCode })),
      totalAuthorisedCapital: [{ currency: 'HKD', amount: String(classCount * 100_000_000) }],
    },
    issuedShares: {
      title: 'II. Movements in Issued Shares and/or Treasury Shares',
      hasTreasuryColumns: true,
      classes,
      remarks: random() < 0.3 ? 'The treasury shares are held through the Company’s CCASS account.' : null,
    },
    detailsOfMovements: {
      shareOptions:
        schemes.length === 0
          ? { ...notApplicable, fundsRaised: null }
          : {
              notApplicable: false,
              classes: groupOf(schemes),
              totals: [{ className: 'Ordinary shares', increaseInIssuedShares: 0, decreaseInTreasuryShares: 0 }],
              remarks: 'Options lapsed upon the resignation of employees.',
              fundsRaised: { currency: 'HKD', amount: '0' },
            },
      warrants: notApplicable,
      convertibles: notApplicable,
      otherArrangements: {
        notApplicable: false,
        classes: groupOf([
          {
            description: 'Share Award Scheme adopted on 2021-03-18',
            movements: [{ type: 'vested', label: 'Vested', number: 12_000, amount: null }],
            newSharesIssued: 0,
            treasurySharesTransferred: 12_000,
            sharesIssuableAtClose: 5_000_000,
            generalMeetingApprovalDate: null,
          },
        ]),
        totals: [],
        remarks: null,
      },
      otherMovements:
        repurchases.length === 0
          ? notApplicable
          : { ...notApplicable, notApplicable: false, classes: groupOf(repurchases) },
      totals: classes.map((c) => ({ className: c.className, changeInIssuedShares: 0, changeInTreasuryShares: 0 })),
    },
    remarks:
      'The Company confirms that the issue of shares during the month was duly authorised by the board and that all ' +
      'pre-conditions for listing under the Listing Rules were fulfilled. Figures of the share option schemes are ' +
      'stated as at the close of the month; options that lapsed did so on the expiry of their exercise periods.',
  });

  return {
    monthlyReturn,
    flags: random() < 0.2 ? [uncertainFigure(classes[0]?.className ?? 'Ordinary shares')] : [],
    provenance: makeProvenance({
      sha256: sha256Of(`${stockCode}/${month}/${submission}`),
      source: { kind: 'path', path: `/filings/${stockCode}/${month}-${submission}.pdf` },
      readAt: `${dateSubmittedOf(month, submission)}T0${submission}:30:00.000Z`,
    }),
  };
}

function uncertainFigure(subject: string): Flag {
  return {
    code: 'uncertain-figure',
    severity: 'warning',
    section: 'II',
    subject,
    message: `${subject}: the treasury column could not be placed with confidence.`,
    expected: null,
    actual: null,
  };
}

function monthIndex(month: ReportMonth): number {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return year * 12 + m - 1;
}

function lastDayOf(month: ReportMonth): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

/** New submissions by the fifth business day of the next month; resubmissions a week or more later. */
function dateSubmittedOf(month: ReportMonth, submission: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 5 + submission * 7)).toISOString().slice(0, 10);
}

/** The months from `first`, `count` of them, oldest first. */
export function monthsFrom(first: ReportMonth, count: number): ReportMonth[] {
  const start = monthIndex(first);
  return Array.from({ length: count }, (_, i) => {
    const index = start + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}
