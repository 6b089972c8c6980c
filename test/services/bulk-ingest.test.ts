/**
 * Bulk ingest on real files in a temporary folder, into a real store: returns drawn like the pre-2021 form, a
 * document that is not a monthly return, a damaged PDF, a duplicate and a file that is no PDF at all.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { type BulkIngestDeps, bulkIngest, type FileOutcome, findPdfFiles } from '../../src/services/bulk-ingest.js';
import { createReadPool } from '../../src/services/ingest-worker-pool.js';
import { readFiling } from '../../src/services/read-filing.js';
import type { FilingStore } from '../../src/store/filing-store.js';
import { openFilingStore } from '../../src/store/index.js';
import { drawDocument, drawLegacyReturn } from '../helpers/legacy-form-pdf.js';

const pdfs: Record<string, Buffer> = {};

beforeAll(async () => {
  pdfs.january = await drawLegacyReturn({ monthEnded: '31/01/2012', dateSubmitted: '03/02/2012' });
  pdfs.february = await drawLegacyReturn({ monthEnded: '29/02/2012', dateSubmitted: '02/03/2012' });
  pdfs.februaryAgain = await drawLegacyReturn({
    monthEnded: '29/02/2012',
    dateSubmitted: '20/03/2012',
    issued: { ordinary1: ['500,000,000', '1,000', '500,001,000'] },
    grandTotals: ['1,000', 'N/A', 'N/A', 'N/A'],
  });
  pdfs.march = await drawLegacyReturn({ monthEnded: '31/03/2012', dateSubmitted: '05/04/2012' });
  pdfs.nextDay = await drawDocument([
    'Next Day Disclosure Return',
    '(Equity issuer - changes in issued share capital)',
  ]);
});

let dir: string;
let store: FilingStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bulk-ingest-'));
  store = await openFilingStore({ dir: path.join(dir, 'data'), durable: false });
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function folderWith(files: Record<string, Uint8Array | string>): Promise<string> {
  const folder = path.join(dir, 'returns');
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
    await writeFile(path.join(folder, name), content);
  }
  return folder;
}

function deps(overrides: Partial<BulkIngestDeps> = {}): BulkIngestDeps {
  return { store, now: () => new Date('2024-01-02T03:04:05Z'), read: readFiling, concurrency: 1, ...overrides };
}

/** file name -> what became of it ("stored", "already-held", "unreadable" ...). */
function byName(outcomes: readonly FileOutcome[]): Record<string, string> {
  return Object.fromEntries(
    outcomes.map((outcome) => [path.basename(outcome.file), outcome.kind === 'saved' ? outcome.status : outcome.kind]),
  );
}

