/**
 * Layouts the corpus does not have, on returns of our own making (see synthetic-returns.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors.js';
import type { ExtractedDocument, ExtractedPage, TextItem } from '../../../src/domain/extracted-document.js';
import { parseMonthlyReturn } from '../../../src/parse/index.js';
import { FILINGS_DIR } from '../../helpers/corpus.js';
import { at, documentOf, ff301Furniture, rightAt } from '../document-builder.js';
import { SEED_OTHER_TYPE, treasuryReturn, twoClassReturn } from './synthetic-returns.js';

/** SenseTime's November 2023 return as an extractor gave it, beside the corpus (../shared/seed). */
const SEED = path.join(FILINGS_DIR, '..', 'seed', '00020_2023-11.extracted.txt');
if (!existsSync(SEED)) console.warn(`Skipping the seed text check: ${SEED} not found`);

describe('a v1.0.2 return with two classes and a multi-counter code', () => {
  const { monthlyReturn, flags } = parseMonthlyReturn(twoClassReturn(), 'two-classes.pdf');

  it('reads both classes of part I with their tiny par value, and the total', () => {
    const classes = monthlyReturn.authorisedShareCapital.classes;
    expect(
      classes.map((c) => [
        c.description,
        c.stockCode,
        c.listedOnExchange,
        c.authorisedShares.closing,
        c.parValue,
        c.authorisedCapital.closing,
      ]),
    ).toEqual([
      ['Class B ordinary shares', '00020', true, 1_992_000_000_000, '0.000000025', '49800'],
      ['Class A ordinary shares', null, false, 8_000_000_000, '0.000000025', '200'],
    ]);
    expect(monthlyReturn.authorisedShareCapital.totalAuthorisedCapital).toEqual([{ currency: 'USD', amount: '50000' }]);
  });

  it('reads the multi-counter code "80020 RMB" under the class it belongs to', () => {
    const [classB, classA] = monthlyReturn.issuedShares.classes;
    expect(classB?.multiCounters).toEqual([
      { stockCode: '80020', currency: 'RMB', description: 'Class B ordinary shares' },
    ]);
    expect(classA?.multiCounters).toEqual([]);
    expect(monthlyReturn.stockCodes).toEqual(['00020']);
  });

  it('reads the issued shares of each class, the blank movements blank', () => {
    expect(monthlyReturn.issuedShares.classes.map((c) => c.issuedShares)).toEqual([
      { preceding: 25_948_809_928, movement: null, closing: 25_948_809_928 },
      { preceding: 7_520_115_072, movement: null, closing: 7_520_115_072 },
    ]);
  });

  it('reads the type of the shares issuable printed "Other type (Please specify) | Class B ordinary shares"', () => {
    const [group] = monthlyReturn.detailsOfMovements.shareOptions.classes;
    expect(group).toMatchObject({
      className: 'Ordinary shares',
      typeOfShares: 'Other type (Please specify)',
      description: 'Class B ordinary shares',
      stockCode: '00020',
    });
    // "Total A (Ordinary shares Class B ordinary shares)" names that class with its description.
    expect(monthlyReturn.detailsOfMovements.shareOptions.totals.map((total) => total.className)).toEqual([
      'Ordinary shares Class B ordinary shares',
    ]);
    expect(flags).toEqual([]);
  });

  it.skipIf(!existsSync(SEED))('reads that line as the seed text gives it, in one piece (seed line 54)', () => {
    const lines = readFileSync(SEED, 'utf8').split('\n');
    const printed = lines.find((line) => line.startsWith(SEED_OTHER_TYPE[0]))?.trim() ?? '';
    expect([lines.indexOf(lines.find((line) => line.trim() === printed) ?? ''), printed]).toEqual([
      53,
      'Other type (Please specify) Class B ordinary shares',
    ]);
    const doc = twoClassReturn();
    const asSeed = {
      pages: doc.pages.map((page) => {
        const label = page.items.find((item) => item.text === SEED_OTHER_TYPE[0]);
        return {
          ...page,
          items: page.items.flatMap((item) => {
            if (item === label) return [{ ...item, text: printed }];
            return item.text === SEED_OTHER_TYPE[1] && item.y === label?.y ? [] : [item];
          }),
        };
      }),
    };
    const [group] = parseMonthlyReturn(asSeed, 'seed.pdf').monthlyReturn.detailsOfMovements.shareOptions.classes;
    expect([group?.typeOfShares, group?.description]).toEqual([
      'Other type (Please specify)',
      'Class B ordinary shares',
    ]);
  });

  it('reads an "Other Sold" movement of -12,189,548 leaving 3,525,018,981 outstanding', () => {
    const [group] = monthlyReturn.detailsOfMovements.shareOptions.classes;
    expect(group?.multiCounters).toEqual([
      { stockCode: '80020', currency: 'RMB', description: 'Class B ordinary shares' },
    ]);
    expect(group?.items).toEqual([
      {
        particulars: 'Class B Shares held by SenseTalent Management Limited for the Pre-IPO ESOP and Pre-IPO RSU Plan',
        outstandingPreceding: 3_537_208_529,
        movements: [{ type: 'other', label: 'Other Sold', number: -12_189_548, amount: null }],
        outstandingClosing: 3_525_018_981,
        newSharesIssued: 0,
        treasurySharesTransferred: null,
        sharesIssuableAtClose: 0,
        generalMeetingApprovalDate: null,
        sharesIssuableUnderOptionsToBeGranted: 0,
      },
    ]);
  });

  it('keeps movements whose labels it does not know apart, and joins a label that wraps', () => {
    const doc = twoClassReturn();
    const page = doc.pages[2] as ExtractedPage;
    const other = page.items.find((item) => item.text === 'Other Sold') as TextItem;
    const figure = page.items.find((item) => item.text === '-12,189,548') as TextItem;
    const items = page.items.filter((item) => item !== other && item !== figure);
    items.push(
      at(other.x, other.y, 'Sold (to the', 9),
      at(other.x, other.y + 10.8, 'trustee)', 9),
      rightAt(394.6, figure.y, '-12,000,000', 7.5),
      at(other.x, other.y + 18.1, 'Transferred', 9),
      rightAt(394.6, figure.y + 18.1, '-189,548', 7.5),
    );
    const patched = { pages: doc.pages.map((p) => (p === page ? { ...page, items } : p)) };
    const scheme = parseMonthlyReturn(patched, 'patched.pdf').monthlyReturn.detailsOfMovements.shareOptions.classes[0]
      ?.items[0];
    expect(scheme?.movements).toEqual([
      { type: 'other', label: 'Sold (to the trustee)', number: -12_000_000, amount: null },
      { type: 'other', label: 'Transferred', number: -189_548, amount: null },
    ]);
  });

  it('reads the blank subtotal, funds raised and grand total as blanks, and keeps the remarks', () => {
    const details = monthlyReturn.detailsOfMovements;
    expect(details.shareOptions.totals).toEqual([
      {
        className: 'Ordinary shares Class B ordinary shares',
        increaseInIssuedShares: null,
        decreaseInTreasuryShares: null,
      },
    ]);
    expect(details.shareOptions.fundsRaised).toBeNull();
    expect(details.shareOptions.remarks).toMatch(/^Among the 3,525,018,981 Class B Shares/);
    expect(details.totals).toEqual([
      {
        className: 'Ordinary shares Class B ordinary shares',
        changeInIssuedShares: null,
        changeInTreasuryShares: null,
      },
    ]);
  });

  it('sees "Not applicable" printed on the line under a long heading', () => {
    expect(monthlyReturn.detailsOfMovements.otherArrangements.notApplicable).toBe(true);
  });

  it('finds every figure placed and adding up', () => {
    expect(flags).toEqual([]);
    expect([monthlyReturn.submittedBy, monthlyReturn.submittedByTitle]).toEqual(['Xu Li', 'Director']);
  });
});

