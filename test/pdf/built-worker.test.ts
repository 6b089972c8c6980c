/**
 * The worker as `npm run build` writes it (src/pdf/built-worker.ts): an ES module made a script with a code cache,
 * refused at start once pdf.js or the changes are not what it was made from. Shown on a small module shaped like
 * pdf.js's worker (its URL, a dynamic import, its export), so that this process does not load pdf.js's worker;
 * pdf-worker-text-only.test.ts reads every fixture with the real one built.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILT_WORKER_NAME, keyOf, loadBuiltWorker, writeBuiltWorker } from '../../src/pdf/built-worker.js';

const require = createRequire(import.meta.url);
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json', { paths: [require.resolve('pdf-parse')] }));

const MODULE = `
var _scriptName = import.meta.url;
async function load(path) {
  try {
      const mod = await import(path);
      return mod;
  } catch { return null; }
}
const WorkerMessageHandler = async (path) => ({ name: 'Trinité', url: _scriptName, loaded: await load(path) });
export { WorkerMessageHandler };
`;

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function builtFile(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'built-worker-'));
  folders.push(folder);
  return path.join(folder, BUILT_WORKER_NAME);
}

describe('the built text-only worker', () => {
  it('runs as the module would, with its URL, its dynamic import and its export, and its text kept', async () => {
    const file = builtFile();
    expect(await writeBuiltWorker(PDFJS_DIR, 'changes-1', MODULE, file)).toBe(true);
    // Read as one-byte text: what was beyond ASCII is escaped.
    expect(/[^\0-\x7f]/.test(readFileSync(file, 'latin1'))).toBe(false);
    expect(existsSync(`${file}.cache`)).toBe(true);
    const worker = loadBuiltWorker(PDFJS_DIR, 'changes-1', file);
    const handler = worker?.WorkerMessageHandler;
    if (typeof handler !== 'function') throw new Error('the built worker exports no WorkerMessageHandler');
    const answer = await handler('node:path');
    expect(answer).toMatchObject({ name: 'Trinité', url: pathToFileURL(file).href });
    expect(answer.loaded.join('a', 'b')).toBe(path.join('a', 'b'));
  });

  it('is refused when it was made with other changes, or is not there', async () => {
    const file = builtFile();
    await writeBuiltWorker(PDFJS_DIR, 'changes-1', MODULE, file);
    expect(loadBuiltWorker(PDFJS_DIR, 'changes-2', file)).toBeUndefined();
    expect(loadBuiltWorker(PDFJS_DIR, 'changes-1', `${file}.absent`)).toBeUndefined();
  });

  it('is not written from a module whose URL, import or export it does not find exactly once', async () => {
    const file = builtFile();
    const twice = `${MODULE}\nexport { WorkerMessageHandler };`;
    expect(await writeBuiltWorker(PDFJS_DIR, 'changes-1', twice, file)).toBe(false);
    expect(existsSync(file)).toBe(false);
  });

  it('keys text by FNV-1a', () => {
    // FNV-1a of "a", 32 bits, as its authors give it.
    expect(keyOf('a')).toBe('e40c292c');
  });
});
