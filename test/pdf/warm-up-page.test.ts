import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/pdf/extract-text.js';
import { renderWarmUpPage } from '../../src/pdf/warm-up-page.js';

describe('renderWarmUpPage', () => {
  it('reads back its CID-font text through Adobe-GB1 and Adobe-CNS1, and its lines a word per item', async () => {
    const doc = await extractText(renderWarmUpPage());
    const items = doc.pages[0]?.items ?? [];
    // No ToUnicode map: these two read only if pdf.js went through the character collections' UCS2 maps.
    expect(items.slice(0, 2).map((item) => item.text)).toEqual(['WARMGB1', 'WARMCNS1']);
    expect(items.slice(2, 5).map((item) => [item.text, Math.round(item.x), Math.round(item.y)])).toEqual([
      ['Monthly', 22, 242],
      ['Return', 60, 242],
      ['for', 98, 242],
    ]);
    expect(items).toHaveLength(2 + 60 * 8);
  });
});
