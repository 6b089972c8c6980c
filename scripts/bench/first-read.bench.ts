/**
 * The first upload after the bot starts against a warm one: a reader pool started as the bot starts it (compiled,
 * dist/, with the thorough warm-up of main.ts), the first real return read once the readers say they have warmed up
 * (in the background, once ready), then the same return WARM_READS times more (each with its own bytes, as a new
 * upload). Several fresh pools per file, an English and a Chinese FF301 from the corpus (fixtures where it is absent). Target: the first read at most
 * 1.5 times the warm median. `npm run build` first.
 *
 *   npm run bench -- first-read          (BENCH_ROUNDS: fresh pools per file, default 5)
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Pool from '../../src/services/ingest-worker-pool.js';
import { defaultFilingsDir } from '../accuracy/corpus.js';
import { median, ms, ROOT, times, verdict } from './bench-support.js';

const TARGET = 1.5;
const WARM_READS = 10;
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const compiled = path.join(ROOT, 'dist', 'services', 'ingest-worker-pool.js');
if (!existsSync(compiled)) {
  console.log('first-read bench: needs dist/ (`npm run build`); skipped');
  process.exit(0);
}
const { createReadPool } = (await import(pathToFileURL(compiled).href)) as typeof Pool;

const corpus = defaultFilingsDir();
const candidates: [string, string][] = [
  ['English FF301', path.join(corpus, '01723_2026-01.pdf')],
  ['English FF301', path.join(ROOT, 'fixtures', '02288_2025-03.pdf')],
  ['Chinese FF301', path.join(corpus, '00328_2025-09.pdf')],
  ['Chinese FF301', path.join(ROOT, 'fixtures', '01988_2025-04_zh-hant.pdf')],
];
const files = [...new Map(candidates.filter(([, file]) => existsSync(file)).reverse()).entries()].reverse();

let nonce = 0;
/** The same PDF with a comment after %%EOF: a new file to whoever reads it, the same return. */
const upload = (bytes: Buffer) => new Uint8Array(Buffer.concat([bytes, Buffer.from(`\n%upload ${nonce++}\n`)]));

console.log(
  `first read: ${rounds} fresh reader pools per file (dist/, thorough warm-up), ${WARM_READS} warm reads each`,
);
for (const [group, file] of files) {
  const bytes = readFileSync(file);
  const firsts: number[] = [];
  const warm: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const pool = createReadPool({ size: 1, thoroughWarmUp: true });
    try {
      await pool.warmed();
      const time = async () => {
        const started = performance.now();
        await pool.read(upload(bytes), { fileName: path.basename(file) });
        return performance.now() - started;
      };
      firsts.push(await time());
      for (let i = 0; i < WARM_READS; i++) warm.push(await time());
    } finally {
      await pool.close();
    }
  }
  const ratio = median(firsts) / median(warm);
  console.log(
    `  ${group} ${path.basename(file).padEnd(30)} first ${ms(median(firsts))} (of ${firsts.map((t) => t.toFixed(0)).join(', ')}), warm ${ms(median(warm))}: ${times(ratio)}, ${verdict(ratio, TARGET)}`,
  );
}
