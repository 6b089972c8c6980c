/**
 * What the commands that fill the store (`ingest`, `fetch`) share: their exit statuses, the usage answer, opening
 * the store with a one-line reason when it cannot be opened, and a progress bar that Ctrl-C stops after the work in
 * hand.
 */
import { loadDatabaseUrl } from '../config.js';
import { isAppError } from '../domain/errors.js';
import type { FileOutcome } from '../services/bulk-ingest.js';
import { type FilingStore, openFilingStore } from '../store/index.js';
import { createIngestProgress } from './ingest-progress.js';
import { stopOnInterrupt } from './stop-on-interrupt.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** The options `parse` reads from `args`, or the exit status once usage (or `--help`) has been answered. */
export function readCommandLine<T extends { help: boolean }>(
  args: string[],
  usage: string,
  parse: (args: string[]) => T,
): T | number {
  let options: T;
  try {
    options = parse(args);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return EXIT.usage;
  }
  if (!options.help) return options;
  console.log(usage);
  return EXIT.ok;
}

export interface StoreCommandHooks {
  readonly store: FilingStore;
  /** Aborted at the first Ctrl-C or SIGTERM. */
  readonly signal: AbortSignal;
  readonly onStart: (total: number) => void;
  readonly onOutcome: (outcome: FileOutcome, done: number, total: number) => void;
  /** A line above the progress bar. */
  readonly note: (message: string) => void;
  /** Takes the progress bar off the terminal before the summary is printed. */
  readonly stopProgress: () => void;
}

/**
 * Runs `work` on the store in `dataDir` with a progress bar on stderr; `stopping` is what the first Ctrl-C prints.
 * The store is closed whatever happens.
 */
export async function runOnStore(
  command: string,
  dataDir: string,
  stopping: string,
  work: (hooks: StoreCommandHooks) => Promise<number>,
): Promise<number> {
  let store: FilingStore;
  try {
    store = await openFilingStore({ dir: dataDir, databaseUrl: loadDatabaseUrl() });
  } catch (error) {
    console.error(`hkex-shares ${command}: ${isAppError(error) ? error.message : String(error)}`);
    return EXIT.failed;
  }
  const progress = createIngestProgress(process.stderr);
  const interrupt = stopOnInterrupt(progress.note, stopping);
  try {
    return await work({
      store,
      signal: interrupt.signal,
      onStart: (total) => progress.start(total),
      onOutcome: (outcome, done, total) => progress.update(outcome, done, total),
      note: progress.note,
      stopProgress: () => progress.stop(),
    });
  } finally {
    interrupt.dispose();
    await store.close();
  }
}
