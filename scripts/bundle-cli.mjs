/**
 * Bundles the command line into dist/bundle/ (cli.js and a chunk per sub-command), which bin/hkex-shares.js
 * prefers: Node then resolves, reads and compiles a few files of ours instead of some hundred modules (zod's among them), a visible part of a start of
 * `hkex-shares parse`. pdf-parse and pdf.js stay outside it, loaded from node_modules as they are: pdf.js loads its
 * worker and finds its character maps by path. The sub-commands stay lazy inside the bundle (esbuild runs a module
 * imported with `import()` only when that import runs), so `parse` still evaluates neither the store nor HKEXnews.
 * Run by `npm run build`, after tsc.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

let build;
try {
  ({ build } = await import('esbuild'));
} catch {
  // An install without dev dependencies: bin/hkex-shares.js then runs the unbundled dist/cli/main.js.
  console.log('bundle-cli: esbuild is not installed; dist/cli.js not built (bin/hkex-shares.js runs dist/cli/main.js)');
  process.exit(0);
}

/**
 * Libraries bundled: plain JavaScript whose many small modules are what costs (zod's alone about 130 ms of CPU).
 * Every other dependency is loaded from node_modules as it is: pdf.js finds its worker and character maps by path,
 * pg and the Slack SDK are never needed by `parse`, tsx is a loader.
 */
const BUNDLED = new Set(['zod', 'date-fns', '@date-fns/tz', 'csv-stringify']);
const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8'));
const external = [...Object.keys(dependencies).filter((name) => !BUNDLED.has(name)), 'pdfjs-dist', '@napi-rs/canvas'];
// Stale chunks of an earlier build would stay beside the new ones.
rmSync('dist/bundle', { recursive: true, force: true });
await build({
  // The reader process too: the pool starts `./ingest-worker.js` beside itself, and dist/bundle/ is as deep as
  // dist/services/, so that it and the warm-up's fixtures/ resolve alike from both.
  entryPoints: { cli: 'src/cli/main.ts', 'ingest-worker': 'src/services/ingest-worker.ts' },
  outdir: 'dist/bundle',
  // Each sub-command a chunk of its own, loaded by its import(): with one file, esbuild would hoist every library
  // a sub-command imports (lowdb, cli-progress) to the top, and `parse` would load the store's library too.
  splitting: true,
  chunkNames: 'chunk-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  // Modules bundled from CommonJS (csv-stringify's, date-fns's) may call require for Node's own modules.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  minify: true,
  logLevel: 'warning',
});

/**
 * `parse` once more, as one classic script with everything it needs bundled in, pdf-parse and pdf.js's display layer
 * too, and V8's code cache beside it (src/cli/cached-script.ts says why), which bin/hkex-shares.js runs for `parse`.
 * Only the canvas addon stays outside: pdf-library.ts keeps it unloaded, and pdf.js asks for it by path.
 */
const PARSE_SCRIPT = 'dist/bundle/parse.js';
const parse = await build({
  entryPoints: ['src/cli/parse-script.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['@napi-rs/canvas'],
  // What import.meta.url is in a module, a parameter of the script: pdf-library.ts finds node_modules and dist/pdf/
  // from it, as from dist/bundle/'s other files (the same depth).
  define: { 'import.meta.url': '__bundleUrl' },
  // No import() in the script: V8's code cache drops the callback a vm.Script's import() needs (Node 20), so the
  // bundle's few dynamic imports become require(), which Node 20.19+ also takes for an ES module. They are pdf.js's
  // fallbacks for a missing text-only worker (which the script's stamp rules out) and the worker's WebAssembly image
  // decoders, which text never uses.
  supported: { 'dynamic-import': false },
  minify: true,
  metafile: true,
  write: false,
  logLevel: 'warning',
});
const { writeCachedScript } = await import('../dist/cli/cached-script.js');
const { BUILT_WORKER_NAME } = await import('../dist/pdf/built-worker.js');
const builtWorker = path.join('dist', 'pdf', BUILT_WORKER_NAME);
// pdf.js's display layer, bundled, takes the worker of the same pdf.js; the built worker is made from it.
const pdfjsWorker = Object.keys(parse.metafile.inputs)
  .filter((input) => input.endsWith('/pdfjs-dist/legacy/build/pdf.mjs'))
  .map((input) => path.join(path.dirname(input), 'pdf.worker.mjs'));
if (existsSync(builtWorker) && pdfjsWorker.length === 1) {
  const dependencies = [...packageJsonsIn(parse.metafile), ...pdfjsWorker, builtWorker];
  await writeCachedScript(PARSE_SCRIPT, parse.outputFiles[0].text, '.', dependencies);
} else {
  // pdf.js's own worker, its fallback, is an ES module the script would have to import.
  console.log(`bundle-cli: no ${builtWorker}; ${PARSE_SCRIPT} not built (parse runs from the ES module bundle)`);
}

/** The package.json of every library a build took a file from (node_modules/NAME or node_modules/@SCOPE/NAME). */
function packageJsonsIn(metafile) {
  const packages = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packages.add(path.join(match[1], 'package.json'));
  }
  return [...packages].sort();
}
