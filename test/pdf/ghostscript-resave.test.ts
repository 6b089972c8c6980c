/**
 * A ghostscript re-save of a real return (`gs -sDEVICE=pdfwrite`) reads as the original does. Ghostscript rewrites
 * the e-form's LiberationSans (TrueType, /Encoding /WinAnsiEncoding) as a symbolic font with no /Encoding and no
 * ToUnicode map, whose bytes are still WinAnsi; pdf.js's own worker reads such a font's bytes through MacRoman, so
 * 01477's `(the “Company”)` came out `(the ìCompanyî)` and `Company’s` as `Companyís`. The text-only worker reads
 * them as WinAnsi (src/pdf/pdf-worker-text-only.ts). Needs ghostscript (`apt-get install ghostscript`) and the real
 * filings; skipped, with a note, where either is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedFiling } from '../../src/domain/parsed-filing.js';
import { parseMonthlyReturn } from '../../src/parse/index.js';
import { extractText } from '../../src/pdf/extract-text.js';
import { FILINGS_DIR } from '../helpers/corpus.js';
import { isInstalled } from '../helpers/installed-command.js';

const ORIGINAL = path.join(FILINGS_DIR, '01477_2023-12.pdf');

const ghostscript = isInstalled('gs');
const corpus = existsSync(ORIGINAL);
if (!ghostscript) console.warn('ghostscript-resave: gs is not installed (apt-get install ghostscript); skipped');
if (!corpus) console.warn(`ghostscript-resave: ${ORIGINAL} not found (set HKEX_FILINGS_DIR); skipped`);

async function read(file: string): Promise<ParsedFiling> {
  const name = path.basename(file);
  return parseMonthlyReturn(await extractText(readFileSync(file), undefined, name), name);
}

describe.skipIf(!ghostscript || !corpus)("a ghostscript re-save of 01477's December 2023 return", () => {
  let dir: string;
  let original: ParsedFiling;
  let resaved: ParsedFiling;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gs-resave-'));
    const copy = path.join(dir, '01477_2023-12_gs.pdf');
    execFileSync('gs', ['-q', '-o', copy, '-sDEVICE=pdfwrite', ORIGINAL]);
    [original, resaved] = await Promise.all([read(ORIGINAL), read(copy)]);
  }, 60_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads the curly quotes of the issuer name as printed', () => {
    expect(resaved.monthlyReturn.issuerName).toBe(
      'Ocumension Therapeutics (the “Company”) (Incorporated in the Cayman Islands with limited liability)',
    );
  });

  it("reads the apostrophe of III(B)'s remarks as printed", () => {
    expect(resaved.monthlyReturn.detailsOfMovements.warrants.remarks).toContain(
      'please refer to the Company’s announcements dated',
    );
  });

  it('reads every other field and flag as the original does', () => {
    expect(resaved.monthlyReturn).toEqual(original.monthlyReturn);
    expect(resaved.flags).toEqual(original.flags);
  });
});
