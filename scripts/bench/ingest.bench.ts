/**
 * Bulk ingest throughput, compiled as `npm start` and the built CLI run it (dist/; `npm run build` first): every
 * monthly return of the corpus (../shared/filings and its zh-legacy/), copied into a temporary folder until there are
 * BENCH_RETURNS, each copy with a comment appended so that every file has its own sha256, ingested into a fresh
 * durable store with 1 reader process and then with 2. Reported: returns per second over the whole run (reader
 * start-up included, as a user sees it) and once the readers are up (from the first file finished), and CPU per
 * return (this process and its readers, user + system), beside poppler's `pdftotext` on the same files (CPU per
 * file). Targets, with 2 readers: at least 35 returns/s on a quiet machine, CPU per return at most 2.5 times
 * pdftotext's. Without the corpus, returns drawn like the pre-2021 form stand in, and the output says so.
 *
 *   npm run bench -- ingest       (HKEX_FILINGS_DIR overrides ../shared/filings; BENCH_RETURNS, default 300;
 *                                  BENCH_WORKERS, the reader counts to run in turn, default 1,2,2,1)
 */

import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as BulkIngest from '../../src/services/bulk-ingest.js';
import type * as Pool from '../../src/services/ingest-worker-pool.js';
import type * as Store from '../../src/store/index.js';
import { drawLegacyReturn } from '../../test/helpers/legacy-form-pdf.js';
import { CORPUS_SUBFOLDERS, defaultFilingsDir } from '../accuracy/corpus.js';
import {
  finishedChildrenCpuSeconds,
  hasPdftotext,
  ms,
  NO_PDFTOTEXT,
  ownCpuSeconds,
  ROOT,
  times,
  verdict,
} from './bench-support.js';

const TARGET = { returnsPerSecond: 35, cpuToPdftotext: 2.5 };
const RETURNS = Number(process.env.BENCH_RETURNS ?? 300);
// Alternating runs, so that a neighbour's load landing on one run shows instead of deciding the comparison.
const WORKER_COUNTS = (process.env.BENCH_WORKERS ?? '1,2,2,1').split(',').map(Number);

const DIST = path.join(ROOT, 'dist');
if (!existsSync(path.join(DIST, 'services', 'bulk-ingest.js'))) {
  console.log('ingest bench: needs dist/ (`npm run build`); skipped');
  process.exit(0);
}
const compiled = async <T>(file: string) => (await import(pathToFileURL(path.join(DIST, file)).href)) as T;
const { bulkIngest } = await compiled<typeof BulkIngest>('services/bulk-ingest.js');
const { createReadPool } = await compiled<typeof Pool>('services/ingest-worker-pool.js');
const { openFilingStore } = await compiled<typeof Store>('store/index.js');

/** The monthly returns of the corpus: its top level and CORPUS_SUBFOLDERS (not other-forms/, which holds none). */
function pdfsUnder(dir: string): string[] {
  return ['', ...CORPUS_SUBFOLDERS].flatMap((folder) =>
    readdirSync(path.join(dir, folder))
      .sort()
      .map((name) => path.join(dir, folder, name))
      .filter((full) => /\.pdf$/i.test(full) && statSync(full).isFile()),
  );
}

async function sources(): Promise<{ label: string; files: { name: string; bytes: Buffer }[] }> {
  const dir = defaultFilingsDir();
  if (existsSync(dir)) {
    const files = pdfsUnder(dir).map((file) => ({ name: path.basename(file, '.pdf'), bytes: readFileSync(file) }));
    return { label: `the corpus at ${dir} (${files.length} PDFs)`, files };
  }
  const files = [];
  for (let month = 1; month <= 12; month++) {
    const mm = String(month).padStart(2, '0');
    const last = new Date(Date.UTC(2012, month, 0)).getUTCDate();
    files.push({ name: `drawn-2012-${mm}`, bytes: await drawLegacyReturn({ monthEnded: `${last}/${mm}/2012` }) });
  }
  return { label: `no corpus at ${dir}: 12 returns drawn like the pre-2021 form`, files };
}

