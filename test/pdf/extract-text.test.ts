import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { DEFAULT_EXTRACT_LIMITS, extractText, isPdf } from '../../src/pdf/extract-text.js';
import { makePdf } from './make-pdf.js';

/** Helvetica's advance widths, from its AFM file, for the characters the test prints. */
const HELVETICA_AFM: Record<string, number> = {
  ' ': 278,
  B: 667,
  a: 556,
  c: 500,
  e: 556,
  f: 278,
  h: 556,
  l: 222,
  m: 833,
  n: 556,
  o: 556,
  s: 500,
  t: 278,
};

function helveticaWidth(text: string, size: number): number {
  return ([...text].reduce((sum, c) => sum + (HELVETICA_AFM[c] ?? Number.NaN), 0) * size) / 1000;
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw new Error(`expected an AppError, got ${String(error)}`);
  }
  throw new Error('expected the extraction to fail');
}

describe('extractText', () => {
  it('gives each piece of text with its position from the top-left of the page', async () => {
    const bytes = await makePdf({
      landscape: true,
      pages: [
        [
          [22, 100, 'Balance at close of the month'],
          [350, 100, '690,903,850'],
        ],
      ],
    });
    const doc = await extractText(bytes, DEFAULT_EXTRACT_LIMITS, 'two-items.pdf');
    expect(doc.pages).toHaveLength(1);
    const [page] = doc.pages;
    expect(page?.width).toBeCloseTo(841.89, 1);
    expect(page?.height).toBeCloseTo(595.28, 1);
    const figure = page?.items.find((item) => item.text === '690,903,850');
    expect(figure?.x).toBeCloseTo(350, 0);
    // pdfkit places text by its top; the baseline is about one line of 9-point type lower.
    expect(figure?.y).toBeGreaterThan(100);
    expect(figure?.y).toBeLessThan(110);
    expect(figure?.height).toBe(9);
    expect(page?.items.map((item) => item.text)).toContain('Balance at close of the month');
  });

  it("sizes text in a standard font the PDF does not embed, from the font's own metrics", async () => {
    const text = 'Balance at close of the month';
    const bytes = await makePdf({ pages: [[[72, 72, text]]] });
    const [item] = (await extractText(bytes)).pages[0]?.items ?? [];
    expect(item?.text).toBe(text);
    expect(item?.fontName).not.toBe('');
    // Helvetica's advance widths (Adobe's AFM, in thousandths of an em) summed for the text, at 9 points.
    expect(item?.width).toBeCloseTo(helveticaWidth(text, 9), 3);
  });

  it('refuses a file that is not a PDF', async () => {
    const error = await failureOf(
      extractText(new TextEncoder().encode('Name of Issuer: not a pdf'), undefined, 'notes.txt'),
    );
    expect(error.code).toBe('unreadable-filing');
    expect(error.message).toBe('notes.txt is not a PDF');
  });

  it('refuses a truncated PDF as unreadable', async () => {
    const bytes = await makePdf();
    const error = await failureOf(extractText(bytes.subarray(0, 300), undefined, 'truncated.pdf'));
    expect(error.code).toBe('unreadable-filing');
    expect(error.message).toMatch(/^truncated\.pdf could not be read as a PDF/);
  });

  it('refuses a PDF whose body is garbage', async () => {
    const bytes = new TextEncoder().encode(`%PDF-1.7\n${'garbage '.repeat(200)}\n%%EOF`);
    const error = await failureOf(extractText(bytes, undefined, 'corrupt.pdf'));
    expect(error.code).toBe('unreadable-filing');
  });

  it('says when a PDF needs a password', async () => {
    const bytes = await makePdf({ userPassword: 'secret' });
    const error = await failureOf(extractText(bytes, undefined, 'locked.pdf'));
    expect(error.code).toBe('encrypted-filing');
    expect(error.message).toBe('locked.pdf is protected by a password');
  });

  it('says when a PDF has no text layer', async () => {
    const error = await failureOf(extractText(await makePdf({ noText: true }), undefined, 'scan.pdf'));
    expect(error.code).toBe('no-text-layer');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const bytes = await makePdf();
    const error = await failureOf(extractText(bytes, { ...DEFAULT_EXTRACT_LIMITS, maxBytes: 1000 }, 'big.pdf'));
    expect(error.code).toBe('filing-too-large');
    expect(error.facts).toMatchObject({ fileName: 'big.pdf', bytes: bytes.byteLength, maxBytes: 1000 });
  });

  it('refuses a PDF with more pages than the limit', async () => {
    const bytes = await makePdf({ pages: [[[72, 72, 'one']], [[72, 72, 'two']], [[72, 72, 'three']]] });
    const error = await failureOf(extractText(bytes, { ...DEFAULT_EXTRACT_LIMITS, maxPages: 2 }, 'long.pdf'));
    expect(error.code).toBe('filing-too-large');
    expect(error.message).toBe('long.pdf has 3 pages; the limit is 2');
  });

  it('gives up with a timeout error when reading takes longer than the limit', async () => {
    const bytes = await makePdf({
      pages: Array.from({ length: 20 }, (_, page) => [[72, 72, `page ${page + 1}`] as const]),
    });
    const error = await failureOf(extractText(bytes, { ...DEFAULT_EXTRACT_LIMITS, timeoutMs: 0 }, 'slow.pdf'));
    expect(error.code).toBe('timeout');
    expect(error.facts).toMatchObject({ fileName: 'slow.pdf', timeoutMs: 0 });
  });

  it.runIf(existsSync('/proc/self/maps'))('reads text without loading the native canvas addon', async () => {
    const bytes = await makePdf({ pages: [[[72, 72, 'no drawing'] as const]] });
    const doc = await extractText(bytes);
    expect(doc.pages[0]?.items.map((item) => item.text)).toEqual(['no drawing']);
    const mapped = readFileSync('/proc/self/maps', 'utf8')
      .split('\n')
      .filter((line) => line.includes('@napi-rs'));
    expect(mapped).toEqual([]);
  });

  it('recognises a PDF header within the first kilobyte', () => {
    expect(isPdf(new TextEncoder().encode('\n\n%PDF-1.4\n'))).toBe(true);
    expect(isPdf(new TextEncoder().encode('PK\u0003\u0004 a zip'))).toBe(false);
  });
});
