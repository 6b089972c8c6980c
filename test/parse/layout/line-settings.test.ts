import { describe, expect, it } from 'vitest';
import type { TextItem } from '../../../src/domain/extracted-document.js';
import { LINE_SETTINGS, type LineSettings } from '../../../src/parse/layout/line-settings.js';
import { buildLines, joinItems, placeItems } from '../../../src/parse/layout/lines.js';
import { at, documentOf } from '../document-builder.js';

const { FF301, legacy } = LINE_SETTINGS;

function textsOf(settings: LineSettings, ...pages: readonly TextItem[][]): string[] {
  return buildLines(documentOf(...pages), settings).map((line) => line.text);
}

/** Two items on one baseline, the second starting `gap` points after the first ends. */
function apart(gap: number, size: number, left = 'Class of sha', right = 'res issuable'): TextItem[] {
  const first = at(100, 200, left, size);
  return [first, at(first.x + first.width + gap, 200, right, size)];
}

describe('baselines on one line', () => {
  it('puts items 3 pt apart in 9-point type on one line under FF301 (3.2 pt) and on two under legacy (2.5 pt)', () => {
    const items = [at(100, 200, 'Total'), at(300, 203, '1,000')];
    expect(textsOf(FF301, items)).toEqual(['Total 1,000']);
    expect(textsOf(legacy, items)).toEqual(['Total', '1,000']);
  });

  it('puts items 2.2 pt apart in 5-point type on one line under legacy (2.5 pt) and on two under FF301 (2 pt)', () => {
    const items = [at(100, 200, 'Total', 5), at(300, 202.2, '1,000', 5)];
    expect(textsOf(legacy, items)).toEqual(['Total 1,000']);
    expect(textsOf(FF301, items)).toEqual(['Total', '1,000']);
  });

  it('measures from the line’s first baseline, so a slope of small steps still breaks the line', () => {
    const items = [at(100, 200, 'a'), at(150, 201.5, 'b'), at(200, 203, 'c')];
    expect(textsOf(legacy, items)).toEqual(['a b', 'c']);
  });

  it('never joins items of two pages, under either settings', () => {
    for (const settings of [FF301, legacy]) {
      expect(textsOf(settings, [at(100, 300, 'Total')], [at(300, 300, '1,000')])).toEqual(['Total', '1,000']);
    }
  });
});

describe('items that touch', () => {
  it('joins items 1.05 pt apart in 9-point type under FF301 (1.08 pt) but not under legacy (1 pt)', () => {
    expect(textsOf(FF301, apart(1.05, 9))).toEqual(['Class of shares issuable']);
    expect(textsOf(legacy, apart(1.05, 9))).toEqual(['Class of sha res issuable']);
  });

  it('joins items 0.9 pt apart in 5-point type under legacy (1 pt) but not under FF301 (0.6 pt)', () => {
    expect(textsOf(legacy, apart(0.9, 5))).toEqual(['Class of shares issuable']);
    expect(textsOf(FF301, apart(0.9, 5))).toEqual(['Class of sha res issuable']);
  });

  it('joins items overlapping by 1 pt under legacy only (FF301 allows 0.5 pt of overlap)', () => {
    expect(textsOf(legacy, apart(-1, 9))).toEqual(['Class of shares issuable']);
    expect(textsOf(FF301, apart(-1, 9))).toEqual(['Class of sha res issuable']);
  });

  it('makes a run one item of the line under FF301 and keeps the printed items under legacy', () => {
    const items = apart(0, 9, '114,556', ',865');
    const [ff301Line] = buildLines(documentOf(items), FF301);
    const [legacyLine] = buildLines(documentOf(items), legacy);
    expect(ff301Line?.items.map((item) => item.text)).toEqual(['114,556,865']);
    expect(ff301Line?.items[0]?.right).toBe((items[1] as TextItem).x + (items[1] as TextItem).width);
    expect(legacyLine?.items.map((item) => item.text)).toEqual(['114,556', ',865']);
    expect(legacyLine?.words.map((word) => word.text)).toEqual(['114,556,865']);
  });

  it('joins the items of a cell by the same rule, whatever their baselines', () => {
    const currency = at(300, 210, 'HK$');
    const cell = [at(100, 200, 'Par value:'), currency, at(currency.x + currency.width + 0.5, 210, '0.10')];
    expect(joinItems(placeItems(documentOf(cell), legacy), legacy)).toBe('Par value: HK$0.10');
  });
});

describe('running headers', () => {
  const ISSUERS = 'For Main Board and GEM listed issuers';
  const PART_II = 'II. Movements in Issued Share Capital';
  // Four pages of the Word template: the issuer line atop three of them, a part heading in each page's body (so
  // on every page, but not in a margin), a form letter atop page 1 only, and page numbers at the foot.
  const pages = [1, 2, 3, 4].map((page) => [
    ...(page < 4 ? [at(300, 30, ISSUERS)] : []),
    ...(page === 1 ? [at(100, 30, 'FORM A')] : []),
    at(100, 300, PART_II),
    at(420, 570, String(page)),
  ]);

  it('drops texts in the margins of most pages, and page numbers, under legacy', () => {
    expect(textsOf(legacy, ...pages)).toEqual(['FORM A', PART_II, PART_II, PART_II, PART_II]);
  });

  it('keeps every item under FF301', () => {
    const texts = [`FORM A ${ISSUERS}`, PART_II, '1', ISSUERS, PART_II, '2', ISSUERS, PART_II, '3', PART_II, '4'];
    expect(textsOf(FF301, ...pages)).toEqual(texts);
  });
});

describe('line position', () => {
  it('gives a line the pos of its leftmost item and the baseline of its highest', () => {
    const [line] = buildLines(documentOf([], [at(300, 200, '1,000'), at(100, 201.5, 'Total')]), legacy);
    expect(line?.text).toBe('Total 1,000');
    expect(line?.pos).toBe(20_201.5);
    expect(line?.y).toBe(200);
  });
});
