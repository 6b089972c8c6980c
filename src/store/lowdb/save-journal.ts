/**
 * A save writes two files: the month's returns, then the index shard of its code. A marker names the code and
 * month before the first write and is removed after the second, so that a crash between the two is found when the
 * store next opens, and that code's index entry is rebuilt from its month files (which are always whole).
 */
import { closeSync, openSync, readdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { ReportMonth } from '../../domain/monthly-return.js';
import type { StockCode } from '../../domain/stock-code.js';

const MARKER = /^(?<stockCode>\d{5})_(?<month>\d{4}-\d{2})$/;

export class SaveJournal {
  constructor(readonly dir: string) {}

  /**
   * The marker needs no sync of its own: a killed process leaves it in the page cache, and after a power cut a
   * journaling filesystem keeps it if it keeps the month file's rename, which comes later and is synced.
   */
  begin(stockCode: StockCode, month: ReportMonth): void {
    closeSync(openSync(this.#marker(stockCode, month), 'w'));
  }

  /** A marker left behind only costs a rebuild of one code's entry at the next open. */
  end(stockCode: StockCode, month: ReportMonth): void {
    try {
      unlinkSync(this.#marker(stockCode, month));
    } catch {
      // Already gone: nothing to undo.
    }
  }

  pending(): { stockCode: StockCode; month: ReportMonth }[] {
    const found: { stockCode: StockCode; month: ReportMonth }[] = [];
    for (const name of readdirSync(this.dir)) {
      const groups = MARKER.exec(name)?.groups;
      if (groups?.stockCode && groups.month) found.push({ stockCode: groups.stockCode, month: groups.month });
    }
    return found;
  }

  #marker(stockCode: StockCode, month: ReportMonth): string {
    return path.join(this.dir, `${stockCode}_${month}`);
  }
}
