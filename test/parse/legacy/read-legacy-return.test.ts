/**
 * The pre-2021 reader on returns drawn like the Word template (test/helpers/legacy-form-pdf.ts), with the variations
 * filers made: other date styles, "--" and "Nil", several share classes, every part III table in use.
 */
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/domain/errors.js';
import type { ExtractedDocument } from '../../../src/domain/extracted-document.js';
import type { ShareClass } from '../../../src/domain/monthly-return.js';
import { readLegacyFiling } from '../../../src/parse/legacy/index.js';
import { extractText } from '../../../src/pdf/extract-text.js';
import { drawLegacyReturn, type LegacyFormSpec } from '../../helpers/legacy-form-pdf.js';

async function read(spec: Partial<LegacyFormSpec> = {}) {
  const doc = await extractText(await drawLegacyReturn(spec), undefined, 'drawn.pdf');
  return readLegacyFiling(doc, 'drawn.pdf');
}

const readLegacyReturn = (doc: ExtractedDocument, fileName: string) => readLegacyFiling(doc, fileName).monthlyReturn;

describe('readLegacyReturn: header and parts I and II', () => {
  it('reads a quiet month of one ordinary class', async () => {
    const { monthlyReturn, flags } = await read();
    expect(monthlyReturn.form).toEqual({
      kind: 'legacy',
      version: null,
      language: 'en',
      title: 'Monthly Return of Equity Issuer on Movements in Securities',
      pages: 10,
    });
    expect(monthlyReturn.status).toBeNull();
    expect(monthlyReturn.stockCodes).toEqual(['09999']);
    expect(monthlyReturn.monthEnded).toBe('2012-03-31');
    expect(monthlyReturn.dateSubmitted).toBe('2012-04-05');
    expect(monthlyReturn.submittedBy).toBe('Example Registrars Limited');
    expect(monthlyReturn.issuedShares.classes).toHaveLength(1);
    expect(monthlyReturn.issuedShares.classes[0]?.issuedShares).toEqual({
      preceding: 500000000,
      movement: null,
      closing: 500000000,
    });
    const details = monthlyReturn.detailsOfMovements;
    expect(
      [
        details.shareOptions,
        details.warrants,
        details.convertibles,
        details.otherArrangements,
        details.otherMovements,
      ].map((part) => part.notApplicable),
    ).toEqual([true, true, true, true, true]);
    expect(flags).toEqual([]);
  });

  it('reads a month printed without zero padding on a line below its label, and a date written out', async () => {
    const { monthlyReturn } = await read({
      monthEnded: '31/1/2011',
      monthEndedOnTwoLines: true,
      dateSubmitted: '1 February 2011',
    });
    expect([monthlyReturn.monthEnded, monthlyReturn.dateSubmitted]).toEqual(['2011-01-31', '2011-02-01']);
  });

  it('reads the March 2019 template, with its date and a page number atop each page', async () => {
    const { monthlyReturn, flags } = await read({
      runningHeader: 'March 2019',
      pageNumbers: true,
      monthEndedOnTwoLines: true,
      monthEnded: '31/12/2020',
      issued: { ordinary1: ['9,586,885,710', '7,027,001', '9,593,912,711'] },
      schemes: [
        {
          lines: ['2013 Share', 'Option Scheme', '(13/05/2009)'],
          classLine: 'ordinary shares',
          exercised: '7,027,001',
          issued: '7,027,001',
          issuable: '3,000,000',
        },
      ],
      totalA: ['7,027,001', 'N/A', 'N/A'],
      grandTotals: ['7,027,001', 'N/A', 'N/A', 'N/A'],
    });
    expect(flags).toEqual([]);
    expect(monthlyReturn.monthEnded).toBe('2020-12-31');
    expect(monthlyReturn.issuedShares.classes[0]?.issuedShares.movement).toBe(7027001);
    expect(monthlyReturn.detailsOfMovements.shareOptions.classes[0]?.items[0]?.newSharesIssued).toBe(7027001);
    expect(monthlyReturn.detailsOfMovements.totals[0]?.changeInIssuedShares).toBe(7027001);
  });

  it('reads "--" as no movement and "Nil" as zero', async () => {
    const dashes = await read({ issued: { ordinary1: ['9,373,218,730', '--', '9,373,218,730'] } });
    expect(dashes.monthlyReturn.issuedShares.classes[0]?.issuedShares.movement).toBeNull();
    const nil = await read({ issued: { ordinary1: ['276,407,000', 'Nil', '276,407,000'] } });
    expect(nil.monthlyReturn.issuedShares.classes[0]?.issuedShares.movement).toBe(0);
  });

  it('reads an authorised capital increase, with the currency from the column heading', async () => {
    const { monthlyReturn } = await read({
      authorised: [
        {
          slot: 'ordinary1',
          stockCode: '1149',
          description: 'Ordinary Shares',
          rows: [
            ['4,000,000,000', '0.10', '$400,000,000.00'],
            ['4,000,000,000', '0.10', '$400,000,000.00'],
            ['8,000,000,000', '0.10', '$800,000,000.00'],
          ],
        },
      ],
      totalAuthorised: ['(HK$)', '$800,000,000.00'],
    });
    const [ordinary] = monthlyReturn.authorisedShareCapital.classes;
    expect(ordinary?.authorisedShares).toEqual({ preceding: 4000000000, movement: 4000000000, closing: 8000000000 });
    expect(ordinary?.authorisedCapital).toEqual({
      preceding: '400000000.00',
      movement: '400000000.00',
      closing: '800000000.00',
    });
    expect([ordinary?.parValue, ordinary?.parValueCurrency, ordinary?.authorisedCapitalCurrency]).toEqual([
      '0.10',
      'HKD',
      'HKD',
    ]);
    expect(monthlyReturn.authorisedShareCapital.totalAuthorisedCapital).toEqual([
      { currency: 'HKD', amount: '800000000.00' },
    ]);
  });

  it('names the classes by their slots when both ordinary slots and preference shares are used', async () => {
    const { monthlyReturn } = await read({
      authorised: [
        {
          slot: 'ordinary1',
          stockCode: '20',
          description: 'Class A shares',
          rows: [
            ['1,000', '0.01', '10.00'],
            ['N/A', '', 'N/A'],
            ['1,000', '0.01', '10.00'],
          ],
        },
        {
          slot: 'ordinary2',
          stockCode: '80020',
          description: 'RMB counter',
          rows: [
            ['500', '0.01', '5.00'],
            ['N/A', '', 'N/A'],
            ['500', '0.01', '5.00'],
          ],
        },
        {
          slot: 'preference',
          stockCode: '4601',
          description: 'Convertible preference shares',
          rows: [
            ['200', '1.00', '200.00'],
            ['N/A', '', 'N/A'],
            ['200', '1.00', '200.00'],
          ],
        },
      ],
      issued: {
        ordinary1: ['800', '10', '810'],
        ordinary2: ['300', 'N/A', '300'],
        preference: ['150', '(10)', '140'],
      },
      grandTotals: ['10', 'N/A', '(10)', 'N/A'],
    });
    expect(monthlyReturn.stockCodes).toEqual(['00020', '80020', '04601']);
    expect(
      monthlyReturn.issuedShares.classes.map((shareClass) => [
        shareClass.className,
        shareClass.stockCode,
        shareClass.issuedShares.movement,
      ]),
    ).toEqual([
      ['Ordinary shares (1)', '00020', 10],
      ['Ordinary shares (2)', '80020', null],
      ['Preference shares', '04601', -10],
    ]);
    expect(monthlyReturn.detailsOfMovements.totals).toEqual([
      { className: 'Ordinary shares (1)', changeInIssuedShares: 10, changeInTreasuryShares: null },
      {
        className: 'Ordinary shares (2)',
        changeInIssuedShares: null,
        changeInTreasuryShares: null,
        printedInstead: { changeInIssuedShares: 'N/A' },
      },
      { className: 'Preference shares', changeInIssuedShares: -10, changeInTreasuryShares: null },
    ]);
  });

  it("keeps an A+H issuer's Shanghai code of six digits in slot (2) as SSE 601338, never as an HKEX code", async () => {
    const { monthlyReturn, flags } = await read({
      authorised: [
        {
          slot: 'ordinary1',
          stockCode: '1338',
          description: 'H shares',
          rows: [
            ['2,000,000', '1.00', '2,000,000.00'],
            ['N/A', '', 'N/A'],
            ['2,000,000', '1.00', '2,000,000.00'],
          ],
        },
        {
          slot: 'ordinary2',
          stockCode: '601338',
          description: 'A shares',
          rows: [
            ['6,000,000', '1.00', '6,000,000.00'],
            ['N/A', '', 'N/A'],
            ['6,000,000', '1.00', '6,000,000.00'],
          ],
        },
      ],
      issued: { ordinary1: ['1,600,000', 'N/A', '1,600,000'], ordinary2: ['4,800,000', 'N/A', '4,800,000'] },
    });
    expect(monthlyReturn.stockCodes).toEqual(['01338']);
    const codes = (classes: readonly ShareClass[]) => classes.map((c) => [c.stockCode, c.otherExchangeCode ?? null]);
    const expected = [
      ['01338', null],
      [null, { exchange: 'SSE', stockCode: '601338' }],
    ];
    expect(codes(monthlyReturn.authorisedShareCapital.classes)).toEqual(expected);
    expect(codes(monthlyReturn.issuedShares.classes)).toEqual(expected);
    expect(flags.filter((flag) => flag.code === 'uncertain-figure' || flag.code === 'stock-code-mismatch')).toEqual([]);
  });
});

