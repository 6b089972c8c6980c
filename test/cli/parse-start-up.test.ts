/**
 * `hkex-shares parse` as a user starts it: bin/hkex-shares.js runs the bundle (dist/bundle/, built by `npm run
 * build`), and `parse` loads only what reading one file needs, not the store's library, the progress bar or Slack's.
 * How fast it starts is the cold-start bench's business (`npm run bench -- cold-start`), not a test's.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUNDLE = path.join(ROOT, 'dist', 'bundle', 'cli.js');

/** A resolve hook that writes every module file the process loads to standard error. */
const LIST_MODULES = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module';
   register('data:text/javascript,' + encodeURIComponent(
     'export async function resolve(s, c, next) { const r = await next(s, c); if (r.url.startsWith("file:")) process.stderr.write("module " + r.url + "\\\\n"); return r; }'));`,
)}`;

describe.runIf(existsSync(BUNDLE))('hkex-shares parse, started as a command', () => {
  it('reads a return from the bundle and loads neither a store (lowdb, pg), the progress bar nor Slack', async () => {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', LIST_MODULES, 'bin/hkex-shares.js', 'parse', '--json', 'fixtures/02288_2025-03.pdf'],
      { cwd: ROOT },
    );
    const parsed = JSON.parse(stdout);
    expect(parsed.monthlyReturn.stockCodes).toEqual(['02288']);
    expect(parsed.monthlyReturn.issuedShares.classes[0].issuedShares.closing).toBe(860300000);
    const modules = stderr
      .split('\n')
      .filter((line) => line.startsWith('module file:'))
      .map((line) => path.relative(ROOT, new URL(line.slice('module '.length)).pathname));
    expect(modules).toContain(path.join('dist', 'bundle', 'cli.js'));
    expect(modules.filter((file) => file.startsWith(`dist${path.sep}`) && !file.startsWith('dist/bundle/'))).toEqual(
      [],
    );
    expect(modules.filter((file) => /node_modules\/(lowdb|pg|cli-progress|@slack|zod)\//.test(file))).toEqual([]);
  });
});
