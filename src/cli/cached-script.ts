/**
 * `hkex-shares parse` as one classic script with V8's code cache beside it (dist/bundle/parse.js, written by
 * scripts/bundle-cli.mjs at `npm run build`), which bin/hkex-shares.js runs for `parse`.
 *
 * Loaded as ES modules, pdf.js's display layer (pdf.mjs, 0.96 MB), pdf-parse and our bundle are each read, decoded
 * and compiled at every start: Node 20 has no code cache for ES modules (built-worker.ts says the same of the worker).
 * Bundled into one script (`vm.Script`, whose `cachedData` Node 20 does take), they are compiled from the cache. The
 * script holds the libraries it bundles and expects the text-only worker the same build wrote, so its first line
 * records each library's version and the worker's size: a script whose libraries were upgraded since the build
 * (pdf.js's display layer must be the installed worker's version, or pdf.js refuses the worker), or whose worker is
 * gone, is not run, and the caller falls back to the ES module bundle. V8 itself refuses a cache made by another V8
 * or under other flags (`cachedDataRejected`), and the script is then compiled as usual.
 */
import { readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

const CACHE_SUFFIX = '.cache';
const STAMP_PREFIX = '// built against:';

/**
 * The first line of a script: each file it depends on (relative to `root`) as it is there now: a library's
 * package.json with the version it names, any other file with its size, or `missing`.
 */
function stampOf(root: string, dependencies: readonly string[]): string {
  const keys = dependencies.map((file) => `${file}@${keyOfDependency(path.join(root, file))}`);
  return `${STAMP_PREFIX} ${keys.join(' ')}\n`;
}

function keyOfDependency(file: string): string {
  try {
    if (path.basename(file) !== 'package.json') return `${statSync(file).size}b`;
    const manifest: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof manifest === 'object' && manifest !== null && 'version' in manifest) return String(manifest.version);
  } catch {
    // Removed since the build: the stamp no longer matches.
  }
  return 'missing';
}

/** The files a stamp names, read back from its first line. */
function dependenciesOf(stamp: string): string[] {
  return stamp
    .slice(STAMP_PREFIX.length)
    .trim()
    .split(' ')
    .filter((entry) => entry !== '')
    .map((entry) => entry.slice(0, entry.lastIndexOf('@')));
}

/**
 * Writes `body` (a classic script that runs the command, expecting `require` and `__bundleUrl`, its own file URL, as
 * parameters) to `file` as a function expression, ASCII only, stamped with the files it depends on (relative to
 * `root`: the package.json of each library it bundles, and files it reads as the build left them), and its code
 * cache to `file.cache`.
 */
export async function writeCachedScript(
  file: string,
  body: string,
  root: string,
  dependencies: readonly string[],
): Promise<void> {
  // A two-byte source string would have to be decoded as UTF-8 at every start; the characters beyond ASCII are all
  // in string literals and regular expressions, where an escape means the same character.
  const ascii = body.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const source = `${stampOf(root, dependencies)}(function (require, __bundleUrl) {\n${ascii}\n})`;
  // Made before the script runs: a cache made after a read holds every function the read compiled, and reading it
  // costs what compiling them lazily does (measured for the worker, built-worker.ts).
  const cache = new vm.Script(source, { filename: file }).createCachedData();
  await writeFile(file, source);
  await writeFile(file + CACHE_SUFFIX, cache);
}

/**
 * Runs the script `writeCachedScript` wrote to `file`, whose dependencies are found from `root`: true once started,
 * false (running nothing) where it is absent or a file it depends on is no longer as it was built.
 */
export function runCachedScript(file: string, root: string): boolean {
  let source: string;
  try {
    source = readFileSync(file, 'latin1');
  } catch {
    return false;
  }
  const stamp = source.slice(0, source.indexOf('\n') + 1);
  if (!stamp.startsWith(STAMP_PREFIX) || stampOf(root, dependenciesOf(stamp)) !== stamp) return false;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(file + CACHE_SUFFIX);
  } catch {
    cachedData = undefined;
  }
  // No importModuleDynamically: a script compiled from a code cache loses it (Node 20), so the script holds no
  // import() (scripts/bundle-cli.mjs).
  const script = new vm.Script(source, { filename: file, cachedData });
  const run: unknown = script.runInThisContext();
  if (typeof run !== 'function') return false;
  run(createRequire(file), pathToFileURL(file).href);
  return true;
}
