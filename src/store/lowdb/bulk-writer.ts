/**
 * Writes many returns at once, a code at a time, straight into the layout of the store: for migrating an older
 * store and for building large stores to measure. It applies the same rules as a save (submissions linked, the
 * code's history and index entry built from them) but writes each file once, and the index shards at the end.
 */
import type { ReportMonth } from '../../domain/monthly-return.js';
import type { StockCode } from '../../domain/stock-code.js';
import { type StoredReturn, toHistoryEntry } from '../../domain/stored-return.js';
import { currentOf, linkSubmissions } from '../submissions.js';
import { ensureDirectory, writeFileAtomic } from './atomic-write.js';
import { buildCodeIndexEntry } from './code-index-entry.js';
import {
  type HistoryFile,
  HistoryFileSchema,
  historyFileProblem,
  type IndexShard,
  IndexShardSchema,
  type MonthFile,
  MonthFileSchema,
  monthFileProblem,
} from './file-schemas.js';
import { codeDir, historyFile, monthFile, type StoreLayout, shardFile, shardOf } from './store-layout.js';

export class BulkWriter {
  readonly #shards = new Map<string, IndexShard>();
  #ready: Promise<void> | null = null;

  constructor(
    readonly layout: StoreLayout,
    /** fsync each file; a bulk load that can be redone from its source may skip it. */
    readonly durable = true,
  ) {}

  /** Writes every return held for one code (replacing what the store held for it); once per code. */
  async writeCode(stockCode: StockCode, returns: readonly StoredReturn[]): Promise<void> {
    const byMonth = new Map<ReportMonth, StoredReturn[]>();
    for (const held of returns) {
      if (held.stockCode !== stockCode) throw new Error(`A return of ${held.stockCode} given as one of ${stockCode}.`);
      const month = byMonth.get(held.reportMonth) ?? [];
      if (!month.some((m) => m.id === held.id)) month.push(held);
      byMonth.set(held.reportMonth, month);
    }
    this.#ready ??= this.#prepare();
    await this.#ready;
    await ensureDirectory(codeDir(this.layout, stockCode), this.durable);
    const linked = new Map<ReportMonth, StoredReturn[]>();
    const writes: Promise<void>[] = [];
    for (const [reportMonth, submissions] of byMonth) {
      const file: MonthFile = { schemaVersion: 1, stockCode, reportMonth, submissions: linkSubmissions(submissions) };
      assertWhole(MonthFileSchema.parse(file), monthFileProblem);
      const path = monthFile(this.layout, stockCode, reportMonth);
      writes.push(writeFileAtomic(path, JSON.stringify(file), { tmpDir: this.layout.tmpDir, durable: this.durable }));
      linked.set(reportMonth, file.submissions);
    }
    const months = [...linked.keys()].sort().reverse();
    const history: HistoryFile = {
      schemaVersion: 1,
      stockCode,
      months: months.flatMap((month) => {
        const current = currentOf(linked.get(month) ?? []);
        return current ? [toHistoryEntry(current)] : [];
      }),
    };
    assertWhole(HistoryFileSchema.parse(history), historyFileProblem);
    const historyPath = historyFile(this.layout, stockCode);
    writes.push(
      writeFileAtomic(historyPath, JSON.stringify(history), { tmpDir: this.layout.tmpDir, durable: this.durable }),
    );
    // A code's files are written side by side: one after another, the writes mostly wait on each other.
    await Promise.all(writes);
    const shard = this.#shards.get(shardOf(stockCode)) ?? { schemaVersion: 1, codes: {} };
    shard.codes[stockCode] = buildCodeIndexEntry(stockCode, linked);
    this.#shards.set(shardOf(stockCode), shard);
  }

  /** Writes the index shards of the codes written. */
  async finish(): Promise<void> {
    this.#ready ??= this.#prepare();
    await this.#ready;
    for (const [name, shard] of this.#shards) {
      IndexShardSchema.parse(shard);
      await writeFileAtomic(shardFile(this.layout, name), JSON.stringify(shard), {
        tmpDir: this.layout.tmpDir,
        durable: this.durable,
      });
    }
  }

  async #prepare(): Promise<void> {
    for (const dir of [this.layout.tmpDir, this.layout.returnsDir, this.layout.indexDir]) {
      await ensureDirectory(dir, this.durable);
    }
  }
}

/** What the next read would set aside is never written. */
function assertWhole<T>(file: T, problem: (file: T) => string | null): void {
  const found = problem(file);
  if (found) throw new Error(`Refusing to write a store file: ${found}`);
}
