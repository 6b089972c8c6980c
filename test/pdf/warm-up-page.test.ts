import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/pdf/extract-text.js';
import { openPdf } from '../../src/pdf/pdf-library.js';
import { renderWarmUpPage } from '../../src/pdf/warm-up-page.js';

/**
 * What pdf.js's page object has beyond what the reader uses: the operators drawing would run, whose fonts pdf.js
 * loads in full and keeps, each saying whether its program was read (`missingFile` is set where pdf.js fell back to
 * a system font: no program, or one it could not parse).
 */
interface PageWithFonts {
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  commonObjs: { get(id: string): { name?: unknown; missingFile?: unknown } };
}

function hasFonts(page: object): page is PageWithFonts {
  return 'getOperatorList' in page && 'commonObjs' in page;
}

/** pdf.js's OPS.setFont: its arguments are the loaded font's id and the size. */
const SET_FONT = 37;

describe('renderWarmUpPage', () => {
  it('reads back its CID-font text through Adobe-GB1 and Adobe-CNS1, and its embedded-font lines a word per item', async () => {
    const doc = await extractText(renderWarmUpPage());
    expect(doc.pages).toHaveLength(3);
    const items = doc.pages[0]?.items ?? [];
    // No ToUnicode map: these two read only if pdf.js went through the character collections' UCS2 maps.
    expect(items.slice(0, 2).map((item) => item.text)).toEqual(['WARMGB1', 'WARMCNS1']);
    expect(items.slice(2, 5).map((item) => [item.text, Math.round(item.x), Math.round(item.y)])).toEqual([
      ['Monthly', 22, 35],
      ['Return', 65, 35],
      ['for', 103, 35],
    ]);
    // The two embedded LiberationSans faces, regular and bold by turns: pdf.js names a font by its load order.
    expect(new Set(items.slice(2, 2 + 60 * 8).map((item) => item.fontName)).size).toBe(2);
    expect(items).toHaveLength(2 + 60 * 8 + 9);
  });

  it('reads the Chinese labels and the tick set in its embedded CID-keyed CFF fonts', async () => {
    const items = (await extractText(renderWarmUpPage())).pages[0]?.items.slice(2 + 60 * 8) ?? [];
    expect(items.map((item) => [item.text, Math.round(item.x), Math.round(item.y)])).toEqual([
      // GB1, no ToUnicode map: ideographs, digits and punctuation through Adobe-GB1's UCS2 map.
      ['股份發行人的證券變動月報表', 452, 104],
      ['截至月份: 2025年9月30日', 452, 124],
      ['1. 股份分類', 452, 144],
      ['普通股', 452, 164],
      ['證券代號 (如上市)', 452, 184],
      ['has been complied with', 488, 256],
      // Adobe-Identity with a ToUnicode map: code 79 is U+2714, as the e-form's tick.
      ['✔', 458, 256],
      ['．', 458, 271],
      ['the same nominal value', 480, 271],
    ]);
  });

  it('has pdf.js read both CFF programs, where the unembedded CID fonts fall back', async () => {
    const pdf = await openPdf(renderWarmUpPage());
    try {
      const page = await (await pdf.document).getPage(1);
      if (!hasFonts(page)) throw new Error('pdf.js page without getOperatorList or commonObjs');
      const { fnArray, argsArray } = await page.getOperatorList();
      const ids = new Set(fnArray.flatMap((fn, i) => (fn === SET_FONT ? [String(argsArray[i]?.[0])] : [])));
      const fonts = [...ids].map((id) => page.commonObjs.get(id)).map((font) => [font.name, font.missingFile]);
      expect(fonts).toEqual([
        ['AdobeHeitiStd-Regular', true],
        ['AdobeHeitiStd-Regular', true],
        ['KPGVHD+LiberationSans', false],
        ['KPGVHD+LiberationSans-Bold', false],
        ['WARMUP+WarmUpHei-Regular', false],
        ['WARMUP+WarmUpPi', false],
      ]);
    } finally {
      await pdf.destroy();
    }
  });
});
