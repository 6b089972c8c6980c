#!/usr/bin/env node
// The `hkex-shares` command: the compiled CLI under dist/ (built by `npm ci` or `npm run build`), or, in a checkout
// not built yet, the TypeScript sources through tsx.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
