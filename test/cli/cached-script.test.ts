import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runCachedScript, writeCachedScript } from '../../src/cli/cached-script.js';

const root = mkdtempSync(path.join(tmpdir(), 'hkex-cached-script-'));
const script = path.join(root, 'dist', 'bundle', 'parse.js');
const library = path.join('node_modules', 'some-library', 'package.json');
const worker = path.join('dist', 'pdf', 'worker.js');
const RAN = 'hkexCachedScriptRan';

/**
 * A library "bundled" at version 1.2.3 and a file of 6 bytes the script reads, and a script that records the URL it
 * was given and a character beyond ASCII.
 */
beforeEach(async () => {
  Reflect.deleteProperty(globalThis, RAN);
  mkdirSync(path.dirname(path.join(root, library)), { recursive: true });
  writeFileSync(path.join(root, library), JSON.stringify({ name: 'some-library', version: '1.2.3' }));
  mkdirSync(path.dirname(path.join(root, worker)), { recursive: true });
  writeFileSync(path.join(root, worker), 'void 0');
  mkdirSync(path.dirname(script), { recursive: true });
  const body = `globalThis.${RAN} = [__bundleUrl, '股份', typeof require];`;
  await writeCachedScript(script, body, root, [library, worker]);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a cached script', () => {
  it('is written stamped with the version of each library it bundles and the size of each file it reads, ASCII only, with its code cache', () => {
    const source = readFileSync(script, 'utf8');
    expect(source.split('\n')[0]).toBe(`// built against: ${library}@1.2.3 ${worker}@6b`);
    expect(source).toContain("'\\u80a1\\u4efd'");
    expect(/^[\0-\x7f]*$/.test(source)).toBe(true);
    expect(statSync(`${script}.cache`).size).toBeGreaterThan(0);
  });

  it('runs with its own file URL and a require while the libraries it bundles are installed as built', () => {
    expect(runCachedScript(script, root)).toBe(true);
    expect(Reflect.get(globalThis, RAN)).toEqual([pathToFileURL(script).href, '股份', 'function']);
  });

  it('is not run once a file it reads is rebuilt or removed', () => {
    writeFileSync(path.join(root, worker), 'void 10');
    expect(runCachedScript(script, root)).toBe(false);
    rmSync(path.join(root, worker));
    expect(runCachedScript(script, root)).toBe(false);
    expect(Reflect.get(globalThis, RAN)).toBeUndefined();
  });

  it('is not run once a library it bundles is upgraded or removed', () => {
    writeFileSync(path.join(root, library), JSON.stringify({ name: 'some-library', version: '1.3.0' }));
    expect(runCachedScript(script, root)).toBe(false);
    rmSync(path.join(root, library));
    expect(runCachedScript(script, root)).toBe(false);
    expect(Reflect.get(globalThis, RAN)).toBeUndefined();
  });

  it('is not run where it was never built, nor where its cache is gone (then compiled as usual)', () => {
    expect(runCachedScript(path.join(root, 'missing.js'), root)).toBe(false);
    rmSync(`${script}.cache`);
    expect(existsSync(`${script}.cache`)).toBe(false);
    expect(runCachedScript(script, root)).toBe(true);
    expect(Reflect.get(globalThis, RAN)).toEqual([pathToFileURL(script).href, '股份', 'function']);
  });
});
