/**
 * Writes pdf.js's worker changed for text only (src/pdf/pdf-worker-text-only.ts) to dist/pdf/ as a script with its
 * V8 code cache (src/pdf/built-worker.ts), which the readers and the CLI load instead of making it at every start.
 * Run by `npm run build`, after tsc, whose output it uses. Where a change does not apply to the installed pdf.js it
 * writes nothing and says so; a start then makes do as it would without this file.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { BUILT_WORKER_NAME } from '../dist/pdf/built-worker.js';
import { writeTextOnlyWorker } from '../dist/pdf/pdf-worker-text-only.js';

const require = createRequire(import.meta.url);
const pdfjsDir = path.dirname(require.resolve('pdfjs-dist/package.json', { paths: [require.resolve('pdf-parse')] }));
const file = path.join('dist', 'pdf', BUILT_WORKER_NAME);
if (!(await writeTextOnlyWorker(pdfjsDir, file))) {
  console.log(`build-text-only-worker: the text-only changes do not apply to this pdf.js; ${file} not written`);
}
