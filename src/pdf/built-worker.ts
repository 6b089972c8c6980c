/**
 * The text-only pdf.js worker (pdf-worker-text-only.ts) as `npm run build` writes it to dist/pdf/: a classic script
 * with V8's code cache beside it, so that a start neither makes the changes nor compiles 2 MB of JavaScript.
 *
 * Made at every start instead, the worker costs about a quarter of a second of `hkex-shares parse`: reading and
 * changing the 2 MB file, and importing it from a data: URL (2.8 MB of base64), which Node parses and decodes, and
 * whose every stack frame names the whole URL; core-js formats one such stack as the worker loads, and runs a
 * regular expression over it. From a file, an ES module still costs its UTF-8 decoding (a few characters of the
 * source are not ASCII: the whole file becomes a two-byte string) and a compile of the whole source. A classic
 * script (`vm.Script`, Node 20's one way to a code cache: an ES module has none before Node 22) with those characters
 * escaped is read as one-byte text and compiled from the cache in about a third of the time.
 *
 * The cache is made right after the script is compiled, before it runs: one made after a read would hold every
 * function the read compiled, twice the size, and reading it costs what compiling them lazily does. V8 refuses a
 * cache from another V8 version or other flags (`cachedDataRejected`), and the script is then compiled as usual.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

export const BUILT_WORKER_NAME = 'pdf.worker.text-only.js';
const CACHE_SUFFIX = '.cache';

/** What the worker exports, and what pdf.js takes from `globalThis.pdfjsWorker`. */
export interface WorkerModule {
  WorkerMessageHandler: unknown;
}

/**
 * The module's three uses of what only an ES module has, each turned into a parameter of the function the script
 * is: its own URL (for WebAssembly files text never needs), a dynamic import (the same), and its export.
 */
const TO_SCRIPT: readonly { find: string; replace: string }[] = [
  { find: 'var _scriptName = import.meta.url;', replace: 'var _scriptName = __workerUrl;' },
  { find: 'const mod = await import(', replace: 'const mod = await __import(' },
  { find: 'export { WorkerMessageHandler };', replace: 'return { WorkerMessageHandler };' },
];

/**
 * What the script's first line records: the pdf.js it was made from and which changes were made (`changes`, a key
 * of their text), so that an upgrade of pdf.js or a change of ours is noticed at start without reading the 2 MB
 * worker.
 */
function stampOf(pdfjsDir: string, changes: string): string {
  const manifest: unknown = JSON.parse(readFileSync(path.join(pdfjsDir, 'package.json'), 'utf8'));
  const version = typeof manifest === 'object' && manifest !== null && 'version' in manifest ? manifest.version : '';
  const { size } = statSync(path.join(pdfjsDir, 'legacy', 'build', 'pdf.worker.mjs'));
  return `// text-only pdf.worker.mjs of pdfjs-dist ${String(version)}, ${size} bytes, changes ${changes} ${keyOf(JSON.stringify(TO_SCRIPT))}\n`;
}

/** A short key of `text` (FNV-1a, 32 bits): enough to tell one version of a few kilobytes of our text from another. */
export function keyOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** The changed worker as a function expression `(workerUrl, import) => ({ WorkerMessageHandler })`, ASCII only. */
function toScript(module: string): string | undefined {
  let body = module;
  for (const { find, replace } of TO_SCRIPT) {
    const at = body.indexOf(find);
    if (at < 0 || body.indexOf(find, at + 1) >= 0) return undefined;
    body = body.slice(0, at) + replace + body.slice(at + find.length);
  }
  // The few characters beyond ASCII are all in string literals, where an escape means the same character.
  const ascii = body.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `(function (__workerUrl, __import) {\n'use strict';\n${ascii}\n})`;
}

/**
 * Writes `changed` (the changed worker, an ES module) as a script to `file` and its code cache to `file.cache`, stamped
 * with the installed pdf.js (pdfjs-dist's folder `pdfjsDir`) and `changes`; false, writing nothing, where it cannot be
 * made a script.
 */
export async function writeBuiltWorker(pdfjsDir: string, changes: string, changed: string, file: string) {
  const script = toScript(changed);
  if (script === undefined) return false;
  const source = stampOf(pdfjsDir, changes) + script;
  const cache = new vm.Script(source, { filename: file }).createCachedData();
  await writeFile(file, source);
  await writeFile(file + CACHE_SUFFIX, cache);
  return true;
}

/** The first bytes of `file`, or undefined where it cannot be read. */
function headOf(file: string, bytes: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(bytes);
    return head.toString('latin1', 0, readSync(fd, head, 0, bytes, 0));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Runs the worker `npm run build` wrote to `file`, if it was made from the installed pdf.js (pdfjs-dist's folder
 * `pdfjsDir`) with the `changes` made now; undefined where it is absent or stale.
 */
export function loadBuiltWorker(pdfjsDir: string, changes: string, file: string): WorkerModule | undefined {
  const stamp = stampOf(pdfjsDir, changes);
  if (headOf(file, stamp.length) !== stamp) return undefined;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(file + CACHE_SUFFIX);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(readFileSync(file, 'latin1'), { filename: file, cachedData });
  const run: unknown = script.runInThisContext();
  if (typeof run !== 'function') return undefined;
  const worker: unknown = run(pathToFileURL(file).href, (specifier: string) => import(specifier));
  return isWorkerModule(worker) ? worker : undefined;
}

export function isWorkerModule(value: unknown): value is WorkerModule {
  return typeof value === 'object' && value !== null && 'WorkerMessageHandler' in value;
}
