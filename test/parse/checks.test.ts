import { describe, expect, it } from 'vitest';
import type {
  DetailsOfMovements,
  MonthlyReturn,
  OtherMovement,
  ShareOptionScheme,
} from '../../src/domain/monthly-return.js';
import { checkMonthlyReturn, flagUncertainFigure } from '../../src/parse/checks.js';
import {
  makeAuthorisedShareClass,
  makeIssuedShareClass,
  makeMonthlyReturn,
  makeShareClass,
} from '../helpers/factories.js';

const codesOf = (monthlyReturn: MonthlyReturn) => checkMonthlyReturn(monthlyReturn).map((flag) => flag.code);

function withIssued(overrides: Parameters<typeof makeIssuedShareClass>[0]): MonthlyReturn {
  const base = makeMonthlyReturn();
  return { ...base, issuedShares: { ...base.issuedShares, classes: [makeIssuedShareClass(overrides)] } };
}

function withDetails(details: Partial<DetailsOfMovements>, movement: number | null = null): MonthlyReturn {
  const base = makeMonthlyReturn();
  return {
    ...withIssued({ issuedShares: { preceding: 1_000_000_000, movement, closing: 1_000_000_000 + (movement ?? 0) } }),
    detailsOfMovements: { ...base.detailsOfMovements, ...details },
  };
}

const scheme = (overrides: Partial<ShareOptionScheme>): ShareOptionScheme => ({
  particulars: '2021 Share Option Scheme',
  outstandingPreceding: 25_043_352,
  movements: [{ type: 'lapsed', label: 'Lapsed', number: -144_400, amount: null }],
  outstandingClosing: 24_898_952,
  newSharesIssued: 0,
  treasurySharesTransferred: null,
  sharesIssuableAtClose: 0,
  generalMeetingApprovalDate: '2021-08-31',
  sharesIssuableUnderOptionsToBeGranted: 38_185_593,
  ...overrides,
});

const consolidation: OtherMovement = {
  event: 'Capital reorganisation',
  type: 'capital-reorganisation',
  price: { currency: 'HKD', amount: '0.1' },
  dateOfEvent: '2025-09-29',
  generalMeetingApprovalDate: '2025-09-23',
  changeInIssuedShares: -103_101_179,
  changeInTreasuryShares: null,
  pendingCancellation: null,
  sharesIssuableAtClose: null,
};