describe('readLegacyReturn: part III', () => {
  it('reads option movements from the Granted / Exercised / Cancelled / Lapsed columns', async () => {
    const { monthlyReturn } = await read({
      schemes: [
        {
          lines: ['Share Option', 'Scheme adopted on', '(28/05/2010)'],
          classLine: 'ordinary shares',
          granted: 'N/A',
          exercised: '2,000,000',
          cancelled: 'Nil',
          lapsed: '(500,000)',
          issued: '2,000,000',
          issuable: '18,000,000',
        },
      ],
      totalA: ['2,000,000', 'N/A', 'N/A'],
      fundsRaised: 'HK$3,000,000.00',
    });
    const options = monthlyReturn.detailsOfMovements.shareOptions;
    const [scheme] = options.classes[0]?.items ?? [];
    expect(options.classes[0]?.className).toBe('Ordinary shares');
    expect(scheme?.particulars).toBe('Share Option Scheme adopted on (28/05/2010)');
    expect(scheme?.generalMeetingApprovalDate).toBe('2010-05-28');
    expect(scheme?.movements.map((movement) => [movement.type, movement.number])).toEqual([
      ['granted', null],
      ['exercised', 2000000],
      ['cancelled', 0],
      ['lapsed', -500000],
    ]);
    expect([scheme?.newSharesIssued, scheme?.sharesIssuableAtClose]).toEqual([2000000, 18000000]);
    expect(options.totals).toEqual([
      { className: 'Ordinary shares', increaseInIssuedShares: 2000000, decreaseInTreasuryShares: null },
    ]);
    expect(options.fundsRaised).toEqual({ currency: 'HKD', amount: '3000000.00' });
  });

  it('reads a share option table that runs onto a second page under its repeated heading', async () => {
    const schemes = Array.from({ length: 8 }, (_, i) => ({
      lines: [`Scheme ${i + 1}`, 'adopted on', `(0${i + 1}/06/2005)`, 'Exercise price', `HK$${i + 1}.00`],
      classLine: 'ordinary shares',
      exercised: `${i + 1},000`,
      issued: `${i + 1},000`,
      issuable: `${i + 1}00,000`,
    }));
    const { monthlyReturn, flags } = await read({ schemes });
    expect(flags).toEqual([]);
    const items = monthlyReturn.detailsOfMovements.shareOptions.classes[0]?.items ?? [];
    expect(items.map((scheme) => [scheme.particulars, scheme.newSharesIssued, scheme.sharesIssuableAtClose])).toEqual(
      schemes.map((scheme, i) => [`${scheme.lines.join(' ')}`, (i + 1) * 1000, (i + 1) * 100000]),
    );
  });

  it('reads a warrant with its date of expiry, price and approval date', async () => {
    const { monthlyReturn } = await read({
      warrants: [
        {
          lines: ['Unlisted Warrants', '( 30 / 06 / 2013 )'],
          currency: 'HKD',
          preceding: '10,000,000.00',
          movement: '5,000,000.00',
          closing: '5,000,000.00',
          issued: '5,000,000',
          issuable: '5,000,000',
          classOfShares: 'Ordinary Shares',
          price: 'HK$1.00 per share',
          approval: '( 01 / 02 / 2011 )',
        },
      ],
    });
    const [warrant] = monthlyReturn.detailsOfMovements.warrants.classes[0]?.items ?? [];
    expect(warrant).toMatchObject({
      description: 'Unlisted Warrants',
      dateOfExpiry: '2013-06-30',
      currency: 'HKD',
      amountPreceding: '10000000.00',
      movements: [{ type: 'exercised', label: 'Exercised during the month', number: null, amount: '5000000.00' }],
      amountClosing: '5000000.00',
      newSharesIssued: 5000000,
      sharesIssuableAtClose: 5000000,
      price: { currency: 'HKD', amount: '1.00' },
      generalMeetingApprovalDate: '2011-02-01',
      instrumentStockCode: null,
    });
    expect(warrant?.amountsIn).toBeUndefined();
  });

  it('reads convertibles converted during the month', async () => {
    const { monthlyReturn } = await read({
      convertibles: [
        {
          lines: ['Convertible Bonds', 'due 2014'],
          currency: 'USD',
          preceding: '10,000,000',
          movement: '2,000,000',
          closing: '8,000,000',
          issued: '4,000,000',
          issuable: '16,000,000',
          classOfShares: 'Ordinary Shares',
          price: 'HK$3.875 per share',
          approval: 'N/A',
        },
      ],
    });
    const [bond] = monthlyReturn.detailsOfMovements.convertibles.classes[0]?.items ?? [];
    expect(bond).toMatchObject({
      description: 'Convertible Bonds due 2014',
      currency: 'USD',
      amountPreceding: '10000000',
      movements: [{ type: 'converted', amount: '2000000' }],
      amountClosing: '8000000',
      newSharesIssued: 4000000,
      price: { currency: 'HKD', amount: '3.875' },
      generalMeetingApprovalDate: null,
      dateOfExpiry: null,
    });
    expect(bond?.note).toBeUndefined();
  });

  it('reads an arrangement to issue shares under III(D)', async () => {
    const { monthlyReturn } = await read({
      arrangements: [
        {
          lines: ['Share award scheme', '(12/12/2011)'],
          classLine: 'Ordinary shares',
          issued: '300,000',
          issuable: '1,700,000',
        },
      ],
      totalD: ['300,000', 'N/A', 'N/A'],
    });
    const part = monthlyReturn.detailsOfMovements.otherArrangements;
    expect(part.classes[0]?.items).toEqual([
      {
        description: 'Share award scheme (12/12/2011)',
        movements: [],
        newSharesIssued: 300000,
        treasurySharesTransferred: null,
        sharesIssuableAtClose: 1700000,
        generalMeetingApprovalDate: '2011-12-12',
      },
    ]);
    expect(part.totals[0]?.increaseInIssuedShares).toBe(300000);
  });

  it('reads a repurchase, two consideration issues under one entry, and a specified other movement', async () => {
    const { monthlyReturn } = await read({
      otherMovements: [
        {
          entry: 6,
          classOfShares: 'Ordinary Shares',
          rows: [
            {
              eventDate: '(19/08/2011)',
              approvalLabel: 'AGM approval date:',
              approvalDate: '(03/06/2011)',
              issued: '(5,940,000)',
              issuable: 'Nil',
            },
          ],
        },
        {
          entry: 8,
          classOfShares: 'Ordinary Shares',
          rows: [
            {
              price: ['HK$1.8035', 'per share'],
              approvalDate: '(03/06/2011)',
              note: ['(To be allotted and', 'issued under', 'General Mandate)'],
              issued: 'N/A',
              issuable: '64,707,513',
            },
            {
              price: ['HK$1.477', 'per share'],
              eventDate: '(06/09/2013)',
              approvalDate: '(18/05/2012)',
              issued: '50,778,605',
              issuable: '50,778,606',
            },
          ],
        },
        {
          entry: 10,
          classOfShares: 'Ordinary Shares',
          specify: 'Share consolidation',
          rows: [{ eventDate: '(02/01/2012)', issued: '(1,000)', issuable: 'N/A' }],
        },
      ],
    });
    const items = monthlyReturn.detailsOfMovements.otherMovements.classes[0]?.items ?? [];
    expect(items.map((item) => [item.type, item.changeInIssuedShares, item.sharesIssuableAtClose])).toEqual([
      ['repurchase', -5940000, 0],
      ['consideration-issue', null, 64707513],
      ['consideration-issue', 50778605, 50778606],
      ['consolidation', -1000, null],
    ]);
    expect(items[0]).toMatchObject({
      event: 'Repurchase of shares',
      dateOfEvent: '2011-08-19',
      generalMeetingApprovalDate: '2011-06-03',
    });
    expect(items[1]).toMatchObject({
      price: { currency: 'HKD', amount: '1.8035' },
      dateOfEvent: null,
      note: '(To be allotted and issued under General Mandate)',
    });
    expect(items[2]).toMatchObject({ price: { currency: 'HKD', amount: '1.477' }, dateOfEvent: '2013-09-06' });
    expect(items[3]?.event).toBe('Share consolidation');
  });

  it('keeps a subtotal as printed even where the rows do not add up to it', async () => {
    const { monthlyReturn } = await read({
      otherMovements: [
        {
          entry: 3,
          classOfShares: 'Ordinary Shares',
          rows: [{ price: ['HK$0.50'], eventDate: '(15/03/2012)', issued: '20,000,000' }],
        },
      ],
      totalE: ['2,000,000', 'N/A', 'N/A'],
    });
    expect(monthlyReturn.detailsOfMovements.otherMovements.totals).toEqual([
      { className: 'Ordinary shares', increaseInIssuedShares: 2000000, decreaseInTreasuryShares: null },
    ]);
  });
});

