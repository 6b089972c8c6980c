import { describe, expect, it } from 'vitest';
import { emptyCodeIndexEntry } from '../../../src/store/lowdb/code-index-entry.js';
import { prepareName, rankIssuers, type SearchableIssuer } from '../../../src/store/lowdb/issuer-search.js';

function issuer(stockCode: string, ...names: string[]): SearchableIssuer {
  const entry = { ...emptyCodeIndexEntry(stockCode), issuerName: names[0] ?? '', names, months: { '2024-01': [] } };
  return { entry, names: names.map(prepareName) };
}

const market = [
  issuer('00005', 'HSBC Holdings plc', '滙豐控股有限公司'),
  issuer('00020', 'SenseTime Group Inc.', '商湯集團股份有限公司'),
  issuer('00011', 'Hang Seng Bank Limited'),
  issuer('02388', 'BOC Hong Kong (Holdings) Limited'),
  issuer('00700', 'Tencent Holdings Limited'),
  issuer('01234', 'China Lilang Limited', 'Holdings Lilang Limited'),
];

const codes = (query: string, limit = 10) => rankIssuers(market, query, limit).map((i) => i.stockCode);

describe('searching issuers by name', () => {
  it('finds SenseTime however the name is typed', () => {
    for (const query of ['sensetime', 'SenseTime Group', 'sense time', 'SENSETIME GROUP INC']) {
      expect(codes(query)).toEqual(['00020']);
    }
  });

  it('finds a Chinese name, and a full-width one', () => {
    expect(codes('商湯')).toEqual(['00020']);
    expect(codes('ＨＳＢＣ')).toEqual(['00005']);
  });

  it('ranks a name that starts with the query, then a former name that does, then a word within a name', () => {
    const found = rankIssuers(
      [
        issuer('00001', 'Dragon Holdings Limited'),
        issuer('00002', 'Holdings Dragon Limited'),
        issuer('00003', 'Lotus Limited', 'Holdings Lotus Limited'),
        issuer('00004', 'Lotus Limited'),
      ],
      'holdings',
      10,
    );
    expect(found.map((f) => f.stockCode)).toEqual(['00002', '00003', '00001']);
  });

  it('ranks the whole name above its start', () => {
    const found = rankIssuers(
      [issuer('00001', 'Jade Holdings Limited Group'), issuer('00002', 'Jade Holdings Limited')],
      'jade holdings limited',
      10,
    );
    expect(found.map((f) => f.stockCode)).toEqual(['00002', '00001']);
  });

  it('asks whether an issuer may be shown only of those the query finds, and fills the limit from the rest', () => {
    const asked: string[] = [];
    const found = rankIssuers(market, 'holdings', 2, (entry) => {
      asked.push(entry.stockCode);
      return entry.stockCode !== '00005';
    });
    expect(found.map((entry) => entry.stockCode)).toEqual(['01234', '00700']);
    expect(asked.sort()).toEqual(['00005', '00700', '01234', '02388']);
  });

  it('finds by code, written with or without its zeros', () => {
    expect(codes('700')).toEqual(['00700']);
    expect(codes('00005')).toEqual(['00005']);
  });

  it('stops at the limit and finds nothing for an empty query', () => {
    expect(codes('limited', 2)).toHaveLength(2);
    expect(codes('  ')).toEqual([]);
  });
});
