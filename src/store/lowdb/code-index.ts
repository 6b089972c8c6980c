/**
 * The index of the store, held in memory: for each code its names and months, and for each sha256 where its
 * return is. It is loaded from the shards under index/ when the store opens, and is derived data: a damaged or
 * missing shard is rebuilt from the month files of its codes.
 */
import { readdir } from 'node:fs/promises';
import { type AppError, isAppError } from '../../domain/errors.js';
import type { ReportMonth } from '../../domain/monthly-return.js';
import type { StockCode } from '../../domain/stock-code.js';
import { emptyCodeIndexEntry, recordSetAside } from './code-index-entry.js';
import { type CodeIndexEntry, type IndexShard, IndexShardSchema } from './file-schemas.js';
import { prepareName, type SearchableIssuer } from './issuer-search.js';
import { type JsonFile, openJsonFile } from './json-file.js';
import { damagedFileError } from './quarantine.js';
import { SHARD_FILE_NAME, type StoreLayout, shardFile, shardOf } from './store-layout.js';

export interface CodeIndexOptions {
  readonly durable: boolean;
  readonly now: () => Date;
  readonly onCorrupt: (error: AppError) => void;
  /** The entry of a code rebuilt from its month files; null when none are held. */
  readonly rebuildEntry: (stockCode: StockCode) => Promise<CodeIndexEntry | null>;
}

export interface ReturnLocation {
  readonly stockCode: StockCode;
  readonly month: ReportMonth;
}

export class CodeIndex {
  readonly #entries = new Map<StockCode, CodeIndexEntry>();
  /**
   * sha256 -> the entry of its code. The month is looked up in the entry when asked: one object per submission
   * for 100,000 submissions would weigh more than the whole rest of the index.
   */
  readonly #codeOf = new Map<string, CodeIndexEntry>();
  /** Names prepared once, when an entry changes, rather than on every search. */
  readonly #searchable = new Map<StockCode, SearchableIssuer>();
  readonly #shards = new Map<string, Promise<JsonFile<IndexShard>>>();

  private constructor(
    readonly layout: StoreLayout,
    readonly options: CodeIndexOptions,
  ) {}

  static async open(layout: StoreLayout, options: CodeIndexOptions): Promise<CodeIndex> {
    const index = new CodeIndex(layout, options);
    const onDisk = new Set<string>();
    for (const name of await readdir(layout.indexDir)) {
      const shard = SHARD_FILE_NAME.exec(name)?.groups?.shard;
      if (shard) onDisk.add(shard);
    }
    const held = await codesOnDisk(layout);
    for (const shard of [...new Set([...onDisk, ...held.keys()])].sort()) {
      await index.#loadShard(shard, held.get(shard) ?? []);
    }
    return index;
  }

  get(stockCode: StockCode): CodeIndexEntry | undefined {
    return this.#entries.get(stockCode);
  }

  locate(sha256: string): ReturnLocation | undefined {
    const entry = this.#codeOf.get(sha256);
    if (!entry) return undefined;
    for (const [month, ids] of Object.entries(entry.months)) {
      if (ids.includes(sha256)) return { stockCode: entry.stockCode, month };
    }
    return undefined;
  }

  entries(): IterableIterator<CodeIndexEntry> {
    return this.#entries.values();
  }

  searchable(): IterableIterator<SearchableIssuer> {
    return this.#searchable.values();
  }

  /** Changes a code's entry (made empty if new) and writes its shard. */
  async update(stockCode: StockCode, change: (entry: CodeIndexEntry) => void, create: () => CodeIndexEntry) {
    const shard = await this.#shard(shardOf(stockCode));
    const entry = this.#entries.get(stockCode) ?? create();
    const before = idsOf(entry);
    change(entry);
    this.#put(entry, before);
    shard.data.codes[stockCode] = entry;
    await shard.write();
  }

