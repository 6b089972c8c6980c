/**
 * Codes of other exchanges in the class blocks (an A+H issuer's A shares) and the rows of part IV, on pages of our
 * own making laid out as FF301 lays out parts II and IV; the fixtures 01338 and 06288 read the same end to end.
 */
import { describe, expect, it } from 'vitest';
import type { TextItem } from '../../../src/domain/extracted-document.js';
import { readFf301Return } from '../../../src/parse/ff301/index.js';
import { at, documentOf, ff301Furniture, rightAt } from '../document-builder.js';

const VERSION = '1.1.1';
const LISTED = 'Listed on the Exchange (Note 1)';

/** "1. Class of shares ... Listed ... No" and "Stock code (if listed) <cell> Description <description>". */
function classBlock(y: number, code: string, description: string, codeLabel = 'Stock code (if listed)'): TextItem[] {
  return [
    at(22.1, y, '1. Class of shares'),
    at(141.2, y, 'Ordinary shares'),
    at(290.0, y, 'Type of shares'),
    at(373.6, y, 'A'),
    at(525.3, y, LISTED),
    at(651.4, y, 'No'),
    at(22.1, y + 18.5, codeLabel),
    at(141.2, y + 18.5, code),
    at(290.0, y + 18.5, 'Description'),
    at(373.6, y + 18.5, description),
  ];
}

function balanceRows(y: number, figures: readonly [string, string, string], right = 400.5): TextItem[] {
  const labels = ['Balance at close of preceding month', 'Increase / decrease (-)', 'Balance at close of the month'];
  return labels.flatMap((label, row) => [
    at(22.1, y + row * 18, label),
    ...(figures[row] === '' ? [] : [rightAt(right, y + row * 18, figures[row] ?? '')]),
  ]);
}

/** Part II of one class whose stock code cell prints `code`. */
function partIIWith(code: string): ReturnType<typeof readFf301Return> {
  const page = [
    ...ff301Furniture(1, 1, VERSION),
    at(23.5, 57.6, 'II. Movements in Issued Shares and/or Treasury Shares', 10),
    ...classBlock(83.4, code, 'A Shares'),
    at(253.4, 120.4, 'Number of issued shares'),
    ...balanceRows(148.4, ['2,000,000,000', '', '2,000,000,000']),
  ];
  return readFf301Return(documentOf(page), { version: VERSION, language: 'en' });
}

const uncertain = (reading: ReturnType<typeof readFf301Return>) =>
  reading.flags.filter((flag) => flag.code === 'uncertain-figure').map((flag) => flag.message);

describe("another exchange's code in a class block", () => {
  it('keeps a Shenzhen code of six digits as SZSE 000333, not as an HKEX code', () => {
    const reading = partIIWith('000333');
    const [shareClass] = reading.monthlyReturn.issuedShares.classes;
    expect(shareClass).toMatchObject({ stockCode: null, otherExchangeCode: { exchange: 'SZSE', stockCode: '000333' } });
    expect(reading.monthlyReturn.stockCodes).toEqual([]);
    expect(uncertain(reading)).toEqual([]);
  });

  it('takes the exchange from an Exchange cell printed beside the code', () => {
    const reading = partIIWith('600036 Exchange Shanghai Stock Exchange');
    expect(reading.monthlyReturn.issuedShares.classes[0]?.otherExchangeCode).toEqual({
      exchange: 'SSE',
      stockCode: '600036',
    });
    expect(uncertain(reading)).toEqual([]);
  });

  it('flags a code whose exchange neither its digits nor the form tell, and keeps no exchange for it', () => {
    const reading = partIIWith('830799');
    expect(reading.monthlyReturn.issuedShares.classes[0]?.otherExchangeCode).toBeUndefined();
    expect(uncertain(reading)).toEqual([
      "stock code 830799 has six digits, as a mainland exchange's codes do, but neither its first digit nor an Exchange cell says which exchange",
    ]);
  });

  it('keeps the exchange the form names where it disagrees with the digits, and flags the disagreement', () => {
    const reading = partIIWith('600036 Exchange Shenzhen Stock Exchange');
    expect(reading.monthlyReturn.issuedShares.classes[0]?.otherExchangeCode).toEqual({
      exchange: 'SZSE',
      stockCode: '600036',
    });
    expect(uncertain(reading)).toHaveLength(1);
  });

  it('leaves a class that prints an HKEX code without another exchange', () => {
    const reading = partIIWith('01338');
    expect(reading.monthlyReturn.issuedShares.classes[0]).toMatchObject({ stockCode: '01338' });
    expect(reading.monthlyReturn.issuedShares.classes[0]).not.toHaveProperty('otherExchangeCode');
  });
});

