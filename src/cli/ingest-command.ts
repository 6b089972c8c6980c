/**
 * `hkex-shares ingest [--data DIR] [--workers N] [--json] [--verbose] PATH...`: every PDF under the paths into the
 * store. Ctrl-C stops after the saves in hand (a second Ctrl-C quits at once); running the command again reads
 * what was left. Exit status: 0 when every file was stored, already held or recognised as not a monthly return;
 * 1 when a file could not be read or saved, or a path does not exist; 2 for a usage error; 130 when interrupted.
 */
import { parseArgs } from 'node:util';
import { loadDataDir, loadDotEnv, loadReadMemoryMb } from '../config.js';
import { isAppError } from '../domain/errors.js';
import { bulkIngest, findPdfFiles } from '../services/bulk-ingest.js';
import { createReadPool, defaultPoolSize, poolSizeFor } from '../services/ingest-worker-pool.js';
import { openFilingStore } from '../store/index.js';
import { createIngestProgress } from './ingest-progress.js';
import { ingestFailed, renderIngestSummary, summaryAsJson } from './ingest-summary.js';
import { stopOnInterrupt } from './stop-on-interrupt.js';

const USAGE = `Usage: hkex-shares ingest [options] PATH...
  Reads every PDF under the given files and folders into the store.
  --data DIR      the store's directory (default: DATA_DIR from the environment or .env, else ./data)
  --workers N     reader processes (default: one per core, here ${defaultPoolSize()}, fewer for a few files)
  --json          print the summary as JSON
  --verbose       list every file in the summary`;

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

export async function run(args: string[]): Promise<number> {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(args);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return EXIT.usage;
  }
  if (options.help) {
    console.log(USAGE);
    return EXIT.ok;
  }

  let store: Awaited<ReturnType<typeof openFilingStore>>;
  try {
    store = await openFilingStore({ dir: options.dataDir });
  } catch (error) {
    console.error(`hkex-shares ingest: ${isAppError(error) ? error.message : String(error)}`);
    return EXIT.failed;
  }
  const found = await findPdfFiles(options.paths);
  const pool = createReadPool({ size: poolSizeFor(found.files.length, options.workers), memoryMb: options.memoryMb });
  const progress = createIngestProgress(process.stderr);
  const interrupt = stopOnInterrupt(
    progress.note,
    'Stopping: finishing the saves in hand (Ctrl-C again to quit at once; nothing saved is lost).',
  );
  try {
    const summary = await bulkIngest(
      {
        store,
        now: () => new Date(),
        read: pool.read,
        concurrency: pool.size * 2,
        signal: interrupt.signal,
        onStart: (total) => progress.start(total),
        onOutcome: (outcome, done, total) => progress.update(outcome, done, total),
      },
      found,
    );
    progress.stop();
    console.log(
      options.json
        ? JSON.stringify(summaryAsJson(summary, options.dataDir), null, 2)
        : renderIngestSummary(summary, { dataDir: options.dataDir, verbose: options.verbose }),
    );
    if (summary.interrupted) return EXIT.interrupted;
    return ingestFailed(summary) ? EXIT.failed : EXIT.ok;
  } finally {
    interrupt.dispose();
    await pool.close();
    await store.close();
  }
}

function parseOptions(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      workers: { type: 'string' },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 64)) {
    throw new Error(`--workers must be a whole number from 1 to 64, not "${values.workers}"`);
  }
  if (!values.help && positionals.length === 0) throw new Error('Give at least one file or folder to read.');
  return {
    paths: positionals,
    dataDir: values.data ?? dataDirFromSettings(),
    memoryMb: loadReadMemoryMb(),
    workers,
    json: values.json,
    verbose: values.verbose,
    help: values.help,
  };
}

/** The bot's own store: DATA_DIR as the app reads it (the environment, then .env). */
function dataDirFromSettings(): string {
  loadDotEnv();
  return loadDataDir();
}