describe('checkMonthlyReturn', () => {
  it('finds nothing wrong with a return whose figures add up', () => {
    expect(checkMonthlyReturn(makeMonthlyReturn())).toEqual([]);
  });

  it('flags issued shares whose preceding balance and movement do not make the closing balance', () => {
    const [flag] = checkMonthlyReturn(withIssued({ issuedShares: { preceding: 100, movement: 5, closing: 106 } }));
    expect(flag).toMatchObject({
      code: 'balance-mismatch',
      severity: 'error',
      section: 'II',
      subject: 'Ordinary shares',
      expected: '105',
      actual: '106',
      message: 'Ordinary shares, issued shares: 100 + 5 = 105, but the form says 106',
    });
  });

  it('reads a blank movement as no movement', () => {
    expect(
      codesOf(withIssued({ issuedShares: { preceding: 478_272_000, movement: null, closing: 478_272_000 } })),
    ).toEqual([]);
    expect(
      codesOf(withIssued({ issuedShares: { preceding: 478_272_000, movement: null, closing: 478_272_001 } })),
    ).toEqual(['balance-mismatch']);
  });

  it('flags a total that is not issued shares plus treasury shares', () => {
    const flags = checkMonthlyReturn(
      withIssued({
        issuedShares: { preceding: 11_455_686, movement: null, closing: 11_455_686 },
        treasuryShares: { preceding: 0, movement: 0, closing: 10 },
        totalIssuedShares: { preceding: 11_455_686, movement: null, closing: 11_455_686 },
      }),
    );
    expect(flags.map((flag) => [flag.code, flag.expected, flag.actual])).toEqual([
      ['balance-mismatch', '0', '10'],
      ['treasury-total-mismatch', '11455696', '11455686'],
    ]);
  });

  it('flags authorised capital that is not the shares times the par value, exactly', () => {
    const base = makeMonthlyReturn();
    const classB = makeAuthorisedShareClass({
      className: 'WVR ordinary shares',
      authorisedShares: { preceding: 1_992_000_000_000, movement: null, closing: 1_992_000_000_000 },
      parValue: '0.00000025',
      parValueCurrency: 'USD',
      authorisedCapital: { preceding: '49800', movement: null, closing: '49800' },
      authorisedCapitalCurrency: 'USD',
    });
    const flags = checkMonthlyReturn({
      ...base,
      authorisedShareCapital: {
        notApplicable: false,
        classes: [classB],
        totalAuthorisedCapital: [{ currency: 'USD', amount: '49800' }],
      },
    });
    expect(flags.map((flag) => [flag.code, flag.expected, flag.actual])).toEqual([
      ['authorised-capital-mismatch', '498000', '49800'],
      ['authorised-capital-mismatch', '498000', '49800'],
    ]);
    expect(flags[1]?.message).toBe(
      'WVR ordinary shares: 1,992,000,000,000 shares x par value 0.00000025 = 498,000, but the form says 49,800 (close of the month)',
    );
  });

  it('flags classes whose capital does not add up to the printed total in that currency', () => {
    const base = makeMonthlyReturn();
    const flags = checkMonthlyReturn({
      ...base,
      authorisedShareCapital: {
        ...base.authorisedShareCapital,
        totalAuthorisedCapital: [{ currency: 'HKD', amount: '100000001' }],
      },
    });
    expect(flags.map((flag) => [flag.code, flag.expected, flag.actual])).toEqual([
      ['authorised-capital-mismatch', '100000000', '100000001'],
    ]);
  });

  it('flags part III totals that do not match the movement in part II', () => {
    const exercised = scheme({
      outstandingPreceding: 118_684_000,
      movements: [{ type: 'exercised', label: 'Exercised', number: -1_230_000, amount: null }],
      outstandingClosing: 117_454_000,
      newSharesIssued: 1_230_000,
    });
    const details: Partial<DetailsOfMovements> = {
      shareOptions: {
        notApplicable: false,
        classes: [{ ...makeShareClass(), items: [exercised] }],
        totals: [{ className: 'Ordinary shares', increaseInIssuedShares: 1_230_000, decreaseInTreasuryShares: null }],
        remarks: null,
        fundsRaised: { currency: 'HKD', amount: '1845000' },
      },
      totals: [{ className: 'Ordinary shares', changeInIssuedShares: 1_230_000, changeInTreasuryShares: null }],
    };
    expect(codesOf(withDetails(details, 1_230_000))).toEqual([]);
    const flags = checkMonthlyReturn(withDetails(details, 1_000_000));
    expect(flags.map((flag) => [flag.code, flag.section, flag.expected, flag.actual])).toEqual([
      ['part-iii-mismatch', 'III', '1000000', '1230000'],
    ]);
  });

  it('flags a movement in part II when part III reports nothing at all', () => {
    expect(codesOf(withDetails({}, 5_000))).toEqual(['part-iii-mismatch']);
  });

  it('flags a subtotal that is not the sum of its rows', () => {
    const details: Partial<DetailsOfMovements> = {
      otherMovements: {
        notApplicable: false,
        classes: [{ ...makeShareClass(), items: [consolidation] }],
        totals: [{ className: 'Ordinary shares', increaseInIssuedShares: 0, decreaseInTreasuryShares: null }],
        remarks: null,
      },
      totals: [{ className: 'Ordinary shares', changeInIssuedShares: 0, changeInTreasuryShares: null }],
    };
    const flags = checkMonthlyReturn(withDetails(details, 0));
    expect(flags.map((flag) => [flag.code, flag.section, flag.expected, flag.actual])).toEqual([
      ['subtotal-mismatch', 'III(E)', '-103101179', '0'],
    ]);
  });

  it('says what the form prints where a subtotal is no figure: 0 printed, N/A or 不適用 printed, or a blank', () => {
    const subtotal = (total: Partial<DetailsOfMovements['otherMovements']['totals'][number]>) => {
      const details: Partial<DetailsOfMovements> = {
        otherMovements: {
          notApplicable: false,
          classes: [{ ...makeShareClass(), items: [consolidation] }],
          totals: [
            { className: 'Ordinary shares', increaseInIssuedShares: null, decreaseInTreasuryShares: null, ...total },
          ],
          remarks: null,
        },
        totals: [{ className: 'Ordinary shares', changeInIssuedShares: -103101179, changeInTreasuryShares: null }],
      };
      return checkMonthlyReturn(withDetails(details, -103101179))
        .filter((flag) => flag.section === 'III(E)')
        .map((flag) => [flag.actual, flag.message]);
    };
    const what = 'Ordinary shares, increase in issued shares: the figures add up to -103,101,179, but the form';
    expect(subtotal({ increaseInIssuedShares: 0 })).toEqual([['0', `${what} says 0`]]);
    expect(subtotal({ printedInstead: { increaseInIssuedShares: 'N/A' } })).toEqual([[null, `${what} prints N/A`]]);
    expect(subtotal({ printedInstead: { increaseInIssuedShares: '不適用' } })).toEqual([
      [null, `${what} prints 不適用`],
    ]);
    expect(subtotal({})).toEqual([[null, `${what} leaves it blank`]]);
  });

  it('says a grand total printed N/A is N/A, not 0, when part II moved', () => {
    const details: Partial<DetailsOfMovements> = {
      totals: [
        {
          className: 'Ordinary shares',
          changeInIssuedShares: null,
          changeInTreasuryShares: null,
          printedInstead: { changeInIssuedShares: 'N/A' },
        },
      ],
    };
    expect(checkMonthlyReturn(withDetails(details, 5_000)).map((flag) => [flag.code, flag.message])).toEqual([
      [
        'part-iii-mismatch',
        "Ordinary shares: part III's total of issued shares is printed N/A, but part II shows a movement of +5,000",
      ],
    ]);
  });

  it('flags an option scheme whose movements do not lead from the opening to the closing number', () => {
    const options = (item: ShareOptionScheme): Partial<DetailsOfMovements> => ({
      shareOptions: {
        notApplicable: false,
        classes: [{ ...makeShareClass(), items: [item] }],
        totals: [],
        remarks: null,
        fundsRaised: null,
      },
    });
    expect(codesOf(withDetails(options(scheme({}))))).toEqual([]);
    const [flag] = checkMonthlyReturn(withDetails(options(scheme({ outstandingClosing: 24_898_000 }))));
    expect(flag).toMatchObject({
      code: 'balance-mismatch',
      section: 'III(A)',
      expected: '24898952',
      actual: '24898000',
    });
  });

  it('accepts decreases printed without a minus under a label that says which way they go', () => {
    const exercised = scheme({
      outstandingPreceding: 117_454_000 + 1_230_000,
      movements: [{ type: 'exercised', label: 'Exercised', number: 1_230_000, amount: null }],
      outstandingClosing: 117_454_000,
    });
    const details: Partial<DetailsOfMovements> = {
      shareOptions: {
        notApplicable: false,
        classes: [{ ...makeShareClass(), items: [exercised] }],
        totals: [],
        remarks: null,
        fundsRaised: null,
      },
    };
    expect(codesOf(withDetails(details))).toEqual([]);
  });
});

