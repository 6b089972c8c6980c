/**
 * The reader processes of the bot and of bulk ingest: same answers as reading in the process itself, a file that
 * hangs its reader costs that file only, and a decompression bomb exhausts its reader, not the process that asked.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppError, isAppError } from '../../src/domain/errors.js';
import { DEFAULT_EXTRACT_LIMITS } from '../../src/pdf/extract-text.js';
import { createReadPool, defaultPoolSize, poolSizeFor, type ReadPool } from '../../src/services/ingest-worker-pool.js';
import { drawDocument, drawLegacyReturn } from '../helpers/legacy-form-pdf.js';
import { makeDecompressionBomb } from '../pdf/make-bomb.js';

let pool: ReadPool;
let quietMonth: Buffer;

beforeAll(async () => {
  pool = createReadPool({ size: 1, graceMs: 0 });
  quietMonth = await drawLegacyReturn();
});

afterAll(async () => {
  await pool.close();
});

describe('createReadPool', () => {
  it('says when its reader is ready, before the first file comes back', async () => {
    const events: string[] = [];
    const ready = pool.ready().then(() => events.push('ready'));
    await pool.read(quietMonth, { fileName: 'first.pdf' }).then(() => events.push('read'));
    await ready;
    expect(events).toEqual(['ready', 'read']);
  });

  it('reads a filing in a reader process', async () => {
    const parsed = await pool.read(quietMonth, { fileName: 'quiet.pdf' });
    expect(parsed.monthlyReturn.form.kind).toBe('legacy');
    expect(parsed.monthlyReturn.issuedShares.classes[0]?.issuedShares.closing).toBe(500000000);
  });

  it('passes an AppError back with its code and facts', async () => {
    const error = await pool
      .read(await drawDocument(['Next Day Disclosure Return']), { fileName: 'nddr.pdf' })
      .catch((caught: unknown) => caught);
    expect(isAppError(error, 'not-a-monthly-return')).toBe(true);
    expect((error as AppError).facts).toMatchObject({ fileName: 'nddr.pdf', looksLike: 'Next Day Disclosure Return' });
  });

  it('reports a file that runs past its time limit as timed out, and reads the next on a fresh reader', async () => {
    const limits = { ...DEFAULT_EXTRACT_LIMITS, timeoutMs: 1 };
    const error = await pool.read(quietMonth, { fileName: 'slow.pdf', limits }).catch((caught: unknown) => caught);
    expect(isAppError(error, 'timeout')).toBe(true);
    const parsed = await pool.read(quietMonth, { fileName: 'next.pdf' });
    expect(parsed.monthlyReturn.stockCodes).toEqual(['09999']);
  });

  it.runIf(process.platform === 'linux')(
    'answers a PDF that inflates to 1 GiB as too complex, within 300 MB of its own, and reads the next file',
    async () => {
      const bomb = await makeDecompressionBomb(1024);
      expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
      const bombPool = createReadPool({ size: 1 });
      try {
        // A generous time limit: on a busy machine the memory limit, not the clock, must be what stops it.
        const limits = { ...DEFAULT_EXTRACT_LIMITS, timeoutMs: 90_000 };
        const error = await bombPool.read(bomb, { fileName: 'bomb.pdf', limits }).catch((caught: unknown) => caught);
        expect((error as AppError).code, String(error)).toBe('filing-too-complex');
        expect((error as AppError).facts).toMatchObject({ fileName: 'bomb.pdf' });
        const parsed = await bombPool.read(quietMonth, { fileName: 'after.pdf' });
        expect(parsed.monthlyReturn.stockCodes).toEqual(['09999']);
      } finally {
        await bombPool.close();
      }
      // The high-water mark of this process's resident memory, over its whole life: the bomb never reached it.
      const peakKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
      expect(peakKb).toBeGreaterThan(0);
      expect(peakKb).toBeLessThan(300 * 1024);
    },
    180_000,
  );

  it('turns away the reads still waiting when closed', async () => {
    const closing = createReadPool({ size: 1 });
    const reads = [closing.read(quietMonth, { fileName: 'a.pdf' }), closing.read(quietMonth, { fileName: 'b.pdf' })];
    const settled = reads.map((read) => read.catch((caught: unknown) => caught));
    await closing.close();
    const errors = await Promise.all(settled);
    expect(errors.map((error) => (error as AppError).message)).toEqual([
      'a.pdf: not read, the readers were closed',
      'b.pdf: not read, the readers were closed',
    ]);
    await expect(closing.read(quietMonth, { fileName: 'c.pdf' })).rejects.toThrow('c.pdf: the readers are closed');
  });
});

describe('createReadPool with the thorough warm-up', () => {
  it('takes a file once ready and reads it while the warm-up goes on in the background', async () => {
    const warming = createReadPool({ size: 1, graceMs: 0, thoroughWarmUp: true });
    try {
      const events: string[] = [];
      const warmed = warming.warmed().then(() => events.push('warmed'));
      await warming.ready();
      const parsed = await warming.read(quietMonth, { fileName: 'early.pdf' });
      events.push('read');
      await warmed;
      // The warm-up's page and fixtures take dozens of reads: the file given meanwhile came back before they ended.
      expect(events).toEqual(['read', 'warmed']);
      expect(parsed.monthlyReturn.issuedShares.classes[0]?.issuedShares.closing).toBe(500000000);
    } finally {
      await warming.close();
    }
  });
});

describe('poolSizeFor', () => {
  it('starts one reader per core for a large run, one for a handful of files, and never more readers than files', () => {
    expect(poolSizeFor(200)).toBe(defaultPoolSize());
    expect(poolSizeFor(5)).toBe(1);
    expect(poolSizeFor(0)).toBe(1);
    expect(poolSizeFor(200, 3)).toBe(3);
    expect(poolSizeFor(2, 3)).toBe(2);
  });
});
