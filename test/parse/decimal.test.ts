import { describe, expect, it } from 'vitest';
import { addDecimals, compareDecimals, multiplyDecimals, normaliseDecimal } from '../../src/parse/decimal.js';

describe('decimal arithmetic', () => {
  it('multiplies a tiny par value by a huge share count exactly', () => {
    // SenseTime's class B: 1,992,000,000,000 shares of USD 0.000000025 each.
    expect(multiplyDecimals('1992000000000', '0.000000025')).toBe('49800');
    expect(multiplyDecimals('5000000000', '0.00001')).toBe('50000');
    // A float would say 0.30000000000000004.
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
  });

  it('adds signed amounts', () => {
    expect(addDecimals('52377600', '-52377600')).toBe('0');
    expect(addDecimals('-1.5', '0.25')).toBe('-1.25');
  });

  it('compares and normalises', () => {
    expect(compareDecimals('50000.00', '50000')).toBe(0);
    expect(compareDecimals('0.01', '0.001')).toBe(1);
    expect(normaliseDecimal('050.100')).toBe('50.1');
    expect(normaliseDecimal('-0.0')).toBe('0');
  });
});
