/**
 * Run by pdf-worker-text-only.test.ts in a process of its own (pdf.js keeps the worker it first loaded): prints, as
 * JSON, pdf.js's text items for each PDF given, read with pdf.js's own worker (first argument `stock`), the text-only
 * worker made at start (`made`), or the text-only worker as `npm run build` writes it (`built`: written to a
 * temporary folder here, with its code cache), and whether pdf.js was given the worker asked for.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pdfJsItems } from '../../scripts/extraction-items.js';
import { BUILT_WORKER_NAME } from '../../src/pdf/built-worker.js';
import { installTextOnlyWorker, writeTextOnlyWorker } from '../../src/pdf/pdf-worker-text-only.js';

interface WorkerModule {
  WorkerMessageHandler: unknown;
}
const global = globalThis as { pdfjsWorker?: WorkerModule };
const [mode, ...files] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const pdfjsDir = path.dirname(require.resolve('pdfjs-dist/package.json', { paths: [require.resolve('pdf-parse')] }));
const worker = path.join(pdfjsDir, 'legacy', 'build', 'pdf.worker.mjs');
const importStock = async () => (await import(pathToFileURL(worker).href)) as WorkerModule;
// pdf.js's own worker, once loaded, names itself globalThis.pdfjsWorker, which pdf.js then takes.
let installed = true;
if (mode === 'stock') await importStock();
if (mode === 'made') installed = (await installTextOnlyWorker(pdfjsDir)) === 'made';
const folder = mkdtempSync(path.join(tmpdir(), 'built-worker-'));
try {
  if (mode === 'built') {
    const built = path.join(folder, BUILT_WORKER_NAME);
    installed =
      (await writeTextOnlyWorker(pdfjsDir, built)) && (await installTextOnlyWorker(pdfjsDir, built)) === 'built';
  }
  const given = global.pdfjsWorker?.WorkerMessageHandler;
  const items: Record<string, unknown> = {};
  for (const file of files) items[file] = await pdfJsItems(new Uint8Array(readFileSync(file)));
  // The text-only worker is another module than pdf.js's own.
  const textOnly = installed && given !== undefined && given !== (await importStock()).WorkerMessageHandler;
  process.stdout.write(JSON.stringify({ textOnly, items }));
} finally {
  rmSync(folder, { recursive: true, force: true });
}
