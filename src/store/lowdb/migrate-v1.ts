/**
 * Version 1 of the store read a code's history from its month files, one file per month: at three years of
 * returns most of a history lookup's time. Version 2 keeps each code's history in one file (history-files.ts).
 * The migration writes that file for every code held, then store.json; a crash before the end leaves version 1 in
 * store.json, and the next open does it again.
 */

import { writeFileAtomic } from './atomic-write.js';
import type { CodeIndex } from './code-index.js';
import type { StoreMeta } from './file-schemas.js';
import type { HistoryFiles } from './history-files.js';
import type { StoreLayout } from './store-layout.js';

export async function addHistoryFiles(
  layout: StoreLayout,
  meta: StoreMeta,
  parts: { index: CodeIndex; history: HistoryFiles; durable: boolean; log: (message: string) => void },
): Promise<void> {
  const codes = [...parts.index.entries()].map((entry) => entry.stockCode).sort();
  if (codes.length > 0)
    parts.log(`writing the history file of ${codes.length.toLocaleString('en')} codes (layout 1 -> 2)`);
  for (const code of codes) await parts.history.rebuild(code);
  const migrated: StoreMeta = { ...meta, schemaVersion: 2, migratedFrom: meta.schemaVersion };
  await writeFileAtomic(layout.metaFile, JSON.stringify(migrated), { tmpDir: layout.tmpDir, durable: parts.durable });
}
