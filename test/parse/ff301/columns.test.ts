import { describe, expect, it } from 'vitest';
import type { TextItem } from '../../../src/domain/extracted-document.js';
import { findColumns, placeSegments } from '../../../src/parse/ff301/columns.js';
import { segmentLine } from '../../../src/parse/ff301/segments.js';
import { LINE_SETTINGS } from '../../../src/parse/layout/line-settings.js';
import { buildLines } from '../../../src/parse/layout/lines.js';
import { at, documentOf } from '../document-builder.js';

/** The headings of 01477's III(A), where they sit on the page. */
const OPTION_HEADINGS = [
  at(27.9, 163.0, 'Particulars of share option'),
  at(64.5, 173.8, 'scheme'),
  at(155.8, 152.2, 'Number of share'),
  at(145.3, 163.0, 'options outstanding at'),
  at(152.8, 173.8, 'close of preceding'),
  at(176.8, 184.6, 'month'),
  at(261.4, 168.4, 'Movement during the month'),
  at(397.7, 157.6, 'Number of share options'),
  at(402.0, 168.4, 'outstanding at close of'),
  at(427.0, 179.2, 'the month'),
  at(507.8, 152.2, 'No. of new shares of'),
  at(501.5, 163.0, 'issuer issued during the'),
  at(502.5, 173.8, 'month pursuant thereto'),
  at(543.1, 184.6, '(A)'),
];

describe('findColumns', () => {
  it('groups the wrapped lines of each centred heading into one column', () => {
    const columns = findColumns(buildLines(documentOf(OPTION_HEADINGS), LINE_SETTINGS.FF301));
    expect(columns.map((column) => column.heading)).toEqual([
      'Particulars of share option scheme',
      'Number of share options outstanding at close of preceding month',
      'Movement during the month',
      'Number of share options outstanding at close of the month',
      'No. of new shares of issuer issued during the month pursuant thereto (A)',
    ]);
  });

  it('drops a heading set over two columns ("Price (if applicable)" over currency and amount)', () => {
    const columns = findColumns(
      buildLines(
        documentOf([
          at(280, 100, 'Price (if applicable)'),
          at(282, 110, 'Currency'),
          at(340, 110, 'Amount'),
          at(290, 120, 'of'),
        ]),
        LINE_SETTINGS.FF301,
      ),
    );
    expect(columns.map((column) => column.heading)).toEqual(['Currency of', 'Amount']);
  });
});

describe('placeSegments', () => {
  const columns = findColumns(buildLines(documentOf(OPTION_HEADINGS), LINE_SETTINGS.FF301));
  const place = (...items: TextItem[]) => {
    const [line] = buildLines(documentOf(items), LINE_SETTINGS.FF301);
    return placeSegments(columns, line ? segmentLine(line) : []).map(({ segment, column }) => [segment.text, column]);
  };

  it('puts right-aligned figures under the heading that starts left of their right edge', () => {
    expect(
      place(
        at(200.0, 217.4, '21,527,316', 7.5),
        at(365.0, 217.4, '-144,400', 7.5),
        at(459.1, 217.4, '24,898,952', 7.5),
      ),
    ).toEqual([
      ['21,527,316', 1],
      ['-144,400', 2],
      ['24,898,952', 3],
    ]);
  });

  it('puts a movement label, set flush left in its cell, under the movement heading', () => {
    expect(place(at(240.4, 235.3, 'Exercised'))).toEqual([['Exercised', 2]]);
  });

  it('cuts an item that runs from a figure cell into a text cell', () => {
    expect(place(at(200, 217.4, '21,527,316 Granted'))).toEqual([
      ['21,527,316', 1],
      ['Granted', 2],
    ]);
  });

  it('keeps prose with figures in it as one piece of its column', () => {
    expect(place(at(39.1, 143.7, '2021 Share Award Scheme (Adopted by the Company on 2 July 2021'))).toEqual([
      ['2021 Share Award Scheme (Adopted by the Company on 2 July 2021', 0],
    ]);
  });
});
