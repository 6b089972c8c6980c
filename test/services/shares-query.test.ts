import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/domain/errors.js';
import { parseReportMonth, parseSharesQuery } from '../../src/services/shares-query.js';

function badInput(text: string): string {
  try {
    parseSharesQuery(text);
  } catch (error) {
    if (isAppError(error, 'bad-input')) return error.message;
    throw error;
  }
  throw new Error(`"${text}" was accepted`);
}

describe('parseSharesQuery', () => {
  it.each(['00020', '20', '0020', ' 20 '])('reads "%s" as the latest return of 00020', (text) => {
    expect(parseSharesQuery(text)).toEqual({ kind: 'latest', issuer: { kind: 'code', code: '00020' } });
  });

  it('reads a code and a month', () => {
    expect(parseSharesQuery('00020 2023-11')).toEqual({
      kind: 'month',
      issuer: { kind: 'code', code: '00020' },
      month: '2023-11',
    });
  });

  it('reads history, for a code or a name', () => {
    expect(parseSharesQuery('20 history')).toEqual({ kind: 'history', issuer: { kind: 'code', code: '00020' } });
    expect(parseSharesQuery('sense time HISTORY')).toEqual({
      kind: 'history',
      issuer: { kind: 'name', text: 'sense time' },
    });
  });

  it('reads list, help and an empty command', () => {
    expect(parseSharesQuery('list')).toEqual({ kind: 'list' });
    expect(parseSharesQuery('help')).toEqual({ kind: 'help' });
    expect(parseSharesQuery('')).toEqual({ kind: 'help' });
  });

  it('hands the watchlist words over with their arguments', () => {
    expect(parseSharesQuery('watch 00020 700')).toEqual({ kind: 'watch', args: ['watch', '00020', '700'] });
    expect(parseSharesQuery('digest 2023-11')).toEqual({ kind: 'watch', args: ['digest', '2023-11'] });
  });

  it('treats other words as a name search', () => {
    expect(parseSharesQuery('sensetime')).toEqual({ kind: 'latest', issuer: { kind: 'name', text: 'sensetime' } });
  });

  it('refuses a code of more than five digits', () => {
    expect(badInput('000020')).toContain('000020 is not a stock code');
  });

  it('suggests history for a typo after a code', () => {
    expect(badInput('00020 histroy')).toBe('Did you mean `/shares 00020 history`?');
  });

  it('refuses a month that does not exist', () => {
    expect(badInput('00020 2023-13')).toBe('2023-13 is not a month: write it as YYYY-MM, for example 2023-11.');
  });
});

describe('parseReportMonth', () => {
  it.each([
    ['2023-11', '2023-11'],
    ['2023/1', '2023-01'],
    ['202311', '2023-11'],
    ['11/2023', '2023-11'],
    ['sensetime', null],
  ])('reads %s as %s', (word, month) => {
    expect(parseReportMonth(word)).toBe(month);
  });
});
