/**
 * Bulk ingest throughput: every PDF of the corpus (../shared/filings, its other-forms too), copied COPIES times into
 * a temporary folder with a comment appended to each copy so that every file has its own sha256, ingested into a
 * fresh durable store with 1 reader thread and then with 2. Reported: files and returns per second over the whole
 * run (reader start-up included, as a user sees it) and once the readers are up (from the first file finished).
 * Without the corpus, returns drawn like the pre-2021 form stand in, and the output says so.
 *
 *   npm run bench -- ingest       (HKEX_FILINGS_DIR overrides ../shared/filings; BENCH_COPIES, default 3;
 *                                  BENCH_WORKERS, the reader counts to run in turn, default 1,2,2,1)
 */
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
import { bulkIngest } from '../../src/services/bulk-ingest.js';
import { createReadPool } from '../../src/services/ingest-worker-pool.js';
import { openFilingStore } from '../../src/store/index.js';
import { drawLegacyReturn } from '../../test/helpers/legacy-form-pdf.js';
import { defaultFilingsDir } from '../accuracy/corpus.js';

const COPIES = Number(process.env.BENCH_COPIES ?? 3);
// Alternating runs, so that a neighbour's load landing on one run shows instead of deciding the comparison.
const WORKER_COUNTS = (process.env.BENCH_WORKERS ?? '1,2,2,1').split(',').map(Number);

function pdfsUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return pdfsUnder(full);
      return /\.pdf$/i.test(name) ? [full] : [];
    });
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
  for (let copy = 1; copy <= COPIES; copy++) {
    for (const { name, bytes } of files) {
      // A PDF comment after %%EOF changes the bytes (and the sha256), not what a reader sees.
      writeFileSync(
        path.join(folder, `${name}-copy${copy}.pdf`),
        Buffer.concat([bytes, Buffer.from(`\n%copy ${copy}\n`)]),
      );
    }
  }
  const total = files.length * COPIES;
  const load = loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
  console.log(
    `ingest: ${total} files (${label}, ${COPIES} copies each); ${availableParallelism()} cores, load ${load}`,
  );
  console.log('readers  files  returns  seconds  files/s  returns/s  up after  files/s once up');
  for (const [run, workers] of WORKER_COUNTS.entries()) {
    const store = await openFilingStore({ dir: path.join(work, `data-${run}`) });
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
      ].join(' '),
    );
    const problems = summary.outcomes.filter((outcome) => outcome.kind === 'unreadable' || outcome.kind === 'failed');
    if (problems.length > 0) {
      const first = problems[0];
      const reason = first && 'message' in first ? first.message : '';
      console.log(`  ${problems.length} file(s) not stored, the first because: ${reason}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
