/**
 * pdf.js's worker changed for text only (src/pdf/pdf-worker-text-only.ts): every change applies to the installed
 * pdf.js, and pdf.js gives exactly the same text items with it as with its own worker, for every fixture and, where
 * the corpus is present, for real returns whose fonts the changes are about: the Chinese FF301's CID-keyed CFF font
 * with no ToUnicode map (which the fixtures, drawn with TrueType fonts, do not have), an English FF301's subset
 * TrueType and CFF fonts, and a pre-2021 Chinese return's CID TrueType fonts of 22,000-51,000 glyphs.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defaultFilingsDir } from '../../scripts/accuracy/corpus.js';
import { FONT_FILE_PREAMBLE } from '../../src/pdf/pdf-worker-font-changes.js';
import { changeWorkerSource } from '../../src/pdf/pdf-worker-text-only.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const WORKER = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs', { paths: [require.resolve('pdf-parse')] });

const fixtures = readdirSync(path.join(ROOT, 'fixtures'))
  .filter((name) => name.endsWith('.pdf'))
  .map((name) => path.join(ROOT, 'fixtures', name));
const corpusReturns = ['00328_2024-12.pdf', '00328_2025-09.pdf', '01723_2026-01.pdf', 'zh-legacy/01149_2013-09_zh.pdf']
  .map((name) => path.join(defaultFilingsDir(), name))
  .filter((file) => existsSync(file));

/** The preamble's check of a TrueType font's glyph locations, as the worker runs it. */
const glyphsInOrder = new Function(`${FONT_FILE_PREAMBLE}return textOnlyGlyphsInOrder;`)() as (
  loca: Uint8Array,
  glyfLength: number,
  numGlyphs: number,
  isGlyphLocationsLong: number,
) => boolean;

async function itemsOf(mode: 'made' | 'built' | 'stock', files: string[]) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'text-items-child.ts'), mode, ...files],
    { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as { textOnly: boolean; items: Record<string, { str: string }[][]> };
}

describe('the text-only pdf.js worker', () => {
  it('makes each of its changes to the installed pdf.js worker', () => {
    const changed = changeWorkerSource(readFileSync(WORKER, 'utf8'));
    expect('missing' in changed ? changed.missing : 'every change made').toBe('every change made');
  });

  it('says which change no longer applies, rather than changing something else', () => {
    const source = readFileSync(WORKER, 'utf8').replace('this.data = compiler.compile();', 'this.data = compile();');
    expect(changeWorkerSource(source)).toEqual({ missing: 'no compiled CFF table for drawing' });
    const moved = readFileSync(WORKER, 'utf8').replace('missingGlyphs = glyphsInfo.missingGlyphs;', '');
    expect(changeWorkerSource(moved)).toEqual({
      missing: "a TrueType font's glyphs are rewritten only where pdf.js's rewriting could fail",
    });
    const unread = readFileSync(WORKER, 'utf8').replace(
      'data = this.checkAndRepair(name, file, properties);',
      'data = this.checkAndRepair(name, file, properties, null);',
    );
    expect(changeWorkerSource(unread)).toEqual({
      missing: 'a simple TrueType font whose file cannot change its text is not read',
    });
  });

  it("tells a TrueType font's glyph locations that run in order from those pdf.js must rewrite as before", () => {
    // Short locations are half the offset: 0, 10, 10, 18 in a glyph table of 18 bytes.
    expect(glyphsInOrder(new Uint8Array([0, 0, 0, 5, 0, 5, 0, 9]), 18, 3, 0)).toBe(true);
    expect(glyphsInOrder(new Uint8Array([0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0]), 256, 2, 1)).toBe(true);
    // Offsets past the glyph table are its end (100 and 120 in 20 bytes), as pdf.js takes them.
    expect(glyphsInOrder(new Uint8Array([0, 0, 0, 50, 0, 60]), 20, 2, 0)).toBe(true);
    // Glyph 2 starts before glyph 1 (0, 18, 10, 18): glyphs overlap.
    expect(glyphsInOrder(new Uint8Array([0, 0, 0, 9, 0, 5, 0, 9]), 18, 3, 0)).toBe(false);
    // A location table too short for its glyphs reads 0 past its end, as pdf.js's copy of it does.
    expect(glyphsInOrder(new Uint8Array([0, 0, 0, 5]), 18, 3, 0)).toBe(false);
    // A font of no glyphs fails pdf.js's check.
    expect(glyphsInOrder(new Uint8Array([0, 0]), 0, 0, 0)).toBe(false);
  });

  it("gives the same text items as pdf.js's own worker, made at start or built, for every fixture and four returns of the corpus", async () => {
    const files = [...fixtures, ...corpusReturns];
    const [made, built, stock] = await Promise.all([
      itemsOf('made', files),
      itemsOf('built', files),
      itemsOf('stock', files),
    ]);
    expect([made.textOnly, built.textOnly, stock.textOnly]).toEqual([true, true, false]);
    expect(Object.keys(made.items)).toHaveLength(files.length);
    for (const file of files) {
      expect(made.items[file], path.basename(file)).toEqual(stock.items[file]);
      expect(built.items[file], path.basename(file)).toEqual(stock.items[file]);
    }
    // One item checked by hand: the zh-Hant fixture's class of shares, in its CJK font.
    const zhHant = built.items[path.join(ROOT, 'fixtures', '01988_2025-04_zh-hant.pdf')]?.flat() ?? [];
    expect(zhHant.map((item) => item.str)).toContain('普通股');
  }, 240_000);
});
