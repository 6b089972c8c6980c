/** A code's index entry, rebuilt from the month files in its folder: after a crash mid-save, or a damaged shard. */
import path from 'node:path';
import { type AppError, isAppError } from '../../domain/errors.js';
import type { ReportMonth } from '../../domain/monthly-return.js';
import type { StockCode } from '../../domain/stock-code.js';
import type { StoredReturn } from '../../domain/stored-return.js';
import { buildCodeIndexEntry } from './code-index-entry.js';
import type { CodeIndexEntry } from './file-schemas.js';
import type { MonthFiles } from './month-files.js';
import { SET_ASIDE_NAME } from './quarantine.js';
import { codeDir, MONTH_FILE_NAME } from './store-layout.js';

export async function rebuildCodeIndexEntry(
  monthFiles: MonthFiles,
  stockCode: StockCode,
  onCorrupt: (error: AppError) => void,
): Promise<CodeIndexEntry | null> {
  const dir = codeDir(monthFiles.layout, stockCode);
  const names = await monthFiles.folderNames(stockCode);
  const months = new Map<ReportMonth, StoredReturn[]>();
  const setAside: Record<ReportMonth, string> = {};
  for (const name of names.sort()) {
    const month = MONTH_FILE_NAME.exec(name)?.groups?.month;
    if (month) {
      try {
        const file = await monthFiles.open(stockCode, month, false);
        if (file.data.submissions.length > 0) months.set(month, file.data.submissions);
      } catch (error) {
        if (!isAppError(error, 'store-corrupt')) throw error;
        onCorrupt(error);
        setAside[month] = String(error.facts.setAsideAs);
      }
      continue;
    }
    const original = SET_ASIDE_NAME.exec(name)?.groups?.original;
    const asideMonth = original ? MONTH_FILE_NAME.exec(original)?.groups?.month : undefined;
    if (asideMonth && !names.includes(`${asideMonth}.json`)) setAside[asideMonth] = path.join(dir, name);
  }
  if (months.size === 0 && Object.keys(setAside).length === 0) return null;
  return buildCodeIndexEntry(stockCode, months, setAside);
}
