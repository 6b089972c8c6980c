/**
 * Opening the store: the directory is created on first use, locked to this process, cleared of temporary files a
 * crash left, brought up to the current layout (a version-0 db.json is migrated), its index loaded, and any save a
 * crash interrupted reconciled.
 */
import { access, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../domain/errors.js';
import { createLocalFetchClaims } from '../fetch-claims.js';
import type { FilingStore } from '../filing-store.js';
import { clearTemporaryFiles, ensureDirectory, writeFileAtomic } from './atomic-write.js';
import { CodeIndex, codeFolders } from './code-index.js';
import { type StoreMeta, StoreMetaSchema } from './file-schemas.js';
import { HistoryFiles } from './history-files.js';
import { reconcileIndex } from './index-repair.js';
import { LowdbFilingStore } from './lowdb-filing-store.js';
import { migrateV0Store } from './migrate-v0.js';
import { addHistoryFiles } from './migrate-v1.js';
import { MonthFiles } from './month-files.js';
import { setAsideDamagedFile } from './quarantine.js';
import { rebuildCodeIndexEntry } from './rebuild-code-entry.js';
import { SaveJournal } from './save-journal.js';
import { SettingsFiles } from './settings-files.js';
import { guardStorage, toStoreFailure } from './storage-failure.js';
import { STORE_SCHEMA_VERSION, type StoreLayout, storeLayout } from './store-layout.js';
import { lockStore } from './store-lock.js';

export const DEFAULT_STORE_DIR = './data';

export interface OpenFilingStoreOptions {
  /** Where the store lives (relative to the working directory); created on first use. Default `./data`. */
  readonly dir?: string;
  /**
   * Month files kept in memory (default 500). A month file holds one return, rarely two: about 10 KB in memory,
   * but V8 lets the heap grow to a few times what is live before collecting, so each one costs more at the peak.
   */
  readonly cacheSize?: number;
  /** fsync every write (default). Off only for throwaway stores. */
  readonly durable?: boolean;
  readonly now?: () => Date;
  /**
   * Told of each damaged file found where no caller is waiting for the answer (at open, or during a scan over
   * every code), after the file was moved aside. Default: logged to stderr.
   */
  readonly onCorrupt?: (error: AppError) => void;
  /**
   * Told what opening the store did that takes a while (a migration), and each repair of the index from the month
   * files. Default: written to stderr.
   */
  readonly log?: (message: string) => void;
  /** Slack file ids are remembered this long (default 30 days). */
  readonly slackClaimRetentionDays?: number;
}

/**
 * Throws AppError('store-failure'), in one line naming the folder and the reason, when the folder cannot be used
 * (full, read-only, no permission); every later file-system failure of the store is one too.
 */
export async function openLowdbFilingStore(options: OpenFilingStoreOptions = {}): Promise<FilingStore> {
  const dir = path.resolve(options.dir ?? DEFAULT_STORE_DIR);
  try {
    return guardStorage(await openStore(dir, options), dir);
  } catch (error) {
    throw toStoreFailure(error, dir, 'be opened') ?? error;
  }
}

async function openStore(dir: string, options: OpenFilingStoreOptions): Promise<FilingStore> {
  const layout = storeLayout(dir);
  const durable = options.durable ?? true;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message: string) => console.error(`hkex-shares store: ${message}`));
  const onCorrupt = options.onCorrupt ?? ((error: AppError) => log(error.message));

  await ensureDirectory(layout.root, durable);
  const release = await lockStore(layout);
  try {
    clearTemporaryFiles(layout.tmpDir);
    for (const dir of [layout.returnsDir, layout.indexDir, layout.journalDir]) await mkdir(dir, { recursive: true });
    const meta = await prepareLayout(layout, { now: now(), durable, onCorrupt });

    const monthFiles = new MonthFiles(layout, { cacheSize: options.cacheSize ?? 500, durable, now });
    const rebuildEntry = (stockCode: string) => rebuildCodeIndexEntry(monthFiles, stockCode, onCorrupt);
    const index = await CodeIndex.open(layout, { durable, now, onCorrupt, rebuildEntry });
    const history = new HistoryFiles(monthFiles, index, { now, onCorrupt });
    const journal = new SaveJournal(layout.journalDir);
    for (const { stockCode, month } of journal.pending()) {
      await index.replace(stockCode, await rebuildEntry(stockCode));
      await history.rebuild(stockCode);
      journal.end(stockCode, month);
    }
    if (meta.schemaVersion < 2) await addHistoryFiles(layout, meta, { index, history, durable, log });
    const repairParts = { monthFiles, index, history, onCorrupt, log };
    await reconcileIndex(repairParts, await codeFolders(layout));
    const settings = new SettingsFiles(layout, {
      durable,
      now,
      slackClaimRetentionDays: options.slackClaimRetentionDays ?? 30,
    });
    const fetchClaims = createLocalFetchClaims(now);
    return new LowdbFilingStore({ ...repairParts, journal, settings, release, fetchClaims });
  } catch (error) {
    await release();
    throw error;
  }
}

/** Makes sure the directory holds a store of the current layout, migrating an older one. */
async function prepareLayout(
  layout: StoreLayout,
  options: { now: Date; durable: boolean; onCorrupt: (error: AppError) => void },
): Promise<StoreMeta> {
  const meta = await readMeta(layout, options);
  if (meta) {
    if (meta.schemaVersion > STORE_SCHEMA_VERSION) {
      throw new AppError(
        'config-invalid',
        `The store at ${layout.root} has layout version ${meta.schemaVersion}; this version reads up to ${STORE_SCHEMA_VERSION}.`,
        { dir: layout.root, schemaVersion: meta.schemaVersion },
      );
    }
    return meta;
  }
  if (await exists(layout.legacyDbFile)) return migrateV0Store(layout, options);
  const created: StoreMeta = {
    schemaVersion: STORE_SCHEMA_VERSION,
    createdAt: options.now.toISOString(),
    migratedFrom: null,
  };
  await writeFileAtomic(layout.metaFile, JSON.stringify(created), { tmpDir: layout.tmpDir, durable: options.durable });
  return created;
}

/**
 * A damaged store.json is moved aside and written anew: it only names the layout version, and files of another
 * version would fail their own validation.
 */
async function readMeta(
  layout: StoreLayout,
  options: { now: Date; onCorrupt: (error: AppError) => void },
): Promise<StoreMeta | null> {
  let text: string;
  try {
    text = await readFile(layout.metaFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return StoreMetaSchema.parse(JSON.parse(text));
  } catch (error) {
    options.onCorrupt(await setAsideDamagedFile(layout.metaFile, 'not a store.json', options.now, error));
    return null;
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