describe('a v1.1.1 return with treasury shares and an option table over two pages', () => {
  const { monthlyReturn, flags } = parseMonthlyReturn(treasuryReturn(), 'treasury.pdf');
  const details = monthlyReturn.detailsOfMovements;

  it('reads both schemes, the second from under the headings repeated on the next page', () => {
    const schemes = details.shareOptions.classes[0]?.items ?? [];
    expect(
      schemes.map((s) => [s.particulars, s.outstandingPreceding, s.outstandingClosing, s.generalMeetingApprovalDate]),
    ).toEqual([
      ['2019 Share Option Scheme', 10_000_000, 10_200_000, '2019-05-20'],
      ['2024 Share Option Scheme (adopted on 18 June 2024)', 3_000_000, 4_000_000, '2024-06-18'],
    ]);
    expect(schemes[0]?.movements.map((m) => [m.type, m.number])).toEqual([
      ['granted', 500_000],
      ['exercised', -200_000],
      ['cancelled', 0],
      ['lapsed', -100_000],
    ]);
  });

  it('reads the A1 and A2 columns apart, a blank A2 as blank', () => {
    const schemes = details.shareOptions.classes[0]?.items ?? [];
    expect(
      schemes.map((s) => [
        s.newSharesIssued,
        s.treasurySharesTransferred,
        s.sharesIssuableAtClose,
        s.sharesIssuableUnderOptionsToBeGranted,
      ]),
    ).toEqual([
      [150_000, 50_000, 10_200_000, 5_000_000],
      [0, null, 4_000_000, 20_000_000],
    ]);
    expect(details.shareOptions.totals).toEqual([
      { className: 'Ordinary shares', increaseInIssuedShares: 150_000, decreaseInTreasuryShares: 50_000 },
    ]);
    expect(details.shareOptions.fundsRaised).toEqual({ currency: 'HKD', amount: '1050000' });
  });

  it('reads a repurchase into treasury in III(E), under a heading that spans the price columns', () => {
    expect(details.otherMovements.classes[0]?.items).toEqual([
      {
        event: 'Repurchase of shares (shares held as treasury shares)',
        type: 'repurchase',
        price: { currency: 'HKD', amount: '10.5' },
        dateOfEvent: '2025-03-15',
        generalMeetingApprovalDate: null,
        changeInIssuedShares: null,
        changeInTreasuryShares: 300_000,
        pendingCancellation: null,
        sharesIssuableAtClose: null,
      },
    ]);
    expect(details.totals).toEqual([
      { className: 'Ordinary shares', changeInIssuedShares: 150_000, changeInTreasuryShares: 250_000 },
    ]);
  });

  it('reads part II in three columns', () => {
    expect(monthlyReturn.issuedShares.classes[0]).toMatchObject({
      issuedShares: { preceding: 1_000_000_000, movement: 150_000, closing: 1_000_150_000 },
      treasuryShares: { preceding: 100_000, movement: 250_000, closing: 350_000 },
      totalIssuedShares: { preceding: 1_000_100_000, movement: null, closing: 1_000_500_000 },
    });
  });

  it('reads the HDRs of part IV', () => {
    expect(monthlyReturn.hdr).toEqual({
      notApplicable: false,
      classes: [
        {
          description: 'HDRs, one for each ordinary share',
          stockCode: '09998',
          hdrs: { preceding: 2_000_000, movement: -50_000, closing: 1_950_000 },
          underlyingShares: null,
        },
      ],
      remarks: null,
    });
  });

  it('finds every figure placed and adding up', () => {
    expect(flags).toEqual([]);
  });
});