describe('bulkIngest', () => {
  it('stores the returns of a folder and says what became of every other file', async () => {
    const folder = await folderWith({
      'a-2012-01.pdf': pdfs.january as Buffer,
      'b-2012-02.pdf': pdfs.february as Buffer,
      'c-2012-02-resubmitted.pdf': pdfs.februaryAgain as Buffer,
      'copy-of-a.PDF': pdfs.january as Buffer,
      'next-day.pdf': pdfs.nextDay as Buffer,
      'broken.pdf': '%PDF-1.4\nthis is not the rest of a PDF',
      'notes.txt': 'not a PDF',
      'older/d-2012-03.pdf': pdfs.march as Buffer,
    });
    const summary = await bulkIngest(deps(), [folder]);
    expect(byName(summary.outcomes)).toEqual({
      'a-2012-01.pdf': 'stored',
      'b-2012-02.pdf': 'stored',
      'broken.pdf': 'unreadable',
      'c-2012-02-resubmitted.pdf': 'superseded-earlier',
      'copy-of-a.PDF': 'already-held',
      'next-day.pdf': 'not-a-monthly-return',
      'd-2012-03.pdf': 'stored',
    });
    expect(summary.found.skipped.map((file) => path.basename(file))).toEqual(['notes.txt']);
    expect(summary.interrupted).toBe(false);
    const nextDay = summary.outcomes.find((outcome) => outcome.kind === 'not-a-monthly-return');
    expect(nextDay).toMatchObject({ looksLike: 'Next Day Disclosure Return' });
    const current = await store.forMonth('09999', '2012-02');
    expect([
      current?.monthlyReturn.dateSubmitted,
      current?.monthlyReturn.issuedShares.classes[0]?.issuedShares.closing,
    ]).toEqual(['2012-03-20', 500001000]);
    expect(current?.provenance.source).toEqual({ kind: 'path', path: path.join(folder, 'c-2012-02-resubmitted.pdf') });
  });

  it('reads nothing twice: a second run answers every held return from the store', async () => {
    const folder = await folderWith({
      'a.pdf': pdfs.january as Buffer,
      'b.pdf': pdfs.february as Buffer,
      'x.pdf': pdfs.nextDay as Buffer,
    });
    await bulkIngest(deps(), [folder]);
    const read: string[] = [];
    const again = await bulkIngest(
      deps({
        read: (bytes, options) => {
          read.push(options.fileName);
          return readFiling(bytes, options);
        },
      }),
      [folder],
    );
    expect(byName(again.outcomes)).toEqual({
      'a.pdf': 'already-held',
      'b.pdf': 'already-held',
      'x.pdf': 'not-a-monthly-return',
    });
    expect(read).toEqual(['x.pdf']);
  });

  it('goes on after a file whose reading fails unexpectedly', async () => {
    const folder = await folderWith({
      'a.pdf': pdfs.january as Buffer,
      'b.pdf': pdfs.february as Buffer,
      'c.pdf': pdfs.march as Buffer,
    });
    const summary = await bulkIngest(
      deps({
        read: (bytes, options) =>
          options.fileName === 'b.pdf'
            ? Promise.reject(new AppError('timeout', 'b.pdf took too long'))
            : readFiling(bytes, options),
      }),
      [folder],
    );
    expect(byName(summary.outcomes)).toEqual({ 'a.pdf': 'stored', 'b.pdf': 'unreadable', 'c.pdf': 'stored' });
    expect(summary.outcomes[1]).toMatchObject({ code: 'timeout', message: 'b.pdf took too long' });
  });

  it('reports a return the store refuses as not saved, and saves the rest', async () => {
    const folder = await folderWith({ 'a.pdf': pdfs.january as Buffer, 'b.pdf': pdfs.february as Buffer });
    const save: FilingStore['save'] = (input) =>
      input.monthlyReturn.monthEnded === '2012-01-31'
        ? Promise.reject(new AppError('store-corrupt', 'the month file of 09999 2012-01 is damaged'))
        : store.save(input);
    const refusing = new Proxy(store, {
      get: (target, key) => (key === 'save' ? save : Reflect.get(target, key, target).bind(target)),
    });
    const summary = await bulkIngest(deps({ store: refusing }), [folder]);
    expect(byName(summary.outcomes)).toEqual({ 'a.pdf': 'failed', 'b.pdf': 'stored' });
    expect(summary.outcomes[0]).toMatchObject({ message: 'the month file of 09999 2012-01 is damaged' });
  });

  it('stops when asked, and a second run reads what was left', async () => {
    const folder = await folderWith({
      'a.pdf': pdfs.january as Buffer,
      'b.pdf': pdfs.february as Buffer,
      'c.pdf': pdfs.march as Buffer,
    });
    const controller = new AbortController();
    const first = await bulkIngest(deps({ signal: controller.signal, onOutcome: () => controller.abort() }), [folder]);
    expect(first.interrupted).toBe(true);
    expect(byName(first.outcomes)).toEqual({ 'a.pdf': 'stored' });

    const second = await bulkIngest(deps(), [folder]);
    expect(second.interrupted).toBe(false);
    expect(byName(second.outcomes)).toEqual({ 'a.pdf': 'already-held', 'b.pdf': 'stored', 'c.pdf': 'stored' });
    expect((await store.history('09999')).map((held) => held.reportMonth)).toEqual(['2012-03', '2012-02', '2012-01']);
  });

  it('reads on worker threads with the same outcomes, error codes and facts included', async () => {
    const folder = await folderWith({
      'a.pdf': pdfs.january as Buffer,
      'b.pdf': pdfs.february as Buffer,
      'broken.pdf': 'not a PDF at all',
      'next-day.pdf': pdfs.nextDay as Buffer,
    });
    const pool = createReadPool({ size: 1 });
    try {
      const summary = await bulkIngest(deps({ read: pool.read, concurrency: 4 }), [folder]);
      expect(byName(summary.outcomes)).toEqual({
        'a.pdf': 'stored',
        'b.pdf': 'stored',
        'broken.pdf': 'unreadable',
        'next-day.pdf': 'not-a-monthly-return',
      });
      expect(summary.outcomes.find((outcome) => outcome.kind === 'unreadable')).toMatchObject({
        code: 'unreadable-filing',
        message: 'broken.pdf is not a PDF',
      });
      expect(summary.outcomes.find((outcome) => outcome.kind === 'not-a-monthly-return')).toMatchObject({
        looksLike: 'Next Day Disclosure Return',
      });
    } finally {
      await pool.close();
    }
  });
});

describe('findPdfFiles', () => {
  it('takes PDFs in folders by their extension, a named file whatever its name, and reports missing paths', async () => {
    const folder = await folderWith({
      'a.pdf': 'x',
      'deep/b.Pdf': 'x',
      'c.doc': 'x',
      '.hidden': 'x',
      'named.bin': 'x',
    });
    const found = await findPdfFiles([folder, path.join(folder, 'named.bin'), path.join(dir, 'nowhere')]);
    expect(found.files.map((file) => path.relative(folder, file))).toEqual([
      'a.pdf',
      path.join('deep', 'b.Pdf'),
      'named.bin',
    ]);
    expect(found.skipped.map((file) => path.basename(file))).toEqual(['c.doc']);
    expect(found.missing).toEqual([path.join(dir, 'nowhere')]);
  });
});
