import { describe, expect, it } from 'vitest';
import { LINE_SETTINGS } from '../../../src/parse/layout/line-settings.js';
import { buildLines, joinWords } from '../../../src/parse/layout/lines.js';
import { splitIntoWords } from '../../../src/parse/layout/text-width.js';
import { at, documentOf } from '../document-builder.js';

describe('buildLines with the FF301 settings', () => {
  const { FF301 } = LINE_SETTINGS;

  it('puts a row label set a point lower than its figures on the figures line (本月底結存)', () => {
    const [line, ...rest] = buildLines(
      documentOf([at(22.1, 174.3, '本月底結存'), at(355.6, 174.1, '11,455,686')]),
      FF301,
    );
    expect(rest).toEqual([]);
    expect(line?.text).toBe('本月底結存 11,455,686');
  });

  it('keeps wrapped lines apart and in reading order across pages', () => {
    const lines = buildLines(
      documentOf(
        [
          at(39.1, 228.4, 'Plan (Adopted by the'),
          at(39.1, 217.6, 'Employee Stock Option'),
          at(200, 217.4, '21,527,316', 7.5),
        ],
        [at(22.1, 57.6, 'II. Movements in Issued Shares', 10)],
      ),
      FF301,
    );
    expect(lines.map((line) => [line.page, line.text])).toEqual([
      [1, 'Employee Stock Option 21,527,316'],
      [1, 'Plan (Adopted by the'],
      [2, 'II. Movements in Issued Shares'],
    ]);
  });

  it('joins items that touch, such as a figure split where its font changes', () => {
    const first = at(350, 100, '114,556');
    const second = at(first.x + first.width, 100, ',865');
    const [line] = buildLines(documentOf([first, second]), FF301);
    expect(line?.words.map((word) => word.text)).toEqual(['114,556,865']);
  });
});

describe('splitIntoWords', () => {
  it('places the words of an item that pdf.js joined across two cells, to within a point', () => {
    // "52,377,600 Issued" from 01723's III(C): the amount ends its cell, the label starts the next one. The same
    // amount printed alone on that page is 30.0 points wide, so it truly ends at 299.9.
    const [amount, label] = splitIntoWords('52,377,600 Issued', 269.9, 50.5);
    expect(Math.abs((amount?.x1 ?? 0) - 299.9)).toBeLessThan(1);
    expect(label?.x0).toBeGreaterThan(amount?.x1 ?? 0);
    expect(label?.x1).toBeCloseTo(320.4, 5);
  });
});

describe('joinWords', () => {
  it('joins Chinese without spaces and English with them', () => {
    expect(joinWords([{ text: '資本' }, { text: '重組' }, { text: 'HKD' }, { text: '0.1' }])).toBe('資本重組 HKD 0.1');
  });
});
