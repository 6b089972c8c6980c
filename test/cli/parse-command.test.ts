import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultFilingsDir } from '../../scripts/accuracy/corpus.js';
import { EXIT, run } from '../../src/cli/parse-command.js';
import { makePdf } from '../pdf/make-pdf.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'hkex-parse-'));

/** Runs the command in-process and returns what it printed. */
async function parse(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((text: unknown) => void out.push(String(text)));
  vi.spyOn(console, 'error').mockImplementation((text: unknown) => void err.push(String(text)));
  const code = await run(args);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

afterEach(() => vi.restoreAllMocks());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hkex-shares parse, refusing what it cannot read', () => {
  let report: string;
  let locked: string;
  beforeAll(async () => {
    report = path.join(dir, 'annual-report.pdf');
    writeFileSync(report, await makePdf({ pages: [[[72, 72, 'Annual Report 2024']]] }));
    locked = path.join(dir, 'locked.pdf');
    writeFileSync(locked, await makePdf({ userPassword: 'secret' }));
    writeFileSync(path.join(dir, 'notes.txt'), 'not a pdf');
  });

  it('says in one line that a file is no monthly return, and exits 1', async () => {
    const result = await parse(report);
    expect(result.code).toBe(EXIT.unreadable);
    expect(result.out).toBe('');
    expect(result.err).toBe(
      'hkex-shares parse: annual-report.pdf is not a monthly return (its title reads "Annual Report 2024")',
    );
  });

  it('says so for a file that is not a PDF, a locked PDF and a missing file', async () => {
    expect((await parse(path.join(dir, 'notes.txt'))).err).toBe('hkex-shares parse: notes.txt is not a PDF');
    expect((await parse(locked)).err).toBe('hkex-shares parse: locked.pdf is protected by a password');
    const missing = await parse(path.join(dir, 'missing.pdf'));
    expect([missing.code, missing.err]).toEqual([
      EXIT.unreadable,
      `hkex-shares parse: ${path.join(dir, 'missing.pdf')}: no such file`,
    ]);
  });

  it('answers a usage error with the usage and exit 2', async () => {
    const result = await parse();
    expect(result.code).toBe(EXIT.usage);
    expect(result.err).toContain('Usage: hkex-shares parse [--json] FILE.pdf');
  });
});

const sample = ['fixtures/00020_2023-11.pdf'].map((file) => path.join(ROOT, file)).find(existsSync);
const corpusReturn = path.join(defaultFilingsDir(), '00328_2025-09_resubmitted.pdf');
if (!sample) console.warn('Skipping the parse command on a fixture: fixtures/00020_2023-11.pdf not found');
if (!existsSync(corpusReturn)) console.warn(`Skipping the parse command on the corpus: ${corpusReturn} not found`);

describe.skipIf(!sample)('hkex-shares parse on a two-class return', () => {
  it('prints a summary with every class, the blank movements as dashes', async () => {
    const result = await parse(sample as string);
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toContain('FF301 v1.0.2, en, ');
    expect(result.out).toContain(
      'WVR ordinary shares – Class B ordinary shares (00020, 80020 RMB): 25,948,809,928 -> – -> 25,948,809,928',
    );
    expect(result.out).toContain('Checks: everything adds up.');
  });

  it('prints the model and its flags as JSON with --json', async () => {
    const result = await parse('--json', sample as string);
    const parsed = JSON.parse(result.out);
    expect(parsed.flags).toEqual([]);
    expect(parsed.monthlyReturn.issuedShares.classes[1].stockCode).toBeNull();
    expect(parsed.monthlyReturn.detailsOfMovements.shareOptions.classes[0].items[0].outstandingClosing).toBe(
      3_525_018_981,
    );
  });
});

describe('hkex-shares parse on the fixture returns', () => {
  it('exits 3 on a return that carries a flag of severity error, after printing it', async () => {
    const result = await parse(path.join(ROOT, 'fixtures/01892_2023-06_balance-mismatch.pdf'));
    expect(result.code).toBe(EXIT.errorFlag);
    expect(result.code).toBe(3);
    expect(result.out).toMatch(/\n {2}\[error\] II /);
  });

  it('prints the III(E) row pending cancellation and the treasury movement, and exits 0', async () => {
    const result = await parse(path.join(ROOT, 'fixtures/03388_2024-09_treasury.pdf'));
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toContain('pending cancellation -1,200,000; at HKD 4.25');
    expect(result.out).toContain('treasury shares 2,000,000 -> +2,500,000 -> 4,500,000');
    expect(result.out).toContain('Remarks (1)\nIII(E): The 1,200,000 shares repurchased on 27 September 2024');
  });

  it('names the exit statuses in --help', async () => {
    const result = await parse('--help');
    expect(result.out).toContain('3 read, with a flag of severity error');
  });
});

describe.skipIf(!existsSync(corpusReturn))('hkex-shares parse on a Chinese resubmission of the corpus', () => {
  it('prints the status, the dates and the consolidation in III(E)', async () => {
    const result = await parse(corpusReturn);
    expect(result.out).toContain(
      'FF301 v1.1.1, zh-Hant, 10 pages; month ended 2025-09-30; submitted 2025-10-16 (resubmission)',
    );
    expect(result.out).toContain('資本重組 (capital-reorganisation) 2025-09-29: issued shares -103,101,179');
  });
});

describe('the hkex-shares command as installed', () => {
  it('exits 1 with a one-line reason through bin/hkex-shares.js', async () => {
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'not a pdf');
    const failure = await promisify(execFile)(
      process.execPath,
      [path.join(ROOT, 'bin/hkex-shares.js'), 'parse', file],
      {
        cwd: ROOT,
      },
    ).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toBe('');
    expect(failure?.stderr).toBe('hkex-shares parse: notes.txt is not a PDF\n');
  });

  it.skipIf(!sample || process.platform !== 'linux')(
    'reads a file whose name is not UTF-8 (Latin-1 "résumé.pdf")',
    async () => {
      const latin1Name = Buffer.concat([Buffer.from(dir), Buffer.from('/r\xe9sum\xe9.pdf', 'latin1')]);
      copyFileSync(sample as string, latin1Name);
      // Node's child_process encodes every argument as UTF-8; the shell's printf gives the name's own bytes.
      const { stdout } = await promisify(execFile)(
        '/bin/sh',
        [
          '-c',
          'exec "$0" "$1" parse --json "$2/$(printf \'r\\351sum\\351.pdf\')"',
          process.execPath,
          path.join(ROOT, 'bin/hkex-shares.js'),
          dir,
        ],
        { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
      );
      expect(
        JSON.parse(stdout).monthlyReturn.detailsOfMovements.shareOptions.classes[0].items[0].outstandingClosing,
      ).toBe(3_525_018_981);
    },
  );
});
