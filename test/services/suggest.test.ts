import { describe, expect, it } from 'vitest';
import { editDistance, editDistanceWithin, suggestKeyword } from '../../src/domain/edit-distance.js';
import type { IssuerSummary } from '../../src/domain/stored-return.js';
import { suggestCodes, suggestNames } from '../../src/services/suggest.js';

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

describe('suggestNames on a full market', () => {
  /** 2,600 issuers, most of them "… Holdings Limited", as the exchange lists them. */
  const market = Array.from({ length: 2_600 }, (_, i) =>
    issuer(String(i + 1).padStart(5, '0'), `Company ${i.toString(36)} Holdings Limited`),
  ).concat([issuer('08008', 'Alco Holdings Limited')]);

  it('finds the issuer among thousands of names sharing a word', () => {
    // Three others are within three edits too ("Company alo Holdings"): the nearest comes first.
    expect(suggestNames('alco holdngs', market)[0]?.stockCode).toBe('08008');
  });

  it('suggests nothing for a query longer than any name, without reading it', () => {
    expect(suggestNames('sensetme '.repeat(450), market)).toEqual([]);
  });

  it('indexes a changed list of names again', () => {
    expect(suggestNames('sensetme', market)).toEqual([]);
    const withSenseTime = [...market, issuer('00020', 'SenseTime Group Inc.')];
    expect(suggestNames('sensetme', withSenseTime).map((i) => i.stockCode)).toEqual(['00020']);
  });
});

describe('editDistanceWithin', () => {
  it('gives the edit distance up to its bound, and the bound + 1 beyond it', () => {
    const pairs: [string, string][] = [
      ['sensetme', 'sensetime'],
      ['histroy', 'history'],
      ['alco holdngs', 'alco holdings'],
      ['tencnet', 'tencent'],
      ['abcdef', 'badcfe'],
      ['kitten', 'sitting'],
      ['', 'abc'],
      ['abc', 'abc'],
    ];
    for (const [a, b] of pairs) {
      for (const max of [0, 1, 2, 3]) {
        expect(editDistanceWithin(a, b, max), `${a} / ${b} within ${max}`).toBe(Math.min(editDistance(a, b), max + 1));
      }
    }
    expect(editDistanceWithin('x'.repeat(4_000), 'pacific dragon', 3)).toBe(4);
  });
});
