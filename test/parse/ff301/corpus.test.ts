/**
 * The FF301 returns of ../shared/filings, part by part, against figures checked by hand against the PDFs.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultFilingsDir } from '../../../scripts/accuracy/corpus.js';
import type { ExtractedDocument } from '../../../src/domain/extracted-document.js';
import type { ParsedFiling } from '../../../src/domain/parsed-filing.js';
import { parseMonthlyReturn } from '../../../src/parse/index.js';
import { extractText } from '../../../src/pdf/extract-text.js';

const dir = defaultFilingsDir();
const NAMES = [
  '01723_2026-01',
  '01477_2023-12',
  '00328_2024-12',
  '00328_2025-09',
  '00328_2025-09_resubmitted',
] as const;
type Name = (typeof NAMES)[number];
const available = NAMES.every((name) => existsSync(path.join(dir, `${name}.pdf`)));
if (!available) console.warn(`Skipping the FF301 corpus tests: the returns are not in ${dir} (set HKEX_FILINGS_DIR)`);

describe.skipIf(!available)('FF301 returns of the corpus', () => {
  const parsed = new Map<Name, ParsedFiling>();
  const documents = new Map<Name, ExtractedDocument>();
  beforeAll(async () => {
    for (const name of NAMES) {
      const doc = await extractText(readFileSync(path.join(dir, `${name}.pdf`)), undefined, name);
      documents.set(name, doc);
      parsed.set(name, parseMonthlyReturn(doc, name));
    }
  }, 120_000);
  const read = (name: Name) => {
    const filing = parsed.get(name);
    if (!filing) throw new Error(`${name} was not parsed`);
    return filing.monthlyReturn;
  };

  describe('header and part V', () => {
    it('reads the form version, language and page count from v1.2.0', () => {
      expect(read('01723_2026-01').form).toEqual({
        kind: 'FF301',
        version: '1.2.0',
        language: 'en',
        title:
          'Monthly Return for Equity Issuer and Hong Kong Depositary Receipts listed under Chapter 19B of the Exchange Listing Rules on Movements in Securities',
        pages: 10,
      });
    });

    it('keeps the whole issuer name as printed, curly quotes and all', () => {
      expect(read('01477_2023-12').issuerName).toBe(
        'Ocumension Therapeutics (the “Company”) (Incorporated in the Cayman Islands with limited liability)',
      );
    });

    it('reads a Chinese resubmission: 重新提交, dates written 2025年10月16日', () => {
      const resubmitted = read('00328_2025-09_resubmitted');
      expect([resubmitted.status, resubmitted.monthEnded, resubmitted.dateSubmitted]).toEqual([
        'resubmission',
        '2025-09-30',
        '2025-10-16',
      ]);
      expect(read('00328_2025-09').status).toBe('new');
    });

    it('reads who submitted the return', () => {
      expect([read('01477_2023-12').submittedBy, read('01477_2023-12').submittedByTitle]).toEqual([
        'Lian Yong CHEN',
        'Director',
      ]);
      expect([read('00328_2024-12').submittedBy, read('00328_2024-12').submittedByTitle]).toEqual(['余毅', '公司秘書']);
    });
  });

  describe('part I', () => {
    it('reads a USD par value of 0.00001 and the USD printed beside the share count as its currency', () => {
      const [ordinary] = read('01477_2023-12').authorisedShareCapital.classes;
      expect(ordinary).toMatchObject({
        authorisedShares: { preceding: 5_000_000_000, movement: 0, closing: 5_000_000_000 },
        parValue: '0.00001',
        parValueCurrency: 'USD',
        authorisedCapital: { preceding: '50000', movement: '0', closing: '50000' },
        authorisedCapitalCurrency: 'USD',
      });
      expect(read('01477_2023-12').authorisedShareCapital.totalAuthorisedCapital).toEqual([
        { currency: 'USD', amount: '50000' },
      ]);
    });

    it('keeps a movement row that prints only a currency blank, not zero', () => {
      const [ordinary] = read('01723_2026-01').authorisedShareCapital.classes;
      expect(ordinary?.authorisedShares.movement).toBeNull();
      expect(ordinary?.authorisedCapital.movement).toBeNull();
    });
  });

  describe('part II', () => {
    it('reads the single column of a v1.0.2 return, with no treasury columns', () => {
      const issued = read('01477_2023-12').issuedShares;
      expect(issued.hasTreasuryColumns).toBe(false);
      expect(issued.classes[0]).toMatchObject({
        issuedShares: { preceding: 690_903_850, movement: 0, closing: 690_903_850 },
        treasuryShares: null,
        totalIssuedShares: null,
      });
    });

    it('reads treasury shares from a v1.1.1 return, and a total column that prints no movement', () => {
      const [ordinary] = read('00328_2025-09_resubmitted').issuedShares.classes;
      expect(ordinary).toMatchObject({
        className: '普通股',
        issuedShares: { preceding: 114_556_865, movement: -103_101_179, closing: 11_455_686 },
        treasuryShares: { preceding: 0, movement: 0, closing: 0 },
        totalIssuedShares: { preceding: 114_556_865, movement: null, closing: 11_455_686 },
      });
    });

    it('tells a blank movement row (v1.2.0) from a printed 0 (v1.1.1)', () => {
      expect(read('01723_2026-01').issuedShares.classes[0]?.treasuryShares?.movement).toBeNull();
      expect(read('00328_2024-12').issuedShares.classes[0]?.treasuryShares?.movement).toBe(0);
    });

    it('reads the ticked public float statement of v1.2.0 and its threshold across two lines', () => {
      expect(read('01723_2026-01').issuedShares.classes[0]?.publicFloat).toEqual({
        requirementCompliedWith: true,
        applicableThreshold:
          'Initial Prescribed Threshold - 25% of the total number of issued shares in the class to which the listed shares belong (excluding treasury shares)',
        additionalInformation: null,
      });
    });

    it('keeps the remarks (備註) under part II', () => {
      expect(read('00328_2025-09_resubmitted').issuedShares.remarks).toBe(
        '資本重組：1,145,568.65 港元除以 114,556,865 股現有股份，變為 114,556.86 港元除以 11,455,686 股調整後股份，自 2025 年 9 月 29 日起生效。',
      );
    });
  });

  describe('part III', () => {
    it('reads two option schemes with stacked movements and a lapse of -144,400', () => {
      const schemes = read('01477_2023-12').detailsOfMovements.shareOptions.classes[0]?.items ?? [];
      expect(schemes.map((scheme) => scheme.movements.map((movement) => [movement.label, movement.number]))).toEqual([
        [
          ['Granted', 0],
          ['Exercised', 0],
          ['Cancelled', 0],
          ['Lapsed', 0],
        ],
        [
          ['Granted', 0],
          ['Exercised', 0],
          ['Cancelled', 0],
          ['Lapsed', -144_400],
        ],
      ]);
      expect(schemes[1]).toMatchObject({
        particulars:
          '2021 Share Option Scheme (Adopted by the Company on 31 August 2021, as amended from time to time)',
        outstandingPreceding: 25_043_352,
        outstandingClosing: 24_898_952,
        generalMeetingApprovalDate: '2021-08-31',
      });
    });

    it('keeps the shares issuable at close (0) apart from the options still to be granted (38,185,593)', () => {
      const scheme = read('01477_2023-12').detailsOfMovements.shareOptions.classes[0]?.items[1];
      expect([scheme?.sharesIssuableAtClose, scheme?.sharesIssuableUnderOptionsToBeGranted]).toEqual([0, 38_185_593]);
      expect(read('01477_2023-12').detailsOfMovements.shareOptions.fundsRaised).toEqual({
        currency: 'HKD',
        amount: '0',
      });
    });

    it('reads warrants with their subscription price, expiry and nominal value', () => {
      expect(read('01477_2023-12').detailsOfMovements.warrants.classes[0]?.items[0]).toMatchObject({
        description: '1,000,000 unlisted warrants issued on 13 August 2021',
        currency: 'HKD',
        amountPreceding: '23880000',
        amountClosing: '23880000',
        sharesIssuableAtClose: 1_000_000,
        price: { currency: 'HKD', amount: '23.88' },
        dateOfExpiry: '2025-08-13',
        generalMeetingApprovalDate: '2021-06-29',
        instrumentStockCode: null,
      });
    });

    it('reads convertible notes whose "Issued" movement has no amount', () => {
      const [notes] = read('01723_2026-01').detailsOfMovements.convertibles.classes[0]?.items ?? [];
      expect(notes).toMatchObject({
        amountPreceding: '52377600',
        movements: [{ type: 'issued', label: 'Issued', number: null, amount: null }],
        newSharesIssued: null,
        treasurySharesTransferred: null,
        sharesIssuableAtClose: 10_475_520,
        instrumentType: 'Bond/Notes',
        price: { currency: 'HKD', amount: '5' },
        generalMeetingApprovalDate: '2024-09-05',
      });
      expect(read('01723_2026-01').detailsOfMovements.convertibles.totals).toEqual([
        { className: 'Ordinary shares', increaseInIssuedShares: null, decreaseInTreasuryShares: null },
      ]);
    });

    it('reads a share award scheme whose description starts above its row number, and its remarks', () => {
      const part = read('01477_2023-12').detailsOfMovements.otherArrangements;
      expect(part.classes[0]?.items[0]).toMatchObject({
        description: '2021 Share Award Scheme (Adopted by the Company on 2 July 2021, as amended from time to time)',
        generalMeetingApprovalDate: null,
        newSharesIssued: 0,
        sharesIssuableAtClose: 0,
      });
      expect(part.remarks).toContain(
        'Number of ordinary shares to be vested at close of the month: 19,110,901 ordinary shares',
      );
    });

    it('reads a 10:1 consolidation in III(E) with its subtotal and the grand total', () => {
      const details = read('00328_2025-09_resubmitted').detailsOfMovements;
      expect(details.otherMovements.classes[0]?.items).toEqual([
        {
          event: '資本重組',
          type: 'capital-reorganisation',
          price: { currency: 'HKD', amount: '0.1' },
          dateOfEvent: '2025-09-29',
          generalMeetingApprovalDate: '2025-09-23',
          changeInIssuedShares: -103_101_179,
          changeInTreasuryShares: null,
          pendingCancellation: null,
          sharesIssuableAtClose: null,
        },
      ]);
      expect(details.otherMovements.totals).toEqual([
        { className: '普通股', increaseInIssuedShares: -103_101_179, decreaseInTreasuryShares: null },
      ]);
      expect(details.totals).toEqual([
        { className: '普通股', changeInIssuedShares: -103_101_179, changeInTreasuryShares: null },
      ]);
    });

    it('marks every part that prints 不適用 as not applicable', () => {
      const details = read('00328_2024-12').detailsOfMovements;
      expect(
        [
          details.shareOptions,
          details.warrants,
          details.convertibles,
          details.otherArrangements,
          details.otherMovements,
        ].map((part) => part.notApplicable),
      ).toEqual([true, true, true, true, true]);
    });
  });

  it('reads part IV as not applicable on all five', () => {
    expect(NAMES.map((name) => read(name).hdr.notApplicable)).toEqual([true, true, true, true, true]);
  });

  it('raises no flag on any of the five: every figure is placed and adds up', () => {
    expect(NAMES.flatMap((name) => parsed.get(name)?.flags ?? [])).toEqual([]);
  });

  it('flags a part II stock code edited to 01724 while part I still prints 01723', () => {
    const doc = documents.get('01723_2026-01');
    if (!doc) throw new Error('01723_2026-01 was not extracted');
    // The second "01723" printed is part II's "Stock code (if listed)" cell; edit it as a tampered copy would.
    let seen = 0;
    const edited: ExtractedDocument = {
      pages: doc.pages.map((page) => ({
        ...page,
        items: page.items.map((item) => (item.text === '01723' && ++seen === 2 ? { ...item, text: '01724' } : item)),
      })),
    };
    const filing = parseMonthlyReturn(edited, 'edited');
    expect(filing.monthlyReturn.issuedShares.classes[0]?.stockCode).toBe('01724');
    expect(filing.flags.filter((flag) => flag.code === 'stock-code-mismatch')).toEqual([
      {
        code: 'stock-code-mismatch',
        severity: 'error',
        section: 'II',
        subject: 'Ordinary shares',
        message: 'Ordinary shares: part II gives stock code 01724, but part I gives 01723',
        expected: '01723',
        actual: '01724',
      },
    ]);
  });

  it('reads a Chinese stock-code cell printed 不適用 as an unlisted class, with no warning, as English N/A (00328)', () => {
    const doc = documents.get('00328_2024-12');
    if (!doc) throw new Error('00328_2024-12 was not extracted');
    // Parts I and II each print "證券代號 (如上市) 00328"; an unlisted class prints 不適用 (or N/A) there instead.
    const unlisted = (word: string): ParsedFiling =>
      parseMonthlyReturn(
        {
          pages: doc.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => (item.text.trim() === '00328' ? { ...item, text: word } : item)),
          })),
        },
        `unlisted-${word}`,
      );
    const [chinese, english] = [unlisted('不適用'), unlisted('N/A')];
    expect(chinese.monthlyReturn.authorisedShareCapital.classes.map((shareClass) => shareClass.stockCode)).toEqual([
      null,
    ]);
    expect(chinese.monthlyReturn.issuedShares.classes.map((shareClass) => shareClass.stockCode)).toEqual([null]);
    expect(chinese.flags).toEqual([]);
    expect(chinese.flags).toEqual(english.flags);
    expect(chinese.monthlyReturn).toEqual(english.monthlyReturn);
  });
});
