import { describe, expect, it } from 'vitest';
import type { IssuerSummary } from '../../src/domain/stored-return.js';
import { editDistance, suggestCodes, suggestKeyword, suggestNames } from '../../src/services/suggest.js';

const issuer = (stockCode: string, issuerName: string): IssuerSummary => ({
  stockCode,
  issuerName,
  latestMonth: '2023-11',
  returnsHeld: 1,
  latestDateSubmitted: null,
});
const held = [
  issuer('00020', 'SenseTime Group Inc.'),
  issuer('00700', 'Tencent Holdings Limited'),
  issuer('01149', 'Anxin-China Holdings Limited'),
];

describe('suggest', () => {
  it('counts a swap of two neighbours as one edit', () => {
    expect(editDistance('00020', '00002')).toBe(1);
    expect(editDistance('histroy', 'history')).toBe(1);
  });

  it('suggests the held code one keystroke away', () => {
    expect(suggestCodes('00021', held).map((i) => i.stockCode)).toEqual(['00020']);
    expect(suggestCodes('01194', held).map((i) => i.stockCode)).toEqual(['01149']);
    expect(suggestCodes('09999', held)).toEqual([]);
  });

  it('finds an issuer from a misspelt name word', () => {
    expect(suggestNames('sensetme', held).map((i) => i.stockCode)).toEqual(['00020']);
    expect(suggestNames('tencnet', held).map((i) => i.stockCode)).toEqual(['00700']);
    expect(suggestNames('zz', held)).toEqual([]);
  });

  it('suggests the keyword a typo was meant to be', () => {
    expect(suggestKeyword('lsit', ['help', 'list', 'history'])).toBe('list');
    expect(suggestKeyword('histroy', ['help', 'list', 'history'])).toBe('history');
    expect(suggestKeyword('sensetime', ['help', 'list', 'history'])).toBeNull();
  });
});
