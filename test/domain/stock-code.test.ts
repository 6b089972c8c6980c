import { describe, expect, it } from 'vitest';
import { normaliseStockCode } from '../../src/domain/stock-code.js';

describe('normaliseStockCode', () => {
  it('pads the short forms users type to five digits', () => {
    expect(normaliseStockCode('20')).toBe('00020');
    expect(normaliseStockCode('0020')).toBe('00020');
    expect(normaliseStockCode(' 00700 ')).toBe('00700');
    expect(normaliseStockCode('1149')).toBe('01149');
  });

  it('refuses what is not a stock code', () => {
    expect(normaliseStockCode('sensetime')).toBeNull();
    expect(normaliseStockCode('123456')).toBeNull();
    expect(normaliseStockCode('0')).toBeNull();
    expect(normaliseStockCode('')).toBeNull();
  });
});
