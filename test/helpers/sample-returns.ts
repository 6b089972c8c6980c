/**
 * Returns shaped like SenseTime's (00020): two WVR classes (Class B listed as 00020 with an RMB counter 80020, Class A
 * unlisted), USD par 0.000000025, and the option scheme whose shares were sold (-12,189,548, leaving 3,525,018,981).
 * The November 2023 figures are those of the real return; other months are built from them by the test that needs
 * them.
 */
import type { MonthlyReturn, ShareOptionScheme } from '../../src/domain/monthly-return.js';
import type { Provenance } from '../../src/domain/stored-return.js';
import type { IngestInput } from '../../src/services/ingest-filing.js';
import { sha256Of } from '../../src/services/ingest-filing.js';
import type { FilingStore, SaveResult } from '../../src/store/filing-store.js';
import { makeAuthorisedShareClass, makeIssuedShareClass, makeMonthlyReturn, makeProvenance } from './factories.js';

export const SENSETIME_NAME =
  'SenseTime Group Inc. (a company controlled through weighted voting rights and incorporated in the Cayman Islands with limited liability)';

const classB = {
  className: 'WVR ordinary shares',
  typeOfShares: 'Other type (specify in description)',
  listedOnExchange: true,
  stockCode: '00020',
  description: 'Class B ordinary shares',
  multiCounters: [{ stockCode: '80020', currency: 'RMB', description: 'Class B ordinary shares' }],
};
const classA = {
  className: 'WVR ordinary shares',
  typeOfShares: 'Other type (specify in description)',
  listedOnExchange: false,
  stockCode: null,
  description: 'Class A ordinary shares',
  multiCounters: [],
};

export function makeSenseTimeScheme(overrides: Partial<ShareOptionScheme> = {}): ShareOptionScheme {
  return {
    particulars:
      'Class B Shares held by SenseTalent Management Limited for the Pre-IPO ESOP and Pre-IPO RSU Plan (each adopted on 01/11/2016 as amended from time to time)',
    outstandingPreceding: 3_537_208_529,
    movements: [{ type: 'other', label: 'Other Sold', number: -12_189_548, amount: null }],
    outstandingClosing: 3_525_018_981,
    newSharesIssued: 0,
    treasurySharesTransferred: null,
    sharesIssuableAtClose: 0,
    generalMeetingApprovalDate: null,
    sharesIssuableUnderOptionsToBeGranted: 0,
    ...overrides,
  };
}

/** SenseTime's return for November 2023; `classBClosing` changes Class B's issued shares (preceding follows it). */
export function makeSenseTimeReturn(
  options: {
    month?: string;
    classBPreceding?: number;
    classBClosing?: number;
    overrides?: Partial<MonthlyReturn>;
  } = {},
): MonthlyReturn {
  const month = options.month ?? '2023-11';
  const closing = options.classBClosing ?? 25_948_809_928;
  const preceding = options.classBPreceding ?? closing;
  const [year, number] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, number, 0)).getUTCDate();
  const base = makeMonthlyReturn();
  return makeMonthlyReturn({
    issuerName: SENSETIME_NAME,
    stockCodes: ['00020'],
    monthEnded: `${month}-${String(lastDay).padStart(2, '0')}`,
    dateSubmitted: `${number === 12 ? year + 1 : year}-${String((number % 12) + 1).padStart(2, '0')}-06`,
    submittedBy: 'Xu Li',
    submittedByTitle: 'Director',
    authorisedShareCapital: {
      notApplicable: false,
      classes: [
        makeAuthorisedShareClass({
          ...classB,
          authorisedShares: { preceding: 1_992_000_000_000, movement: null, closing: 1_992_000_000_000 },
          parValue: '0.000000025',
          parValueCurrency: 'USD',
          authorisedCapital: { preceding: '49800', movement: null, closing: '49800' },
          authorisedCapitalCurrency: 'USD',
        }),
        makeAuthorisedShareClass({
          ...classA,
          authorisedShares: { preceding: 8_000_000_000, movement: null, closing: 8_000_000_000 },
          parValue: '0.000000025',
          parValueCurrency: 'USD',
          authorisedCapital: { preceding: '200', movement: null, closing: '200' },
          authorisedCapitalCurrency: 'USD',
        }),
      ],
      totalAuthorisedCapital: [{ currency: 'USD', amount: '50000' }],
    },
    issuedShares: {
      title: 'II. Movements in Issued Shares',
      hasTreasuryColumns: false,
      classes: [
        makeIssuedShareClass({
          ...classB,
          issuedShares: { preceding, movement: closing === preceding ? null : closing - preceding, closing },
        }),
        makeIssuedShareClass({
          ...classA,
          issuedShares: { preceding: 7_520_115_072, movement: null, closing: 7_520_115_072 },
        }),
      ],
      remarks: null,
    },
    detailsOfMovements: {
      ...base.detailsOfMovements,
      shareOptions: {
        notApplicable: false,
        classes: [{ ...classB, items: [makeSenseTimeScheme()] }],
        totals: [],
        remarks: null,
        fundsRaised: null,
      },
    },
    ...options.overrides,
  });
}

/** Stores a return as if read from a file of that name: the sha256 is that of the name, so each name is one filing. */
export async function saveSample(
  store: FilingStore,
  monthlyReturn: MonthlyReturn,
  provenance: Partial<Provenance> = {},
): Promise<SaveResult> {
  const name = `${monthlyReturn.stockCodes[0]}_${monthlyReturn.monthEnded}_${monthlyReturn.dateSubmitted}`;
  return store.save({
    monthlyReturn,
    flags: [],
    provenance: makeProvenance({ sha256: sha256Of(new TextEncoder().encode(name)), ...provenance }),
  });
}

/** SenseTime's October and November 2023, continuous (November's preceding Class B is October's closing). */
export async function saveSenseTimeOctoberAndNovember(store: FilingStore): Promise<void> {
  await saveSample(store, makeSenseTimeReturn({ month: '2023-10', classBClosing: 25_948_000_000 }));
  await saveSample(store, makeSenseTimeReturn({ classBPreceding: 25_948_000_000 }));
}

/** Bytes that pass as a PDF on the way in; what they "contain" is looked up by `createTableIngest`. */
export function samplePdfBytes(label: string): Uint8Array {
  return new TextEncoder().encode(`%PDF-1.7\n% ${label}\n%%EOF\n`);
}

/**
 * An ingest that reads nothing: it stores the return listed for the file name. For testing the Slack side of an
 * upload (claims, threads, retries, concurrency) apart from the parser, which has tests of its own.
 */
export function createTableIngest(store: FilingStore, returns: Record<string, MonthlyReturn>) {
  return async (input: IngestInput): Promise<SaveResult> => {
    const monthlyReturn = returns[input.fileName];
    if (!monthlyReturn) throw new Error(`no sample return for ${input.fileName}`);
    return store.save({
      monthlyReturn,
      flags: [],
      provenance: makeProvenance({ source: input.source, sha256: sha256Of(input.bytes) }),
      ...(input.audience ? { audience: input.audience } : {}),
    });
  };
}
