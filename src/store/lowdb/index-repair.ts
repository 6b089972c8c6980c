/**
 * The index and the history files are derived from the month files, and where they disagree the month files are
 * right: a return on disk that the index does not list would be invisible to every lookup, and a second share of
 * its filing would answer "already held" and leave it so. The store checks them when it opens (every code folder's
 * months against its index entry) and whenever it reads a month file (its submissions against the entry), and
 * rebuilds what disagrees, saying what it repaired.
 */
import type { AppError } from '../../domain/errors.js';
import type { ReportMonth } from '../../domain/monthly-return.js';
import type { StockCode } from '../../domain/stock-code.js';
import type { CodeIndex } from './code-index.js';
import { emptyCodeIndexEntry, recordSetAside } from './code-index-entry.js';
import type { CodeIndexEntry } from './file-schemas.js';
import type { HistoryFiles } from './history-files.js';
import type { MonthFiles } from './month-files.js';
import { rebuildCodeIndexEntry } from './rebuild-code-entry.js';
import { MONTH_FILE_NAME, monthFile } from './store-layout.js';

export interface IndexRepairParts {
  readonly monthFiles: MonthFiles;
  readonly index: CodeIndex;
  readonly history: HistoryFiles;
  readonly onCorrupt: (error: AppError) => void;
  /** Told of each repair, in a line naming the code and what disagreed. */
  readonly log: (message: string) => void;
}

/** Rebuilds a code's index entry and history from its month files. */
export async function repairCode(parts: IndexRepairParts, stockCode: StockCode, why: string | null): Promise<void> {
  const before = parts.index.get(stockCode);
  let rebuilt = await rebuildCodeIndexEntry(parts.monthFiles, stockCode, parts.onCorrupt);
  // A month the index listed whose file is gone stays an error to whoever asks for it, never a month not held.
  for (const month of Object.keys(before?.months ?? {})) {
    if (rebuilt?.months[month] !== undefined) continue;
    rebuilt ??= emptyCodeIndexEntry(stockCode);
    recordSetAside(rebuilt, month, before?.setAside[month] ?? monthFile(parts.monthFiles.layout, stockCode, month));
  }
  await parts.index.replace(stockCode, rebuilt);
  if (rebuilt) await parts.history.rebuild(stockCode);
  if (why) parts.log(`repaired the index of ${stockCode} from its month files: ${why}`);
}

/** At open: each code whose folder holds a month file its index entry does not list is repaired. */
export async function reconcileIndex(parts: IndexRepairParts, codesOnDisk: readonly StockCode[]): Promise<void> {
  await recordAudiences(parts);
  for (const stockCode of codesOnDisk) {
    const names = await parts.monthFiles.folderNames(stockCode);
    const onDisk = names.flatMap((name) => MONTH_FILE_NAME.exec(name)?.groups?.month ?? []);
    const entry = parts.index.get(stockCode);
    const unlisted = onDisk.filter((month) => !listsMonth(entry, month));
    if (unlisted.length === 0) continue;
    const why = entry
      ? `${unlisted.sort().join(', ')} held on disk but not in the index`
      : `the code is held on disk (${onDisk.length} months) but not in the index`;
    await repairCode(parts, stockCode, why);
  }
}

/** Whether the submissions read from a month file are those the index lists for it, in the same order. */
export function agreesWithIndex(
  entry: CodeIndexEntry | undefined,
  month: ReportMonth,
  submissions: readonly { id: string }[],
): boolean {
  const listed = entry?.months[month] ?? [];
  return listed.length === submissions.length && submissions.every((held, i) => held.id === listed[i]);
}

function listsMonth(entry: CodeIndexEntry | undefined, month: ReportMonth): boolean {
  return (entry?.months[month]?.length ?? 0) > 0 || entry?.setAside[month] !== undefined;
}

/**
 * An index written before audiences were recorded says nothing of who may see each return, and one written before
 * other exchanges' codes were read lists none: each such entry is rebuilt from its month files, where a return
 * without an audience is given one conservatively (audience.ts) and each class keeps the code it was read with.
 */
async function recordAudiences(parts: IndexRepairParts): Promise<void> {
  const codes = [...parts.index.entries()]
    .filter((entry) => entry.conversations === undefined || entry.otherExchangeCodes === undefined)
    .map((e) => e.stockCode);
  if (codes.length === 0) return;
  parts.log(
    `recording who may see each return and other exchanges' codes of ${codes.length.toLocaleString('en')} codes (index written before)`,
  );
  for (const stockCode of codes) await repairCode(parts, stockCode, null);
}