describe('flagUncertainFigure', () => {
  it('makes a warning that names the part and what could not be placed', () => {
    expect(flagUncertainFigure('III(A)', 'Ordinary shares', '"1,000" lies outside every column of row 1')).toEqual({
      code: 'uncertain-figure',
      severity: 'warning',
      section: 'III(A)',
      subject: 'Ordinary shares',
      message: '"1,000" lies outside every column of row 1',
      expected: null,
      actual: null,
    });
  });
});

function withStockCodes(partI: (string | null)[], partII: (string | null)[]): MonthlyReturn {
  const base = makeMonthlyReturn();
  return {
    ...base,
    authorisedShareCapital: {
      ...base.authorisedShareCapital,
      classes: partI.map((stockCode) => makeAuthorisedShareClass({ stockCode })),
    },
    issuedShares: { ...base.issuedShares, classes: partII.map((stockCode) => makeIssuedShareClass({ stockCode })) },
  };
}

const stockCodeFlags = (monthlyReturn: MonthlyReturn) =>
  checkMonthlyReturn(monthlyReturn).filter((flag) => flag.code === 'stock-code-mismatch');

describe('stock codes of parts I and II', () => {
  it('flags a class whose part II code differs from its part I code', () => {
    expect(stockCodeFlags(withStockCodes(['01723'], ['01724']))).toEqual([
      expect.objectContaining({ section: 'II', expected: '01723', actual: '01724' }),
    ]);
  });

  it('flags a code that only one part prints when the parts list different classes', () => {
    expect(stockCodeFlags(withStockCodes(['01723'], ['01723', '80723']))).toEqual([
      expect.objectContaining({
        section: 'II',
        actual: '80723',
        message: 'Stock code 80723 is printed in part II but not in part I',
      }),
    ]);
  });

  it('accepts an unlisted class (no code) beside a listed one', () => {
    expect(stockCodeFlags(withStockCodes(['01866', null], ['01866', null]))).toEqual([]);
  });

  it("compares an A share's Shanghai code by its exchange and code, never as an HKEX code", () => {
    const withACodes = (partI: string, partII: string): MonthlyReturn => {
      const base = withStockCodes(['01338', null], ['01338', null]);
      const a = (stockCode: string) => ({ exchange: 'SSE' as const, stockCode });
      const [hI, aI] = base.authorisedShareCapital.classes;
      const [hII, aII] = base.issuedShares.classes;
      if (!hI || !aI || !hII || !aII) throw new Error('two classes expected');
      return {
        ...base,
        authorisedShareCapital: {
          ...base.authorisedShareCapital,
          classes: [hI, { ...aI, otherExchangeCode: a(partI) }],
        },
        issuedShares: { ...base.issuedShares, classes: [hII, { ...aII, otherExchangeCode: a(partII) }] },
      };
    };
    expect(stockCodeFlags(withACodes('601338', '601338'))).toEqual([]);
    expect(stockCodeFlags(withACodes('601338', '601339'))).toEqual([
      expect.objectContaining({ section: 'II', expected: 'SSE 601338', actual: 'SSE 601339' }),
    ]);
  });
});

