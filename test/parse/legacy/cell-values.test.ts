import { describe, expect, it } from 'vitest';
import {
  currencyInLabel,
  isDateCell,
  parseCellAmount,
  parseCellShareCount,
  parseDate,
  parseDateCell,
  parsePrice,
} from '../../../src/parse/legacy/cell-values.js';

describe('parseCellShareCount', () => {
  it('reads grouped digits', () => {
    expect(parseCellShareCount('2,079,745,151')).toBe(2079745151);
  });

  it('reads a figure in parentheses as a decrease', () => {
    expect(parseCellShareCount('(5,940,000)')).toBe(-5940000);
  });

  it('reads every way filers write "no movement" as null, and Nil as zero', () => {
    for (const text of ['N/A', 'N/ A', 'n/a', '-', '--', '', 'Not applicable'])
      expect(parseCellShareCount(text)).toBeNull();
    for (const text of ['Nil', 'NIL', 'nil']) expect(parseCellShareCount(text)).toBe(0);
  });

  it('refuses text that is no count', () => {
    expect(parseCellShareCount('Ordinary Shares')).toBeUndefined();
    expect(parseCellShareCount('(5,940,000')).toBeUndefined();
    expect(parseCellShareCount('1.5')).toBeUndefined();
  });
});

describe('parseCellAmount', () => {
  it('keeps the decimals as printed and drops a bare dollar sign', () => {
    expect(parseCellAmount('$200,000,000.00')).toEqual({ amount: '200000000.00', currency: null });
  });

  it('reads the currency of an HK$ prefix', () => {
    expect(parseCellAmount('HK$28,500,000.00')).toEqual({ amount: '28500000.00', currency: 'HKD' });
  });

  it('reads N/A as no amount and Nil as zero', () => {
    expect(parseCellAmount('N/A')).toEqual({ amount: null, currency: null });
    expect(parseCellAmount('Nil')).toEqual({ amount: '0', currency: null });
  });
});

describe('parsePrice', () => {
  it('reads the price forms of the 01149 returns', () => {
    expect(parsePrice('HKD 0.65 per share')).toEqual({ currency: 'HKD', amount: '0.65' });
    expect(parsePrice('HK$1.8035 per share')).toEqual({ currency: 'HKD', amount: '1.8035' });
    expect(parsePrice('HKD1.22 per share')).toEqual({ currency: 'HKD', amount: '1.22' });
  });

  it('takes the column currency where the price prints none', () => {
    expect(parsePrice('0.415', 'HKD')).toEqual({ currency: 'HKD', amount: '0.415' });
  });

  it('reads N/A as no price', () => {
    expect(parsePrice('N/A')).toBeNull();
  });
});

describe('dates', () => {
  it('reads dd/mm/yyyy without zero padding, and with the spaces extractors insert', () => {
    expect(parseDate('31/1/2011')).toBe('2011-01-31');
    expect(parseDate('31 /10/2019')).toBe('2019-10-31');
    expect(parseDate('( 13 / 10 / 2009 )')).toBe('2009-10-13');
  });

  it('reads a date written out', () => {
    expect(parseDate('3 February 2009')).toBe('2009-02-03');
    expect(parseDate('1 February 2011')).toBe('2011-02-01');
  });

  it('says undefined for a day that does not exist', () => {
    expect(parseDate('31/02/2011')).toBeUndefined();
  });

  it('treats only dd/mm/yyyy as a form date, so prose about a meeting stays a note', () => {
    expect(parseDateCell('in the AGM held on 2 June 2010')).toBeNull();
    expect(parseDateCell('(20/01/2011)')).toBe('2011-01-20');
  });

  it('recognises filled and empty date cells', () => {
    expect(isDateCell('(22/10/2009)')).toBe(true);
    expect(isDateCell('( / / )')).toBe(true);
    expect(isDateCell('(Allotted and issued under General Mandate)')).toBe(false);
  });
});

describe('currencyInLabel', () => {
  it('reads HK$ in a column heading and nothing in "(State currency)"', () => {
    expect(currencyInLabel('Par value (HK$)')).toBe('HKD');
    expect(currencyInLabel('Par value (State currency)')).toBeNull();
  });
});
