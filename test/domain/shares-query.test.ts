import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/domain/errors.js';
import { parseReportMonth } from '../../src/domain/report-month-words.js';
import { MAX_NAME_CHARS, notAStockCode, parseSharesQuery, parseStockCodes } from '../../src/domain/shares-query.js';
import { readStockCode } from '../../src/domain/stock-code.js';

function badInput(text: string): string {
  try {
    parseSharesQuery(text);
  } catch (error) {
    if (isAppError(error, 'bad-input')) return error.message;
    throw error;
  }
  throw new Error(`"${text}" was accepted`);
}

const code = (value: string) => ({ kind: 'code', code: value }) as const;

/** Every way of writing 00005 and November 2023 that the grammar accepts. */
const CODES_OF_5 = ['5', '05', '0005', '00005', '5.HK', '0005.hk', 'HK0005', 'hk5'];
const NOVEMBER_2023 = [
  '2023-11',
  '2023/11',
  '2023.11',
  '11/2023',
  '11-2023',
  '202311',
  'Nov 2023',
  'nov 2023',
  'November 2023',
  'Nov-2023',
  '2023年11月',
];

describe('readStockCode', () => {
  it.each(CODES_OF_5)('reads %s as 00005', (word) => {
    expect(readStockCode(word)).toBe('00005');
  });

  it.each(['000005', 'HK', '5.HKX', 'sensetime', '0'])('reads %s as no code', (word) => {
    expect(readStockCode(word)).toBeNull();
  });
});

describe('parseReportMonth', () => {
  it.each(NOVEMBER_2023)('reads %s as 2023-11', (word) => {
    expect(parseReportMonth(word)).toBe('2023-11');
  });

  it.each([
    ['2023/1', '2023-01'],
    ['Sept 2024', '2024-09'],
    ['2024年9月', '2024-09'],
    ['sensetime', null],
    ['Novel 2023', null],
    ['00020', null],
  ])('reads %s as %s', (word, month) => {
    expect(parseReportMonth(word)).toBe(month);
  });

  it('refuses a month shaped word that names no month', () => {
    expect(() => parseReportMonth('2023-13')).toThrow('2023-13 is not a month: write it as YYYY-MM');
    expect(() => parseReportMonth('13/2023')).toThrow('13/2023 is not a month');
  });
});

describe('parseSharesQuery: the latest card', () => {
  it.each(['00020', '20', '0020', ' 20 ', '20.HK', 'HK0020'])('reads "%s" as the latest return of 00020', (text) => {
    expect(parseSharesQuery(text)).toEqual({ kind: 'latest', issuer: code('00020') });
  });

  it.each(CODES_OF_5)('reads "%s" as 00005, never as a name', (text) => {
    expect(parseSharesQuery(text)).toEqual({ kind: 'latest', issuer: code('00005') });
  });
});

describe('parseSharesQuery: a month card', () => {
  it.each(NOVEMBER_2023)('reads "00020 %s" as November 2023 of 00020', (month) => {
    expect(parseSharesQuery(`00020 ${month}`)).toEqual({ kind: 'month', issuer: code('00020'), month: '2023-11' });
  });

  it.each(NOVEMBER_2023)('reads "%s 5.HK" (the month first) as November 2023 of 00005', (month) => {
    expect(parseSharesQuery(`${month} 5.HK`)).toEqual({ kind: 'month', issuer: code('00005'), month: '2023-11' });
  });

  it('reads full after a code and month, or after a code alone, as the whole return', () => {
    expect(parseSharesQuery('00020 2023-11 full')).toEqual({
      kind: 'month',
      issuer: { kind: 'code', code: '00020' },
      month: '2023-11',
      full: true,
    });
    expect(parseSharesQuery('20 FULL')).toEqual({
      kind: 'latest',
      issuer: { kind: 'code', code: '00020' },
      full: true,
    });
  });

  it('reads a name and a month', () => {
    expect(parseSharesQuery('sense time Nov 2023')).toEqual({
      kind: 'month',
      issuer: { kind: 'name', text: 'sense time' },
      month: '2023-11',
    });
  });

  it('refuses a month that does not exist', () => {
    expect(badInput('00020 2023-13')).toBe('2023-13 is not a month: write it as YYYY-MM, for example 2023-11.');
  });
});

describe('parseSharesQuery: history', () => {
  it.each(['00020 history', 'history 00020', '20 HISTORY', 'History 20.HK', 'HK0020 history'])(
    'reads "%s" as the history of 00020',
    (text) => {
      expect(parseSharesQuery(text)).toEqual({ kind: 'history', issuer: code('00020') });
    },
  );

  it('reads history of a name, either way round', () => {
    const expected = { kind: 'history', issuer: { kind: 'name', text: 'sense time' } };
    expect(parseSharesQuery('sense time HISTORY')).toEqual(expected);
    expect(parseSharesQuery('history sense time')).toEqual(expected);
  });

  it('suggests history for a typo, before or after the code', () => {
    expect(badInput('00020 histroy')).toBe('Did you mean `/shares 00020 history`?');
    expect(badInput('histroy 00020')).toBe('Did you mean `/shares 00020 history`?');
    expect(badInput('histroy 5.HK')).toBe('Did you mean `/shares 00005 history`?');
  });

  it('asks for a code when history has none', () => {
    expect(badInput('history')).toBe('Name a stock code or an issuer, for example `/shares 00020 history`.');
  });
});

