/**
 * The month files of the store, opened on demand and kept in a least-recently-used cache, so that memory stays
 * flat however many returns are held.
 */
import { readdir } from 'node:fs/promises';
import type { ReportMonth } from '../../domain/monthly-return.js';
import type { StockCode } from '../../domain/stock-code.js';
import { ensureDirectory } from './atomic-write.js';
import { type MonthFile, MonthFileSchema, monthFileProblem } from './file-schemas.js';
import { type JsonFile, openJsonFile } from './json-file.js';
import { LruCache } from './lru-cache.js';
import { codeDir, monthFile, type StoreLayout } from './store-layout.js';

export interface MonthFilesOptions {
  readonly cacheSize: number;
  readonly durable: boolean;
  readonly now: () => Date;
}

export class MonthFiles {
  readonly #cache: LruCache<string, Promise<JsonFile<MonthFile>>>;
  readonly #knownDirs = new Set<StockCode>();

  constructor(
    readonly layout: StoreLayout,
    readonly options: MonthFilesOptions,
  ) {
    this.#cache = new LruCache(options.cacheSize);
  }

  /**
   * The file of a code and month, empty when it does not exist yet. `keep: false` reads it without displacing
   * what the cache holds, for scans over every code. Throws AppError('store-corrupt') when it is damaged.
   */
  open(stockCode: StockCode, month: ReportMonth, keep = true): Promise<JsonFile<MonthFile>> {
    const key = `${stockCode}/${month}`;
    const cached = this.#cache.get(key);
    if (cached) return cached;
    const loading = this.#load(stockCode, month);
    if (keep) {
      this.#cache.set(key, loading);
      loading.catch(() => this.#cache.delete(key));
    }
    return loading;
  }

  /** Writes a file whose data was changed, creating its code's folder on the first save of the code. */
  async write(file: JsonFile<MonthFile>): Promise<void> {
    const stockCode = file.data.stockCode;
    if (!this.#knownDirs.has(stockCode)) {
      await ensureDirectory(codeDir(this.layout, stockCode), this.options.durable);
      this.#knownDirs.add(stockCode);
    }
    await file.write();
  }

  /** The names in a code's folder; none when it has no folder. */
  async folderNames(stockCode: StockCode): Promise<string[]> {
    try {
      return await readdir(codeDir(this.layout, stockCode));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /** Drops a cached file whose data may differ from the disk (after a failed write). */
  forget(stockCode: StockCode, month: ReportMonth): void {
    this.#cache.delete(`${stockCode}/${month}`);
  }

  clear(): void {
    this.#cache.clear();
  }

  #load(stockCode: StockCode, reportMonth: ReportMonth): Promise<JsonFile<MonthFile>> {
    return openJsonFile<MonthFile>(
      {
        file: monthFile(this.layout, stockCode, reportMonth),
        schema: MonthFileSchema,
        check: (data) =>
          data.stockCode === stockCode && data.reportMonth === reportMonth
            ? monthFileProblem(data)
            : `holds ${data.stockCode} ${data.reportMonth}, not what its name says`,
        tmpDir: this.layout.tmpDir,
        durable: this.options.durable,
        now: this.options.now,
      },
      () => ({ schemaVersion: 1, stockCode, reportMonth, submissions: [] }),
    );
  }
}