describe('HDRs against their underlying shares', () => {
  const withHdr = (underlyingClosing: number, ratio: { hdrs: string; shares: string }): MonthlyReturn => ({
    ...makeMonthlyReturn(),
    hdr: {
      notApplicable: false,
      classes: [
        {
          description: 'HDRs',
          stockCode: '06288',
          hdrs: { preceding: 30_000_000, movement: 1_200_000, closing: 31_200_000 },
          underlyingShares: { preceding: 60_000_000, movement: 2_400_000, closing: underlyingClosing },
          hdrRatio: ratio,
        },
      ],
      remarks: null,
    },
  });
  const ratioFlags = (monthlyReturn: MonthlyReturn) =>
    checkMonthlyReturn(monthlyReturn).filter((flag) => flag.code === 'hdr-ratio-mismatch');

  it('accepts 31,200,000 HDRs at 1 HDR : 2 shares standing for 62,400,000 shares, row by row', () => {
    expect(ratioFlags(withHdr(62_400_000, { hdrs: '1', shares: '2' }))).toEqual([]);
  });

  it('flags underlying shares the ratio does not give, saying what it gives', () => {
    expect(ratioFlags(withHdr(62_000_000, { hdrs: '1', shares: '2' }))).toEqual([
      expect.objectContaining({
        section: 'IV',
        expected: '62400000',
        actual: '62000000',
        message:
          'HDRs (closing): 31,200,000 HDRs at the HDR ratio 1 HDR : 2 shares stand for 62,400,000 underlying shares, but the form says 62,000,000',
      }),
    ]);
  });

  it('checks a ratio of several HDRs to a share without dividing', () => {
    const flags = ratioFlags(withHdr(62_400_000, { hdrs: '2', shares: '1' }));
    expect(flags.map((flag) => flag.expected)).toEqual([null, null, null]);
    expect(flags[0]?.message).toBe(
      'HDRs (preceding): 30,000,000 HDRs and 60,000,000 underlying shares disagree at the HDR ratio 2 HDRs : 1 share',
    );
  });
});
