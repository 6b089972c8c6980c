import { describe, expect, it } from 'vitest';
import { parseFormDate } from '../../src/parse/dates.js';

describe('parseFormDate', () => {
  it.each([
    ['31 December 2023', '2023-12-31'],
    ['05 September 2024', '2024-09-05'],
    ['5 Sept 2024', '2024-09-05'],
    ['2025年9月30日', '2025-09-30'],
    ['2025 年 9 月 29 日', '2025-09-29'],
    ['31/1/2011', '2011-01-31'],
  ])('reads "%s" as %s', (text, iso) => {
    expect(parseFormDate(text)).toBe(iso);
  });

  it('reads a blank or "N/A" as no date', () => {
    expect(parseFormDate('')).toBeNull();
    expect(parseFormDate('N/A')).toBeNull();
  });

  it('refuses text that is no date, and dates that do not exist', () => {
    expect(parseFormDate('July 2021, as amended')).toBeUndefined();
    expect(parseFormDate('31 February 2024')).toBeUndefined();
    expect(parseFormDate('12 Octopus 2024')).toBeUndefined();
  });
});