  /**
   * Records that a month's file was found damaged and moved aside, so that every later read of the month says so
   * until a save restores it.
   */
  markSetAside(stockCode: StockCode, month: ReportMonth, setAsideAs: string): Promise<void> {
    return this.update(
      stockCode,
      (entry) => recordSetAside(entry, month, setAsideAs),
      () => emptyCodeIndexEntry(stockCode),
    );
  }

  /** Replaces a code's entry with one rebuilt from its files (or drops it), and writes its shard. */
  async replace(stockCode: StockCode, entry: CodeIndexEntry | null): Promise<void> {
    const shard = await this.#shard(shardOf(stockCode));
    const previous = this.#entries.get(stockCode);
    if (previous) {
      for (const id of idsOf(previous)) this.#codeOf.delete(id);
      this.#entries.delete(stockCode);
      this.#searchable.delete(stockCode);
    }
    if (entry) {
      this.#put(entry, []);
      shard.data.codes[stockCode] = entry;
    } else {
      delete shard.data.codes[stockCode];
    }
    await shard.write();
  }

  #put(entry: CodeIndexEntry, idsBefore: readonly string[]): void {
    this.#entries.set(entry.stockCode, entry);
    this.#searchable.set(entry.stockCode, { entry, names: entry.names.map(prepareName) });
    for (const id of idsBefore) this.#codeOf.delete(id);
    for (const ids of Object.values(entry.months)) for (const id of ids) this.#codeOf.set(id, entry);
  }

  #shard(shard: string): Promise<JsonFile<IndexShard>> {
    let file = this.#shards.get(shard);
    if (!file) {
      file = this.#openShard(shard);
      this.#shards.set(shard, file);
    }
    return file;
  }

  #openShard(shard: string): Promise<JsonFile<IndexShard>> {
    return openJsonFile<IndexShard>(
      {
        file: shardFile(this.layout, shard),
        schema: IndexShardSchema,
        check: (data) => {
          const stray = Object.entries(data.codes).find(([code, e]) => shardOf(code) !== shard || e.stockCode !== code);
          return stray ? `holds code ${stray[0]}, which belongs elsewhere` : null;
        },
        tmpDir: this.layout.tmpDir,
        // A shard is derived from the month files, which were validated and synced, and it is rebuilt from them
        // when a crash leaves it stale (see save-journal.ts) or torn: a save waits on neither a second
        // validation nor an fsync of it.
        durable: false,
        validateOnWrite: false,
        now: this.options.now,
      },
      () => ({ schemaVersion: 1, codes: {} }),
    );
  }

  async #loadShard(shard: string, codesWithFiles: readonly StockCode[]): Promise<void> {
    const opening = this.#openShard(shard);
    this.#shards.set(shard, opening);
    try {
      const file = await opening;
      for (const entry of Object.values(file.data.codes)) this.#put(entry, []);
      if (file.existed || codesWithFiles.length === 0) return;
      this.options.onCorrupt(damagedFileError(file.file, 'missing; rebuilt from the month files', null));
    } catch (error) {
      if (!isAppError(error, 'store-corrupt')) throw error;
      this.options.onCorrupt(error);
      this.#shards.delete(shard);
    }
    // The shard was damaged or lost: its codes' month files say everything it held.
    for (const code of codesWithFiles) await this.replace(code, await this.options.rebuildEntry(code));
  }
}

function idsOf(entry: CodeIndexEntry): string[] {
  return Object.values(entry.months).flat();
}

/** The codes that have a folder under returns/. */
export async function codeFolders(layout: StoreLayout): Promise<StockCode[]> {
  return (await readdir(layout.returnsDir)).filter((name) => /^\d{5}$/.test(name)).sort();
}

/** The codes that have a folder under returns/, by shard. */
async function codesOnDisk(layout: StoreLayout): Promise<Map<string, StockCode[]>> {
  const byShard = new Map<string, StockCode[]>();
  for (const name of await codeFolders(layout)) {
    const shard = shardOf(name);
    const codes = byShard.get(shard);
    if (codes) codes.push(name);
    else byShard.set(shard, [name]);
  }
  return byShard;
}