describe('totals printed N/A on the e-form', () => {
  /** The document with "N/A" set where a total's figure would stand, on the line of `label`. */
  function withNotApplicable(doc: ExtractedDocument, label: string, right: number): ExtractedDocument {
    return {
      pages: doc.pages.map((page) => {
        const line = page.items.find((item) => item.text === label);
        return line ? { ...page, items: [...page.items, rightAt(right, line.y, 'N/A')] } : page;
      }),
    };
  }

  it('keeps "Total A (...): N/A" (v1.0.2) as N/A, not as a figure or part of the class name', () => {
    const doc = withNotApplicable(twoClassReturn(), 'Total A (Ordinary shares Class B ordinary shares):', 700);
    const { monthlyReturn, flags } = parseMonthlyReturn(doc, 'n-a.pdf');
    expect(monthlyReturn.detailsOfMovements.shareOptions.totals).toEqual([
      {
        className: 'Ordinary shares Class B ordinary shares',
        increaseInIssuedShares: null,
        decreaseInTreasuryShares: null,
        printedInstead: { increaseInIssuedShares: 'N/A' },
      },
    ]);
    expect(flags).toEqual([]);
  });

  it('keeps "... (excluding treasury shares): N/A Ordinary shares (EE1)" (v1.1.1) apart from its class', () => {
    const label = 'Increase / decrease (-) in issued shares (excluding treasury shares):';
    const { monthlyReturn, flags } = parseMonthlyReturn(withNotApplicable(treasuryReturn(), label, 580), 'n-a.pdf');
    expect(monthlyReturn.detailsOfMovements.otherMovements.totals).toEqual([
      {
        className: 'Ordinary shares',
        increaseInIssuedShares: null,
        decreaseInTreasuryShares: 300_000,
        printedInstead: { increaseInIssuedShares: 'N/A' },
      },
    ]);
    expect(flags).toEqual([]);
  });
});

