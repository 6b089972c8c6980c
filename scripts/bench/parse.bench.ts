/**
 * Parse benchmark: on the corpus, warm, the time to parse one return (PDF bytes -> checked MonthlyReturn) next to
 * the time pdf-parse alone takes to extract the same file's text, in the same run and the same process.
 * Target: the whole parse costs at most 1.3 times the bare extraction.
 *
 *   npm run bench -- parse          (HKEX_FILINGS_DIR overrides ../shared/filings; BENCH_ROUNDS, default 7)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseMonthlyReturn } from '../../src/parse/index.js';
import { extractText } from '../../src/pdf/extract-text.js';
import { loadPdfParse, PDFJS_RESOURCES } from '../../src/pdf/pdf-library.js';
import { defaultFilingsDir, listTruthFiles } from '../accuracy/corpus.js';
import { quantile } from './quantile.js';

const TARGET_RATIO = 1.3;
const dir = defaultFilingsDir();
const names = listTruthFiles(dir);
if (names.length === 0) {
  console.log(`parse bench: no corpus at ${dir} (set HKEX_FILINGS_DIR); skipped`);
  process.exit(0);
}
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
// pdf-parse as extractText loads it, so both run with the same engine built-ins (see loadPdfParse).
const PDFParse = await loadPdfParse();
const files = names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(dir, `${name}.pdf`))) }));

const kindOf = new Map<string, string>();

async function ours(bytes: Uint8Array, name: string): Promise<{ extract: number; parse: number }> {
  const start = performance.now();
  const doc = await extractText(bytes, undefined, name);
  const extracted = performance.now();
  const parsed = parseMonthlyReturn(doc, name);
  const parse = performance.now() - extracted;
  kindOf.set(name, parsed.monthlyReturn.form.kind);
  return { extract: extracted - start, parse };
}

/**
 * pdf-parse's own getText(). Bare, as the library comes, it reads no Chinese at all (it drops every glyph of the
 * CJK fonts); with the character maps it reads what we read, so both are timed.
 */
async function bare(bytes: Uint8Array, withCharacterMaps = false): Promise<number> {
  const start = performance.now();
  const parser = new PDFParse({ data: new Uint8Array(bytes), ...(withCharacterMaps ? PDFJS_RESOURCES : {}) });
  try {
    await parser.getText();
  } finally {
    await parser.destroy();
  }
  return performance.now() - start;
}

// Warm: pdf.js's modules and fonts are loaded once per process, not per filing.
for (const file of files) {
  await ours(file.bytes, file.name);
  await bare(file.bytes);
  await bare(file.bytes, true);
}

interface Samples {
  whole: number[];
  extract: number[];
  parse: number[];
  bare: number[];
  withMaps: number[];
}
const samples = (): Samples => ({ whole: [], extract: [], parse: [], bare: [], withMaps: [] });
const all = samples();
const perFile = new Map<string, Samples>();
for (let round = 0; round < rounds; round++) {
  for (const file of files) {
    // Rotate the order, so that none always runs on a cache another warmed.
    const runs: (() => Promise<void>)[] = [
      async () => {
        const timing = await ours(file.bytes, file.name);
        record(file.name, 'whole', timing.extract + timing.parse);
        record(file.name, 'extract', timing.extract);
        record(file.name, 'parse', timing.parse);
      },
      async () => record(file.name, 'bare', await bare(file.bytes)),
      async () => record(file.name, 'withMaps', await bare(file.bytes, true)),
    ];
    for (let i = 0; i < runs.length; i++) await runs[(i + round) % runs.length]?.();
  }
}

function record(name: string, key: keyof Samples, value: number): void {
  all[key].push(value);
  const entry = perFile.get(name) ?? samples();
  entry[key].push(value);
  perFile.set(name, entry);
}

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);
const row = (label: string, values: readonly number[]) =>
  console.log(`  ${label.padEnd(42)}${ms(quantile(values, 0.5))} ${ms(quantile(values, 0.95))}`);
console.log(`parse bench: ${files.length} returns x ${rounds} rounds, warm, one process (${dir})`);
console.log(`  ${''.padEnd(42)}    median        p95`);
row('parse one return (extract + parse)', all.whole);
row('  of which extraction (pdf.js)', all.extract);
row('  of which parsing', all.parse);
row('pdf-parse getText(), bare', all.bare);
row('pdf-parse getText(), with character maps', all.withMaps);
for (const kind of new Set(kindOf.values())) {
  const entries = [...perFile].filter(([name]) => kindOf.get(name) === kind).map(([, entry]) => entry);
  const label = kind === 'FF301' ? 'FF301' : 'pre-2021 form';
  row(
    `${label}: parse one return`,
    entries.flatMap((entry) => entry.whole),
  );
  row(
    `${label}:   of which parsing`,
    entries.flatMap((entry) => entry.parse),
  );
  row(
    `${label}: pdf-parse getText(), bare`,
    entries.flatMap((entry) => entry.bare),
  );
}
console.log('  per file, median: ours vs bare getText() (ratio), vs with character maps (ratio)');
for (const [name, entry] of perFile) {
  const mine = quantile(entry.whole, 0.5);
  const plain = quantile(entry.bare, 0.5);
  const maps = quantile(entry.withMaps, 0.5);
  console.log(
    `    ${name.padEnd(28)}${ms(mine)} vs ${ms(plain)} (x${(mine / plain).toFixed(2)}) vs ${ms(maps)} (x${(mine / maps).toFixed(2)})`,
  );
}
const ratio = quantile(all.whole, 0.5) / quantile(all.bare, 0.5);
const ratioP95 = quantile(all.whole, 0.95) / quantile(all.bare, 0.95);
const ratioMaps = quantile(all.whole, 0.5) / quantile(all.withMaps, 0.5);
console.log(
  `  ratio to bare getText(): x${ratio.toFixed(2)} (median), x${ratioP95.toFixed(2)} (p95); target <= x${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}`,
);
console.log(`  ratio to getText() with character maps: x${ratioMaps.toFixed(2)} (median)`);