const { label, files } = await sources();
const work = mkdtempSync(path.join(tmpdir(), 'ingest-bench-'));
try {
  const folder = path.join(work, 'in');
  mkdirSync(folder);
  const copies = Math.ceil(RETURNS / files.length);
  for (let copy = 1; copy <= copies; copy++) {
    for (const { name, bytes } of files) {
      // A PDF comment after %%EOF changes the bytes (and the sha256), not what a reader sees.
      writeFileSync(
        path.join(folder, `${name}-copy${copy}.pdf`),
        Buffer.concat([bytes, Buffer.from(`\n%copy ${copy}\n`)]),
      );
    }
  }
  const total = files.length * copies;
  const load = loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
  console.log(
    `ingest: ${total} files (${label}, ${copies} copies each); ${availableParallelism()} cores, load ${load}`,
  );
  const floor = pdftotextCpuPerFile(folder);
  console.log(
    floor === null ? `  ${NO_PDFTOTEXT}` : `  pdftotext -layout, one process per file: ${ms(floor)} CPU per file`,
  );
  console.log(
    'readers  files  returns  seconds  files/s  returns/s  up after  files/s once up  CPU/return  x pdftotext',
  );
  const best = new Map<number, { rate: number; cpu: number }>();
  for (const [run, workers] of WORKER_COUNTS.entries()) {
    const store = await openFilingStore({ dir: path.join(work, `data-${run}`) });
    const cpuBefore = ownCpuSeconds() + (finishedChildrenCpuSeconds() ?? Number.NaN);
    const started = performance.now();
    const pool = createReadPool({ size: workers });
    let firstDone: number | undefined;
    const summary = await bulkIngest(
      {
        store,
        now: () => new Date(),
        read: pool.read,
        concurrency: workers * 2,
        onOutcome: () => {
          firstDone ??= performance.now();
        },
      },
      [folder],
    );
    const seconds = (performance.now() - started) / 1000;
    await pool.close();
    await store.close();
    // The readers have exited and been waited for: their CPU is in this process's children's.
    const cpuPerReturn = (ownCpuSeconds() + (finishedChildrenCpuSeconds() ?? Number.NaN) - cpuBefore) * 1000;
    const returns = summary.outcomes.filter((outcome) => outcome.kind === 'saved').length;
    const upAfter = ((firstDone ?? performance.now()) - started) / 1000;
    const steady = (summary.outcomes.length - 1) / Math.max(0.001, seconds - upAfter);
    console.log(
      [
        String(workers).padStart(7),
        String(summary.outcomes.length).padStart(6),
        String(returns).padStart(8),
        seconds.toFixed(1).padStart(8),
        (summary.outcomes.length / seconds).toFixed(2).padStart(8),
        (returns / seconds).toFixed(2).padStart(10),
        `${upAfter.toFixed(1)} s`.padStart(9),
        steady.toFixed(2).padStart(17),
        ms(cpuPerReturn / Math.max(1, returns), 11),
        (floor === null ? '-' : times(cpuPerReturn / Math.max(1, returns) / floor)).padStart(12),
      ].join(' '),
    );
    const previous = best.get(workers);
    const rate = returns / seconds;
    if (!previous || rate > previous.rate) best.set(workers, { rate, cpu: cpuPerReturn / Math.max(1, returns) });
    const problems = summary.outcomes.filter((outcome) => outcome.kind === 'unreadable' || outcome.kind === 'failed');
    if (problems.length > 0) {
      const first = problems[0];
      const reason = first && 'message' in first ? first.message : '';
      console.log(`  ${problems.length} file(s) not stored, the first because: ${reason}`);
    }
  }
  const two = best.get(2);
  if (two) {
    console.log(
      `  target: 2 readers >= ${TARGET.returnsPerSecond} returns/s on a quiet machine: ${two.rate.toFixed(1)}/s (best run), ${verdict(two.rate, TARGET.returnsPerSecond, '>=')}`,
    );
    if (floor !== null) {
      const ratio = two.cpu / floor;
      console.log(
        `  target: CPU per return <= x${TARGET.cpuToPdftotext} pdftotext's: ${times(ratio)}, ${verdict(ratio, TARGET.cpuToPdftotext)}`,
      );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** pdftotext's CPU per file over every file of `folder`, one process each; null where it is not installed. */
function pdftotextCpuPerFile(folder: string): number | null {
  if (!hasPdftotext()) return null;
  const names = readdirSync(folder);
  const before = finishedChildrenCpuSeconds();
  for (const name of names) spawnSync('pdftotext', ['-layout', path.join(folder, name), '-'], { stdio: 'ignore' });
  const after = finishedChildrenCpuSeconds();
  return before === null || after === null ? null : ((after - before) * 1000) / names.length;
}
