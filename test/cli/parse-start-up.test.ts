/**
 * `hkex-shares parse` as a user starts it: bin/hkex-shares.js runs the one parse script (dist/bundle/parse.js, built
 * by `npm run build`, compiled from V8's code cache), which bundles pdf-parse, pdf.js and zod and no store's library,
 * progress bar or Slack; the ES module bundle it falls back on (dist/bundle/cli.js) loads none of those either. How
 * fast it starts is the cold-start bench's business (`npm run bench -- cold-start`), not a test's.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUNDLE = path.join(ROOT, 'dist', 'bundle', 'cli.js');
const PARSE_SCRIPT = path.join(ROOT, 'dist', 'bundle', 'parse.js');

/** A resolve hook that writes every module file the process loads to standard error. */
const LIST_MODULES = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module';
   register('data:text/javascript,' + encodeURIComponent(
     'export async function resolve(s, c, next) { const r = await next(s, c); if (r.url.startsWith("file:")) process.stderr.write("module " + r.url + "\\\\n"); return r; }'));`,
)}`;

/** Runs `node ...entry parse --json` on a fixture: what it printed, and every module file imported on the way. */
async function parseFixture(...entry: string[]): Promise<{ stdout: string; modules: string[] }> {
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ['--import', LIST_MODULES, ...entry, 'parse', '--json', 'fixtures/02288_2025-03.pdf'],
    { cwd: ROOT },
  );
  const modules = stderr
    .split('\n')
    .filter((line) => line.startsWith('module file:'))
    .map((line) => path.relative(ROOT, new URL(line.slice('module '.length)).pathname));
  return { stdout, modules };
}

function expectFixtureRead(stdout: string): void {
  const parsed = JSON.parse(stdout);
  expect(parsed.monthlyReturn.stockCodes).toEqual(['02288']);
  expect(parsed.monthlyReturn.issuedShares.classes[0].issuedShares.closing).toBe(860300000);
}

describe.runIf(existsSync(PARSE_SCRIPT))('hkex-shares parse, started as a command', () => {
  it('reads a return through the parse script, importing no module of node_modules nor the bundle', async () => {
    const { stdout, modules } = await parseFixture('bin/hkex-shares.js');
    expectFixtureRead(stdout);
    expect(modules).toEqual([path.join('bin', 'hkex-shares.js'), path.join('dist', 'cli', 'cached-script.js')]);
  });

  it('bundles pdf-parse, pdf.js and zod into the parse script, and neither a store, the progress bar nor Slack', () => {
    const stamp = readFileSync(PARSE_SCRIPT, 'latin1').split('\n')[0];
    const libraries = [...(stamp?.matchAll(/node_modules\/(\S+)\/package\.json@/g) ?? [])].map((match) => match[1]);
    expect(libraries).toEqual(['pdf-parse', 'pdfjs-dist', 'zod']);
  });
});

describe.runIf(existsSync(BUNDLE))('hkex-shares parse, from the ES module bundle', () => {
  it('reads a return from the bundle and loads neither a store (lowdb, pg), the progress bar nor Slack', async () => {
    const { stdout, modules } = await parseFixture('dist/bundle/cli.js');
    expectFixtureRead(stdout);
    expect(modules).toContain(path.join('dist', 'bundle', 'cli.js'));
    expect(modules.filter((file) => file.startsWith(`dist${path.sep}`) && !file.startsWith('dist/bundle/'))).toEqual(
      [],
    );
    expect(modules.filter((file) => /node_modules\/(lowdb|pg|cli-progress|@slack|zod)\//.test(file))).toEqual([]);
  });
});
