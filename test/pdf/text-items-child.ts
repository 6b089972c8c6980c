/**
 * Run by pdf-worker-text-only.test.ts in a process of its own (pdf.js keeps the worker it first loaded): prints, as
 * JSON, pdf.js's text items for each PDF given, read with the text-only worker, or with pdf.js's own if the first
 * argument is `stock`, and which of the two pdf.js was given.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { pdfJsItems } from '../../scripts/extraction-items.js';

interface WorkerModule {
  WorkerMessageHandler: unknown;
}
const global = globalThis as { pdfjsWorker?: WorkerModule };
const [mode, ...files] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const worker = require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs', { paths: [require.resolve('pdf-parse')] });
const importStock = async () => (await import(pathToFileURL(worker).href)) as WorkerModule;
// pdf.js's own worker, once loaded, names itself globalThis.pdfjsWorker, which pdf.js then takes.
if (mode === 'stock') await importStock();
const items: Record<string, unknown> = {};
for (const file of files) items[file] = await pdfJsItems(new Uint8Array(readFileSync(file)));
// The text-only worker is another module than pdf.js's own.
const given = global.pdfjsWorker?.WorkerMessageHandler;
const textOnly = given !== undefined && given !== (await importStock()).WorkerMessageHandler;
process.stdout.write(JSON.stringify({ textOnly, items }));