describe('parseSharesQuery: name search, list and help', () => {
  it('treats other words as a name search', () => {
    expect(parseSharesQuery('sensetime')).toEqual({ kind: 'latest', issuer: { kind: 'name', text: 'sensetime' } });
    expect(parseSharesQuery('list sensetime')).toEqual({
      kind: 'latest',
      issuer: { kind: 'name', text: 'list sensetime' },
    });
  });

  it('reads list, help, ? and an empty command', () => {
    expect(parseSharesQuery('list')).toEqual({ kind: 'list' });
    expect(parseSharesQuery('LIST')).toEqual({ kind: 'list' });
    expect(parseSharesQuery('help')).toEqual({ kind: 'help' });
    expect(parseSharesQuery('?')).toEqual({ kind: 'help' });
    expect(parseSharesQuery('00020 help')).toEqual({ kind: 'help' });
    expect(parseSharesQuery('')).toEqual({ kind: 'help' });
  });

  it('refuses a code of more than five digits, written any way', () => {
    expect(badInput('0000020')).toContain('0000020 is not a stock code');
    expect(badInput('000020.HK history')).toContain('000020.HK is not a stock code');
  });

  it('reads six bare digits as a Shanghai or Shenzhen code, never as a mistyped HKEX code', () => {
    const sse = { kind: 'other-exchange-code', code: { exchange: 'SSE', stockCode: '600036' } };
    expect(parseSharesQuery('600036')).toEqual({ kind: 'latest', issuer: sse });
    expect(parseSharesQuery('000333 2024-01')).toEqual({
      kind: 'month',
      issuer: { kind: 'other-exchange-code', code: { exchange: 'SZSE', stockCode: '000333' } },
      month: '2024-01',
    });
    expect(parseSharesQuery('history 900901')).toMatchObject({
      kind: 'history',
      issuer: { code: { exchange: 'SSE' } },
    });
    expect(badInput('830799')).toContain('830799 is not a stock code');
    expect(notAStockCode('600036')).toBe(
      "600036 is a Shanghai Stock Exchange code (six digits, as A and B shares are numbered there), not an HKEX one: HKEX codes have one to five digits, such as 00020. Ask with the issuer's HKEX code (its H shares') or a word of its name, for example `/shares sensetime`.",
    );
  });

  it('says what it does not understand after a code', () => {
    expect(badInput('00020 foo bar')).toBe(
      'I don\'t know what "foo bar" means after 00020. Try `/shares 00020`, `/shares 00020 2023-11` or `/shares 00020 history`.',
    );
  });

  it('refuses a name longer than any issuer has, saying how long a name may be', () => {
    expect(badInput('a'.repeat(MAX_NAME_CHARS + 1))).toBe(
      `No issuer's name is that long (${MAX_NAME_CHARS + 1} characters; \`/shares\` searches names of up to ${MAX_NAME_CHARS}). Try a word of the name, for example \`/shares sensetime\`.`,
    );
  });

  it('refuses a query of 4,000 characters before reading it', () => {
    expect(badInput(`x${' sensetme'.repeat(444)}`)).toBe(
      'That is 3,997 characters: `/shares` reads at most 1,000. Ask for a code, a name or a month, for example `/shares 00020`.',
    );
  });
});

describe('parseSharesQuery: watch and unwatch', () => {
  it.each(['watch 00020 700 5.HK', '00020 700 5.HK watch', 'WATCH 20, 0700, HK0005'])('reads "%s"', (text) => {
    expect(parseSharesQuery(text)).toEqual({ kind: 'watch', codes: ['00020', '00700', '00005'], malformed: [] });
  });

  it('reads unwatch either way round, keeping the words that are not codes', () => {
    const expected = { kind: 'unwatch', codes: ['00005'], malformed: ['ABC'] };
    expect(parseSharesQuery('unwatch 5.HK ABC')).toEqual(expected);
    expect(parseSharesQuery('HK0005 ABC unwatch')).toEqual(expected);
  });

  it('refuses a watch of no codes, naming what is not a code', () => {
    expect(badInput('watch tencent')).toBe(
      '"tencent" is not a stock code: HKEX codes have one to five digits, such as 00020 or 700. Try `/shares watch 00020 00700`.',
    );
    expect(badInput('unwatch')).toBe('Name the stock codes, for example `/shares unwatch 00020 00700`.');
  });

  it('normalises 700, 0005 and 5.HK, drops repeats and keeps what is not a code', () => {
    expect(parseStockCodes(['700,', '0005', '5.HK', 'ABC', '123456', '00700'])).toEqual({
      codes: ['00700', '00005'],
      malformed: ['ABC', '123456'],
    });
  });

  it('accepts a watch of 100 codes', () => {
    const codes = Array.from({ length: 100 }, (_, i) => String(i + 1).padStart(5, '0'));
    expect(parseSharesQuery(`watch ${codes.join(' ')}`)).toEqual({ kind: 'watch', codes, malformed: [] });
  });
});