describe('the public float confirmation of v1.2.0', () => {
  /** Part II of a v1.2.0 return with its confirmation; `mark` is what is printed left of the first statement. */
  function withMark(mark: TextItem | undefined) {
    const doc = documentOf([
      ...ff301Furniture(1, 1, '1.2.0'),
      at(22.1, 97.1, 'Monthly Return for Equity Issuer and Hong Kong Depositary Receipts listed under Chapter 19B', 11),
      at(22.1, 137.1, 'For the month ended:'),
      at(136.9, 137.1, '31 January 2026'),
      at(22.1, 188.7, 'Name of Issuer:'),
      at(136.9, 189.0, 'Moon Inc.'),
      at(
        23.5,
        230,
        'II. Movements in Issued Shares and/or Treasury Shares and Public Float Sufficiency Confirmation',
        10,
      ),
      at(22.1, 250, '1. Class of shares'),
      at(141.2, 250, 'Ordinary shares'),
      at(525.3, 250, 'Listed on the Exchange (Note 1)', 8),
      at(651.4, 250, 'Yes'),
      at(22.1, 268.5, 'Balance at close of preceding month'),
      rightAt(400.5, 268.5, '478,272,000'),
      at(22.1, 286.5, 'Balance at close of the month'),
      rightAt(400.5, 286.5, '478,272,000'),
      at(23.5, 310, 'Public float sufficiency confirmation (Note 4)'),
      at(57.7, 330, 'the applicable public float requirement (see below) has been complied with'),
      at(57.7, 344.2, 'the applicable public float requirement (see below) has not been complied with'),
      ...(mark ? [mark] : []),
    ]);
    return parseMonthlyReturn(doc, 'public-float.pdf');
  }

  it('takes a mark printed left of a statement as its tick, whatever glyph the font gave it', () => {
    const { monthlyReturn, flags } = withMark(at(28.4, 329.9, '4', 7));
    expect(monthlyReturn.issuedShares.classes[0]?.publicFloat?.requirementCompliedWith).toBe(true);
    expect(flags.filter((flag) => flag.code === 'uncertain-figure')).toEqual([]);
  });

  it('leaves the confirmation unknown, and says so, when no statement is ticked', () => {
    const { monthlyReturn, flags } = withMark(undefined);
    expect(monthlyReturn.issuedShares.classes[0]?.publicFloat?.requirementCompliedWith).toBeNull();
    expect(flags.filter((flag) => flag.code === 'uncertain-figure').map((flag) => flag.message)).toEqual([
      'neither public float statement is ticked, or the tick was not recognised',
    ]);
  });
});

