import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/pdf/extract-text.js';
import { renderWarmUpPage } from '../../src/pdf/warm-up-page.js';

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
    expect(new Set(items.slice(2).map((item) => item.fontName)).size).toBe(2);
    expect(items).toHaveLength(2 + 60 * 8);
  });
});
