/**
 * Each code's history in one file beside its months (returns/00020/history.json): for every month held, the
 * history entry of its current return, newest month first. `/shares 00020 history` then reads one small file
 * rather than a file per month, which at three years of returns was most of a lookup's time.
 *
 * The file is derived from the month files, as the index is: it is written after each save (under the save's
 * journal marker), and rebuilt from the month files when it is missing, damaged, or lists other returns than the
 * index holds.
 */
import { type AppError, isAppError } from '../../domain/errors.js';
import type { ReportMonth } from '../../domain/monthly-return.js';
import type { StockCode } from '../../domain/stock-code.js';
import { type HistoryEntry, type StoredReturn, toHistoryEntry } from '../../domain/stored-return.js';
import { currentOf } from '../submissions.js';
import type { CodeIndex } from './code-index.js';
import { type CodeIndexEntry, type HistoryFile, HistoryFileSchema, historyFileProblem } from './file-schemas.js';
import { type JsonFile, openJsonFile } from './json-file.js';
import type { MonthFiles } from './month-files.js';
import { damagedFileError } from './quarantine.js';
import { historyFile, MONTH_FILE_NAME } from './store-layout.js';

export interface HistoryFilesOptions {
  readonly now: () => Date;
  readonly onCorrupt: (error: AppError) => void;
}

export class HistoryFiles {
  constructor(
    readonly monthFiles: MonthFiles,
    readonly index: CodeIndex,
    readonly options: HistoryFilesOptions,
  ) {}

  /**
   * The history of a code as its index entry describes it. A file that is missing, damaged or out of step with
   * the entry is reported, rebuilt from the month files and written again. Null when even the month files do not
   * give what the index lists (a month file deleted by hand, returns the index missed): the index needs repair.
   */
  async read(entry: CodeIndexEntry): Promise<readonly HistoryEntry[] | null> {
    const { stockCode } = entry;
    const file = await this.#open(stockCode);
    if (file) {
      const problem = file.existed ? disagreement(file.data.months, entry) : 'missing';
      if (!problem) return file.data.months;
      this.options.onCorrupt(damagedFileError(file.file, `${problem}; rebuilt from the month files`, null));
    }
    const rebuilt = await this.rebuild(stockCode);
    return disagreement(rebuilt, entry) ? null : rebuilt;
  }

  /** Puts a month's current return (after a save) in its code's history. */
  async record(stockCode: StockCode, month: ReportMonth, current: StoredReturn): Promise<void> {
    const file = await this.#open(stockCode);
    if (!file?.existed) {
      // A code's first save, or a history lost: the month files, this save's included, say it all.
      await this.rebuild(stockCode);
      return;
    }
    const months = file.data.months.filter((held) => held.reportMonth !== month);
    months.push(toHistoryEntry(current));
    months.sort((a, b) => (a.reportMonth < b.reportMonth ? 1 : a.reportMonth > b.reportMonth ? -1 : 0));
    file.data = { ...file.data, months };
    await file.write();
  }

  /**
   * Writes a code's history anew from its month files. A damaged month file is reported, left out, and marked in
   * the index as set aside, as any read of it would.
   */
  async rebuild(stockCode: StockCode): Promise<readonly HistoryEntry[]> {
    const months: HistoryEntry[] = [];
    const names = await this.monthFiles.folderNames(stockCode);
    const held = names.flatMap((name) => MONTH_FILE_NAME.exec(name)?.groups?.month ?? []);
    for (const month of held.sort().reverse()) {
      try {
        const current = currentOf((await this.monthFiles.open(stockCode, month, false)).data.submissions);
        if (current) months.push(toHistoryEntry(current));
      } catch (error) {
        if (!isAppError(error, 'store-corrupt')) throw error;
        this.options.onCorrupt(error);
        if (this.index.get(stockCode)) await this.index.markSetAside(stockCode, month, String(error.facts.setAsideAs));
      }
    }
    // A damaged file is moved aside by the first open, and the second starts a new one.
    const file = (await this.#open(stockCode)) ?? (await this.#openFresh(stockCode));
    file.data = { schemaVersion: 1, stockCode, months };
    await file.write();
    return months;
  }

  /** The file, or null when it was damaged (it has been moved aside and reported). */
  async #open(stockCode: StockCode): Promise<JsonFile<HistoryFile> | null> {
    try {
      return await this.#openFresh(stockCode);
    } catch (error) {
      if (!isAppError(error, 'store-corrupt')) throw error;
      this.options.onCorrupt(error);
      return null;
    }
  }

  #openFresh(stockCode: StockCode): Promise<JsonFile<HistoryFile>> {
    const { layout } = this.monthFiles;
    return openJsonFile<HistoryFile>(
      {
        file: historyFile(layout, stockCode),
        schema: HistoryFileSchema,
        check: (data) =>
          data.stockCode === stockCode ? historyFileProblem(data) : `holds the history of ${data.stockCode}`,
        tmpDir: layout.tmpDir,
        // Derived from month files that were validated and synced, and rebuilt from them when a crash leaves it
        // stale or torn, as an index shard is.
        durable: false,
        validateOnWrite: false,
        now: this.options.now,
      },
      () => ({ schemaVersion: 1, stockCode, months: [] }),
    );
  }
}

/**
 * What is wrong with a history against the index: each month the index holds (but for months set aside) must be
 * there once, with the index's current submission. Null when they agree.
 */
function disagreement(months: readonly HistoryEntry[], entry: CodeIndexEntry): string | null {
  const expected = Object.entries(entry.months)
    .filter(([month, ids]) => ids.length > 0 && entry.setAside[month] === undefined)
    .sort(([a], [b]) => (a < b ? 1 : -1));
  const held = months.filter((m) => entry.setAside[m.reportMonth] === undefined);
  if (held.length !== expected.length) return `lists ${held.length} months where the index holds ${expected.length}`;
  for (const [i, [month, ids]] of expected.entries()) {
    const row = held[i];
    if (row?.reportMonth !== month || row.id !== ids[0]) return `out of step with the index at ${month}`;
  }
  return null;
}
