/**
 * `hkex-shares ingest` as a user runs it: a child process on folders in a temporary directory, its exit status, its
 * summary on stdout and its progress lines on stderr (not a terminal here, so one line per file).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILINGS_DIR } from '../helpers/corpus.js';
import { drawDocument, drawLegacyReturn } from '../helpers/legacy-form-pdf.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'hkex-shares.js');
const FIXTURES_DIR = path.join(ROOT, 'fixtures');
const corpusAvailable = existsSync(FILINGS_DIR);
if (!corpusAvailable)
  console.warn(`Skipping the ingest run over the corpus: ${FILINGS_DIR} not found (set HKEX_FILINGS_DIR)`);

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

interface RunOptions {
  readonly env?: Record<string, string>;
  /** Sees each progress line and may act on the child (interrupt it). */
  readonly onStderrLine?: (line: string, child: ChildProcess) => void;
}

function ingest(args: readonly string[], { env = {}, onStderrLine }: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'ingest', ...args], {
      cwd: dir,
      env: { ...process.env, DATA_DIR: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      stderr += text;
      for (const line of text.split('\n')) if (line) onStderrLine?.(line, child);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ingest-command-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function folderWith(name: string, files: Record<string, Uint8Array | string>): Promise<string> {
  const folder = path.join(dir, name);
  await mkdir(folder, { recursive: true });
  for (const [file, content] of Object.entries(files)) await writeFile(path.join(folder, file), content);
  return folder;
}

/** Returns of consecutive months of 2011 and 2012, each a distinct filing. */
async function monthsOfReturns(count: number): Promise<Record<string, Buffer>> {
  const files: Record<string, Buffer> = {};
  for (let i = 0; i < count; i++) {
    const year = 2011 + Math.floor(i / 12);
    const month = (i % 12) + 1;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const mm = String(month).padStart(2, '0');
    files[`${year}-${mm}.pdf`] = await drawLegacyReturn({
      monthEnded: `${last}/${mm}/${year}`,
      dateSubmitted: `03/${month === 12 ? '01' : String(month + 1).padStart(2, '0')}/${month === 12 ? year + 1 : year}`,
    });
  }
  return files;
}

describe('hkex-shares ingest', () => {
  it('prints its usage and exits 2 when given no path', async () => {
    const run = await ingest([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Give at least one file or folder to read.');
    expect(run.stderr).toContain('Usage: hkex-shares ingest');
  });

  it('reads a folder, names what it could not store, and exits 1 for an unreadable file; a rerun holds it, and takes the fixtures', {
    timeout: 120_000,
  }, async () => {
    const returns = await monthsOfReturns(2);
    const folder = await folderWith('mixed', {
      ...returns,
      'copy.pdf': returns['2011-01.pdf'] as Buffer,
      'next-day.pdf': await drawDocument(['Next Day Disclosure Return']),
      'broken.pdf': '%PDF-1.7 damaged',
    });
    const data = path.join(dir, 'mixed-data');
    const first = await ingest(['--data', data, '--workers', '1', folder]);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/^Read 5 of 5 PDF files in/);
    expect(first.stdout).toMatch(/ {2}stored {16}2\n/);
    expect(first.stdout).toMatch(/ {2}already held {10}1\n/);
    expect(first.stdout).toContain('not a monthly return (looks like Next Day Disclosure Return): next-day.pdf');
    expect(first.stdout).toMatch(/ {2}unreadable {12}1\n {6}unreadable: broken\.pdf could not be read as a PDF/);
    expect(first.stderr).toContain('Reading 5 files');
    expect(first.stderr).toContain('[5/5]');

    const good = await folderWith('good', returns);
    // Without --data, the store is the app's own: DATA_DIR. The project's fixture returns go in beside.
    const second = await ingest(['--workers', '1', '--json', good, FIXTURES_DIR], { env: { DATA_DIR: data } });
    expect(second.code).toBe(0);
    const summary = JSON.parse(second.stdout);
    expect(summary.dataDir).toBe(data);
    expect(summary.counts).toMatchObject({ alreadyHeld: 2, notMonthlyReturns: 0, unreadable: 0, failed: 0 });
    const fixtures = summary.outcomes.filter((outcome: { file: string }) => outcome.file.startsWith(FIXTURES_DIR));
    expect(fixtures.length).toBeGreaterThan(0);
    expect(fixtures.filter((outcome: { kind: string }) => outcome.kind !== 'saved')).toEqual([]);
  });

  it('stops on Ctrl-C after the saves in hand, exits 130, and a second run reads the rest', {
    timeout: 120_000,
  }, async () => {
    const folder = await folderWith('many', await monthsOfReturns(6));
    const data = path.join(dir, 'many-data');
    let interrupted = false;
    const first = await ingest(['--data', data, '--workers', '1', folder], {
      onStderrLine: (line, child) => {
        if (!interrupted && line.startsWith('[1/6]')) {
          interrupted = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(first.code).toBe(130);
    expect(first.stderr).toContain('Stopping: finishing the saves in hand');
    const readBefore = Number(/^Stopped after reading (\d+) of 6/.exec(first.stdout)?.[1]);
    expect(readBefore).toBeGreaterThanOrEqual(1);
    expect(readBefore).toBeLessThan(6);
    expect(first.stdout).toContain(`not read: ${6 - readBefore} (run the same command again to read them)`);

    const second = await ingest(['--data', data, '--workers', '1', '--json', folder]);
    expect(second.code).toBe(0);
    const { counts } = JSON.parse(second.stdout);
    expect(counts).toMatchObject({ found: 6, read: 6, alreadyHeld: readBefore, stored: 6 - readBefore });
  });

  describe.skipIf(!corpusAvailable)('over the corpus', () => {
    it('stores the fifteen returns of ../shared/filings and the eight Chinese pre-2021 returns of zh-legacy/, and recognises the seven other filings', {
      timeout: 180_000,
    }, async () => {
      const run = await ingest(['--data', path.join(dir, 'corpus-data'), '--json', FILINGS_DIR]);
      expect(run.code).toBe(0);
      const { counts, outcomes } = JSON.parse(run.stdout);
      expect(counts).toMatchObject({ found: 30, read: 30, notMonthlyReturns: 7, unreadable: 0, failed: 0 });
      const chinese = (outcomes as { kind: string; file: string }[]).filter((outcome) =>
        /_zh[._]/.test(path.basename(outcome.file)),
      );
      expect(chinese.map((outcome) => outcome.kind)).toEqual(Array(8).fill('saved'));
      // Every monthly return is held: stored, or kept as history beside a later submission of its month.
      expect(counts.stored + counts.superseded + counts.olderThanHeld).toBe(23);
    });
  });
});
