import { describe, expect, it } from 'vitest';
import { isFigure, parseAmount, parseShareCount } from '../../src/parse/numbers.js';

describe('parseShareCount', () => {
  it.each([
    ['1,234', 1234],
    ['690,903,850', 690903850],
    ['-144,400', -144400],
    ['(5,940,000)', -5940000],
    ['-103,101,179', -103101179],
    ['0', 0],
    ['Nil', 0],
    ['NIL', 0],
    ['30,000,000,000', 30000000000],
  ])('reads "%s" as %d', (text, value) => {
    expect(parseShareCount(text)).toBe(value);
  });

  it.each(['', '   ', 'N/A', 'n/a', '-', '--', '—'])('reads "%s" as blank (null), not zero', (text) => {
    expect(parseShareCount(text)).toBeNull();
  });

  it.each(['Granted', '1,23', '12.5', '(1,000', 'USD 5'])('refuses "%s" as a number of shares', (text) => {
    expect(parseShareCount(text)).toBeUndefined();
  });
});

describe('parseAmount', () => {
  it.each([
    ['0.00001', '0.00001'],
    ['23.88', '23.88'],
    ['52,377,600', '52377600'],
    ['300,000,000.00', '300000000'],
    ['0.10', '0.1'],
    ['(1,000.50)', '-1000.5'],
    ['Nil', '0'],
  ])('reads "%s" as "%s"', (text, value) => {
    expect(parseAmount(text)).toBe(value);
  });

  it('keeps a blank amount blank', () => {
    expect(parseAmount('')).toBeNull();
    expect(parseAmount(null)).toBeNull();
  });
});

describe('isFigure', () => {
  it('tells figures from the words around them', () => {
    expect(['1,000,000', '-144,400', '(2,200,000)', '0.1', '2021'].map(isFigure)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['(A1)', '1).', 'HK$23.88', '2021,', 'Issued'].map(isFigure)).toEqual([false, false, false, false, false]);
  });
});
