import { describe, expect, it } from 'vitest';
import {
  exchangeOfSixDigitCode,
  formatOtherExchangeCode,
  normaliseStockCode,
  OtherExchangeCodeSchema,
  readExchangeName,
  StockCodeSchema,
} from '../../src/domain/stock-code.js';

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

describe('codes of the mainland exchanges', () => {
  it('tells the exchange of a six-digit code by its first digit', () => {
    expect(exchangeOfSixDigitCode('600036')).toBe('SSE');
    expect(exchangeOfSixDigitCode('688981')).toBe('SSE');
    expect(exchangeOfSixDigitCode('900901')).toBe('SSE');
    expect(exchangeOfSixDigitCode('000333')).toBe('SZSE');
    expect(exchangeOfSixDigitCode('200725')).toBe('SZSE');
    expect(exchangeOfSixDigitCode('300750')).toBe('SZSE');
  });

  it('names no exchange for a code it cannot place, or one that is not six digits', () => {
    expect(exchangeOfSixDigitCode('830799')).toBeNull();
    expect(exchangeOfSixDigitCode('60003')).toBeNull();
    expect(exchangeOfSixDigitCode('6000361')).toBeNull();
  });

  it('reads the exchange a form names, in English or Chinese', () => {
    expect(readExchangeName('Shanghai Stock Exchange')).toBe('SSE');
    expect(readExchangeName('SZSE')).toBe('SZSE');
    expect(readExchangeName('深圳證券交易所')).toBe('SZSE');
    expect(readExchangeName('London Stock Exchange')).toBeNull();
  });

  it('keeps a six-digit code whole: never padded, cut or taken for an HKEX code', () => {
    expect(OtherExchangeCodeSchema.parse({ exchange: 'SZSE', stockCode: '000333' })).toEqual({
      exchange: 'SZSE',
      stockCode: '000333',
    });
    expect(OtherExchangeCodeSchema.safeParse({ exchange: 'SSE', stockCode: '60036' }).success).toBe(false);
    expect(StockCodeSchema.safeParse('600036').success).toBe(false);
    expect(formatOtherExchangeCode({ exchange: 'SSE', stockCode: '600036' })).toBe('SSE 600036');
  });
});
