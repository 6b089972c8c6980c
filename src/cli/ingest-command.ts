/**
 * `hkex-shares ingest [--data DIR] [--workers N] [--json] [--verbose] PATH...`: every PDF under the paths into the
 * store. Ctrl-C stops after the saves in hand (a second Ctrl-C quits at once); running the command again reads
 * what was left. Exit status: 0 when every file was stored, already held or recognised as not a monthly return;
 * 1 when a file could not be read or saved, or a path does not exist; 2 for a usage error; 130 when interrupted.
 */
import { parseArgs } from 'node:util';
import { loadDataDir, loadDotEnv } from '../config.js';
import { bulkIngest, findPdfFiles } from '../services/bulk-ingest.js';
import { createReadPool, defaultPoolSize, poolSizeFor } from '../services/ingest-worker-pool.js';
import { ingestFailed, renderIngestSummary, summaryAsJson } from './ingest-summary.js';
import { EXIT, readCommandLine, runOnStore } from './store-command.js';

const USAGE = `Usage: hkex-shares ingest [options] PATH...
  Reads every PDF under the given files and folders into the store.
  --data DIR      the store's directory (default: DATA_DIR from the environment or .env, else ./data)
  --workers N     reader threads (default: one per core, here ${defaultPoolSize()}, fewer for a few files)
  --json          print the summary as JSON
  --verbose       list every file in the summary`;

export async function run(args: string[]): Promise<number> {
  const options = readCommandLine(args, USAGE, parseOptions);
  if (typeof options === 'number') return options;
  const stopping = 'Stopping: finishing the saves in hand (Ctrl-C again to quit at once; nothing saved is lost).';
  return runOnStore('ingest', options.dataDir, stopping, async ({ stopProgress, ...hooks }) => {
    const found = await findPdfFiles(options.paths);
    const pool = createReadPool({ size: poolSizeFor(found.files.length, options.workers) });
    try {
      const summary = await bulkIngest(
        { ...hooks, now: () => new Date(), read: pool.read, concurrency: pool.size * 2 },
        found,
      );
      stopProgress();
      console.log(
        options.json
          ? JSON.stringify(summaryAsJson(summary, options.dataDir), null, 2)
          : renderIngestSummary(summary, { dataDir: options.dataDir, verbose: options.verbose }),
      );
      if (summary.interrupted) return EXIT.interrupted;
      return ingestFailed(summary) ? EXIT.failed : EXIT.ok;
    } finally {
      await pool.close();
    }
  });
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
