/**
 * `hkex-shares parse` as one classic script with V8's code cache beside it (dist/bundle/parse.js, written by
 * scripts/bundle-cli.mjs at `npm run build`), which bin/hkex-shares.js runs for `parse`.
 *
 * Loaded as ES modules, pdf.js's display layer (pdf.mjs, 0.96 MB), pdf-parse and our bundle are each read, decoded
 * and compiled at every start: Node 20 has no code cache for ES modules (built-worker.ts says the same of the worker).
 * Bundled into one script (`vm.Script`, whose `cachedData` Node 20 does take), they are compiled from the cache. The
 * script carries the libraries it holds, so the first line records each one's version: a script whose libraries
 * were upgraded since the build (pdf.js's display layer must be the installed worker's version, or pdf.js refuses
 * the worker) is not run, and the caller falls back to the ES module bundle. V8 itself refuses a cache made by
 * another V8 or under other flags (`cachedDataRejected`), and the script is then compiled as usual.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

const CACHE_SUFFIX = '.cache';
const STAMP_PREFIX = '// bundled:';

/**
 * The first line of a script: each library bundled (its package.json, relative to `root`) with the version
 * installed there now, or `missing`.
 */
function stampOf(root: string, packageJsons: readonly string[]): string {
  const versions = packageJsons.map((file) => `${file}@${installedVersion(path.join(root, file))}`);
  return `${STAMP_PREFIX} ${versions.join(' ')}\n`;
}

function installedVersion(packageJson: string): string {
  try {
    const manifest: unknown = JSON.parse(readFileSync(packageJson, 'utf8'));
    if (typeof manifest === 'object' && manifest !== null && 'version' in manifest) return String(manifest.version);
  } catch {
    // A library removed since the build: the stamp no longer matches.
  }
  return 'missing';
}

/** The package.json files a stamp names, read back from its first line. */
function packageJsonsOf(stamp: string): string[] {
  return stamp
    .slice(STAMP_PREFIX.length)
    .trim()
    .split(' ')
    .filter((entry) => entry !== '')
    .map((entry) => entry.slice(0, entry.lastIndexOf('@')));
}

/**
 * Writes `body` (a classic script that runs the command, expecting `require` and `__bundleUrl`, its own file URL, as
 * parameters) to `file` as a function expression, ASCII only, stamped with the libraries it bundles (their
 * package.json files relative to `root`), and its code cache to `file.cache`.
 */
export async function writeCachedScript(
  file: string,
  body: string,
  root: string,
  packageJsons: readonly string[],
): Promise<void> {
  // A two-byte source string would have to be decoded as UTF-8 at every start; the characters beyond ASCII are all
  // in string literals and regular expressions, where an escape means the same character.
  const ascii = body.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const source = `${stampOf(root, packageJsons)}(function (require, __bundleUrl) {\n${ascii}\n})`;
  // Made before the script runs: a cache made after a read holds every function the read compiled, and reading it
  // costs what compiling them lazily does (measured for the worker, built-worker.ts).
  const cache = new vm.Script(source, { filename: file }).createCachedData();
  await writeFile(file, source);
  await writeFile(file + CACHE_SUFFIX, cache);
}

/**
 * Runs the script `writeCachedScript` wrote to `file`, whose libraries are found from `root`: true once started, false
 * (running nothing) where it is absent or a library it bundles is no longer the version installed.
 */
export function runCachedScript(file: string, root: string): boolean {
  let source: string;
  try {
    source = readFileSync(file, 'latin1');
  } catch {
    return false;
  }
  const stamp = source.slice(0, source.indexOf('\n') + 1);
  if (!stamp.startsWith(STAMP_PREFIX) || stampOf(root, packageJsonsOf(stamp)) !== stamp) return false;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(file + CACHE_SUFFIX);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(source, {
    filename: file,
    cachedData,
    // pdf.js and the worker import a module here and there (never for text); as a module would.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const run: unknown = script.runInThisContext();
  if (typeof run !== 'function') return false;
  run(createRequire(file), pathToFileURL(file).href);
  return true;
}