describe('readLegacyReturn: what is not a readable return', () => {
  it('refuses a document without the form title as not a monthly return', async () => {
    const doc = await extractText(await drawLegacyReturn(), undefined, 'drawn.pdf');
    const withoutTitle = {
      pages: doc.pages.map((page) => ({
        ...page,
        items: page.items.filter((item) => !item.text.startsWith('Monthly Return')),
      })),
    };
    expect(() => readLegacyReturn(withoutTitle, 'other.pdf')).toThrowError(
      /no "Monthly Return of Equity Issuer" title/,
    );
  });

  it('reads the Chinese version by its own labels: a title without a month is unreadable, naming the field', () => {
    const item = { text: '股份發行人的證券變動月報表', x: 53.9, y: 147.2, width: 130, height: 10, fontName: 'cjk' };
    const doc = { pages: [{ number: 1, width: 595, height: 842, items: [item] }] };
    expect(() => readLegacyFiling(doc, 'zh.pdf', 'zh-Hant')).toThrowError(
      expect.objectContaining({ code: 'unreadable-filing', message: expect.stringContaining('For the month ended') }),
    );
  });

  it('says a return without a month date is unreadable, naming the field', async () => {
    const error = await read({ monthEnded: 'March 2012' }).catch((caught: unknown) => caught);
    expect(isAppError(error, 'unreadable-filing')).toBe(true);
    expect((error as Error).message).toContain('For the month ended');
  });
});