describe('what the parser cannot place', () => {
  const title = at(
    22.1,
    97.1,
    'Monthly Return for Equity Issuer and Hong Kong Depositary Receipts listed under Chapter 19B',
    11,
  );

  it('flags a figure that lies outside every column instead of guessing its column', () => {
    const doc = documentOf([
      ...ff301Furniture(1, 1, '1.1.1'),
      title,
      at(22.1, 137.1, 'For the month ended:'),
      at(136.9, 137.1, '31 March 2025'),
      at(22.1, 188.7, 'Name of Issuer:'),
      at(136.9, 189.0, 'Example Holdings Limited'),
      at(23.5, 237.5, 'II. Movements in Issued Shares and/or Treasury Shares', 10),
      at(22.1, 263.3, '1. Class of shares'),
      at(141.2, 263.3, 'Ordinary shares'),
      at(253.4, 290, 'Number of issued shares'),
      at(447.9, 290, 'Number of treasury shares'),
      at(639.1, 290, 'Total number of issued shares'),
      at(22.1, 310, 'Balance at close of preceding month'),
      rightAt(230, 310, '999'),
      rightAt(400.5, 310, '1,000'),
      at(22.1, 328, 'Balance at close of the month'),
      rightAt(400.5, 328, '1,000'),
    ]);
    const { monthlyReturn, flags } = parseMonthlyReturn(doc, 'stray.pdf');
    expect(monthlyReturn.issuedShares.classes[0]?.issuedShares).toEqual({
      preceding: 1_000,
      movement: null,
      closing: 1_000,
    });
    expect(
      flags.filter((flag) => flag.code === 'uncertain-figure').map((flag) => [flag.section, flag.message]),
    ).toEqual([['II', '"999" lies outside every column of the preceding row']]);
  });

  it('flags a figure printed under a table but in none of its rows', () => {
    const doc = documentOf([
      ...ff301Furniture(1, 1, '1.0.2'),
      title,
      at(22.1, 137.1, 'For the month ended:'),
      at(136.9, 137.1, '31 March 2025'),
      at(22.1, 188.7, 'Name of Issuer:'),
      at(136.9, 189.0, 'Example Holdings Limited'),
      at(23.5, 237.5, 'II. Movements in Issued Shares', 10),
      at(22.1, 263.3, '1. Class of shares'),
      at(141.2, 263.3, 'Ordinary shares'),
      at(22.1, 290, 'Balance at close of preceding month'),
      rightAt(370.7, 290, '1,000'),
      at(22.1, 308, 'Balance at close of the month'),
      rightAt(370.7, 308, '1,000'),
      at(22.1, 326, 'Shares pending cancellation'),
      rightAt(370.7, 326, '250'),
    ]);
    const { flags } = parseMonthlyReturn(doc, 'loose.pdf');
    expect(
      flags.filter((flag) => flag.code === 'uncertain-figure').map((flag) => [flag.section, flag.message]),
    ).toEqual([['II', 'a line under the table was not read: "Shares pending cancellation 250"']]);
  });

  it('refuses a return without the month it reports on, naming the field', () => {
    const doc = documentOf([
      ...ff301Furniture(1, 1, '1.2.0'),
      title,
      at(22.1, 188.7, 'Name of Issuer:'),
      at(136.9, 189.0, 'Example'),
    ]);
    try {
      parseMonthlyReturn(doc, 'no-month.pdf');
      expect.unreachable('the return has no month');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('unreadable-filing');
      expect((error as AppError).facts.field).toBe('monthEnded');
      expect((error as AppError).message).toMatch(
        /^no-month\.pdf could not be read as a monthly return: monthEnded is missing/,
      );
    }
  });
});
