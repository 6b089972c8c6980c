#!/usr/bin/env node
// The `hkex-shares` command: for `parse`, the one script with V8's code cache beside it (dist/bundle/parse.js,
// src/cli/cached-script.ts); else the bundled CLI (dist/bundle/, a few files for Node to load instead of some
// hundred modules), else the compiled one under dist/ (all built by `npm ci` or `npm run build`), or, in a checkout
// not built yet, the TypeScript sources through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const parseScript = fileURLToPath(new URL('../dist/bundle/parse.js', import.meta.url));
const bundled = new URL('../dist/bundle/cli.js', import.meta.url);
const built = new URL('../dist/cli/main.js', import.meta.url);
if (process.argv[2] === 'parse' && (await runParseScript())) {
  // Started: it sets the exit status when done.
} else if (existsSync(bundled)) {
  await import(bundled.href);
} else if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}

async function runParseScript() {
  if (!existsSync(parseScript)) return false;
  const { runCachedScript } = await import('../dist/cli/cached-script.js');
  return runCachedScript(parseScript, root);
}
