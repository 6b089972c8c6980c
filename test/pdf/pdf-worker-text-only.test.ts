/**
 * pdf.js's worker changed for text only (src/pdf/pdf-worker-text-only.ts): every change applies to the installed
 * pdf.js, and pdf.js gives exactly the same text items with it as with its own worker, for every fixture and, where
 * the corpus is present, for the real Chinese FF301 returns whose fonts the changes are about (a CID-keyed CFF font
 * with no ToUnicode map, which the fixtures, drawn with TrueType fonts, do not have).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defaultFilingsDir } from '../../scripts/accuracy/corpus.js';
import { changeWorkerSource } from '../../src/pdf/pdf-worker-text-only.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const WORKER = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs', { paths: [require.resolve('pdf-parse')] });

const fixtures = readdirSync(path.join(ROOT, 'fixtures'))
  .filter((name) => name.endsWith('.pdf'))
  .map((name) => path.join(ROOT, 'fixtures', name));
const chineseFf301 = ['00328_2024-12.pdf', '00328_2025-09.pdf']
  .map((name) => path.join(defaultFilingsDir(), name))
  .filter((file) => existsSync(file));

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
  });

  it("gives the same text items as pdf.js's own worker, made at start or built, for every fixture and the Chinese FF301 of the corpus", async () => {
    const files = [...fixtures, ...chineseFf301];
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
