/**
 * `npm run accuracy`: parses every filing in the corpus that has a *.truth.json and prints, per file and in total,
 * the fields checked, the fields right, and each mismatch. The corpus is `../shared/filings` beside the checkout,
 * or HKEX_FILINGS_DIR. `npm run accuracy -- ff301` limits the run to FF301 returns. Exits 1 on any mismatch.
 */
import { existsSync } from 'node:fs';
import { defaultFilingsDir, formatAccuracyReport, runAccuracy, totalsOf } from './accuracy/corpus.js';

const dir = defaultFilingsDir();
if (!existsSync(dir)) {
  console.error(`No corpus at ${dir}: set HKEX_FILINGS_DIR to the folder of filings and their *.truth.json`);
  process.exit(2);
}
const onlyFf301 = process.argv.slice(2).includes('ff301');
const files = await runAccuracy(dir, onlyFf301 ? { only: (truth) => truth.form === 'FF301' } : {});
console.log(`Corpus: ${dir}\n`);
console.log(formatAccuracyReport(files));
const totals = totalsOf(files);
process.exit(totals.right === totals.checked && files.every((file) => !file.error) ? 0 : 1);