describe('parseSharesQuery: watchlist and digest', () => {
  it('reads watchlist, and says what to do with words after it', () => {
    expect(parseSharesQuery('watchlist')).toEqual({ kind: 'watchlist' });
    expect(badInput('watchlist 00020')).toBe(
      '`/shares watchlist` takes nothing after it. To add codes: `/shares watch 00020`.',
    );
  });

  it.each(NOVEMBER_2023)('reads "digest %s" and "%s digest" as the digest of November 2023', (month) => {
    expect(parseSharesQuery(`digest ${month}`)).toEqual({ kind: 'digest', month: '2023-11' });
    expect(parseSharesQuery(`${month} digest`)).toEqual({ kind: 'digest', month: '2023-11' });
  });

  it('reads digest alone as last month, and on and off either way round', () => {
    expect(parseSharesQuery('digest')).toEqual({ kind: 'digest', month: null });
    expect(parseSharesQuery('digest OFF')).toEqual({ kind: 'digest-toggle', on: false });
    expect(parseSharesQuery('on digest')).toEqual({ kind: 'digest-toggle', on: true });
  });

  it('refuses what is neither a month nor on or off, with a suggestion', () => {
    expect(badInput('digest offf')).toBe(
      '"offf" is not a month: try `/shares digest 2023-11`, `/shares digest` for last month, or `/shares digest off`. Did you mean `/shares digest off`?',
    );
    expect(badInput('digest 2023-11 on')).toBe(
      '`/shares digest` takes one word: a month such as 2023-11, `on` or `off`.',
    );
  });
});

describe('parseSharesQuery: history range and export', () => {
  it('reads a range of months, before or after the sub-command', () => {
    const expected = {
      kind: 'history',
      issuer: { kind: 'code', code: '00020' },
      months: { since: '2024-01', until: '2025-06' },
    };
    expect(parseSharesQuery('00020 history 2024-01..2025-06')).toEqual(expected);
    expect(parseSharesQuery('history 20 2024/01..06/2025')).toEqual(expected);
    expect(parseSharesQuery('00020 2024-01..2025-06 history')).toEqual(expected);
  });

  it('reads an open end', () => {
    expect(parseSharesQuery('00020 history 2024-01..')).toMatchObject({ months: { since: '2024-01', until: null } });
    expect(parseSharesQuery('00020 history ..06/2025')).toMatchObject({ months: { since: null, until: '2025-06' } });
  });

  it('reads csv as an export of the history, with or without a range', () => {
    expect(parseSharesQuery('00020 history csv')).toEqual({
      kind: 'history',
      issuer: { kind: 'code', code: '00020' },
      export: 'csv',
    });
    expect(parseSharesQuery('history 00020 CSV 2024-01..2024-03')).toMatchObject({
      export: 'csv',
      months: { since: '2024-01', until: '2024-03' },
    });
  });

  it('refuses a range that is not one, with an example', () => {
    expect(badInput('00020 history 2024-13..2025-01')).toBe(
      '2024-13 is not a month: write it as YYYY-MM, for example 2023-11.',
    );
    expect(badInput('00020 history 2025-06..2024-01')).toBe('The range starts at 2025-06, after it ends at 2024-01.');
    expect(badInput('00020 history ..')).toContain('is not a range of months');
  });

  it('reads `fetch N` as the months to fill in from HKEXnews, beside a range or an export', () => {
    expect(parseSharesQuery('00020 history fetch 36')).toEqual({
      kind: 'history',
      issuer: { kind: 'code', code: '00020' },
      fetchMonths: 36,
    });
    expect(parseSharesQuery('history fetch 24 00020 csv')).toMatchObject({ fetchMonths: 24, export: 'csv' });
    expect(badInput('00020 history fetch')).toBe(
      '`fetch` takes a number of months from 1 to 120, for example `/shares 00020 history fetch 36`.',
    );
    expect(badInput('00020 history fetch 0')).toContain('from 1 to 120');
  });

  it('leaves csv alone where no history is asked for: a name to search', () => {
    expect(parseSharesQuery('csv')).toEqual({ kind: 'latest', issuer: { kind: 'name', text: 'csv' } });
  });
});