/** Part IV with one class of HDRs; `codeItem` prints the label and code, joined or apart. */
function partIVWith(codeItems: readonly TextItem[], ratio: string): ReturnType<typeof readFf301Return> {
  const y = 83.4;
  const page = [
    ...ff301Furniture(1, 1, VERSION),
    at(23.5, 57.6, 'IV. Information about Hong Kong Depositary Receipt (HDR)', 10),
    at(22.1, y, '1. Class of shares'),
    at(141.2, y, 'Hong Kong Depositary Receipts'),
    at(290.0, y, 'Type of shares'),
    at(525.3, y, LISTED),
    at(651.4, y, 'Yes'),
    ...codeItems,
    at(290.0, y + 18.5, 'Description'),
    at(373.6, y + 18.5, 'HDRs, each representing one common share'),
    at(22.1, y + 37, 'Depositary'),
    at(161.0, y + 37, 'Citadel Depositary Services'),
    at(524.0, y + 37, 'HDR ratio'),
    at(608.0, y + 37, ratio),
    at(22.1, y + 55.5, 'Underlying class of shares'),
    at(161.0, y + 55.5, 'Common shares'),
    at(290.0, y + 55.5, 'Type of shares'),
    at(373.6, y + 55.5, 'Not applicable'),
    at(525.3, y + 55.5, LISTED),
    at(651.4, y + 55.5, 'No'),
    at(300, y + 76, 'Number of HDRs'),
    ...balanceRows(y + 96, ['4,000,000', '250,000', '4,250,000']),
  ];
  return readFf301Return(documentOf(page), { version: VERSION, language: 'en' });
}

describe('the rows of part IV', () => {
  const apart = [at(22.1, 101.9, 'Stock code of HDR (if listed)'), at(141.2, 101.9, '06123')];
  // pdf.js joins a label and a value set close together in one font into one item, as on 01723's other cells.
  const joined = [at(22.1, 101.9, 'Stock code of HDR (if listed) 06123')];

  it('reads the depositary, the HDR ratio with both its numbers and the underlying class', () => {
    const reading = partIVWith(apart, '1 HDR : 1 common share');
    expect(reading.monthlyReturn.hdr.classes).toEqual([
      {
        description: 'HDRs, each representing one common share',
        stockCode: '06123',
        hdrs: { preceding: 4_000_000, movement: 250_000, closing: 4_250_000 },
        underlyingShares: null,
        depositary: 'Citadel Depositary Services',
        hdrRatio: { hdrs: '1', shares: '1' },
        underlyingClass: { className: 'Common shares', typeOfShares: 'Not applicable', listedOnExchange: false },
      },
    ]);
    expect(uncertain(reading)).toEqual([]);
  });

  it('never reads "Stock code of HDR" as part of the code, joined to it or not', () => {
    expect(partIVWith(joined, '1 HDR : 1 common share').monthlyReturn.hdr.classes[0]?.stockCode).toBe('06123');
    expect(partIVWith(joined, '1 HDR : 1 common share').monthlyReturn.stockCodes).toEqual(['06123']);
  });

  it('keeps a ratio of several HDRs to a share, and flags one it cannot read instead of guessing', () => {
    expect(partIVWith(apart, '10 HDRs : 1 share').monthlyReturn.hdr.classes[0]?.hdrRatio).toEqual({
      hdrs: '10',
      shares: '1',
    });
    const unreadable = partIVWith(apart, 'one for one');
    expect(unreadable.monthlyReturn.hdr.classes[0]?.hdrRatio).toBeNull();
    expect(uncertain(unreadable)).toEqual(['the HDR ratio "one for one" could not be read as "1 HDR : N shares"']);
  });
});
