#!/usr/bin/env node
// The `hkex-shares` command: the bundled CLI (dist/bundle/, a few files for Node to load instead of some hundred
// modules), else the compiled one under dist/ (both built by `npm ci` or `npm run build`), or, in a checkout not
// built yet, the TypeScript sources through tsx.
import { existsSync } from 'node:fs';

const bundled = new URL('../dist/bundle/cli.js', import.meta.url);
const built = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(bundled)) {
  await import(bundled.href);
} else if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
