/**
 * Warms a reader up on the project's own fixture returns (fixtures/), before it says it is ready: loading pdf.js
 * and compiling the paths a real return takes (its fonts, its tables, the FF301 reader) cost a cold first read
 * several times a warm one, which the first upload after a start would otherwise pay.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFiling } from './read-filing.js';

/** fixtures/ at the project's root, from src/services/ or dist/services/ alike. */
const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export interface WarmUpOptions {
  /**
   * Every fixture, twice (V8 compiles a function once it has run often enough), for a reader whose first file must
   * read as fast as its tenth (the bot's); otherwise one fixture once, which loads pdf.js and nothing more (bulk
   * ingest, whose readers warm up on the run itself).
   */
  readonly thorough?: boolean;
  readonly dir?: string;
}

/** True when every fixture read was a monthly return; false (never a throw) if any was not. */
export async function warmUpReading(options: WarmUpOptions = {}): Promise<boolean> {
  const names = (await readdir(options.dir ?? FIXTURES_DIR).catch(() => [] as string[]))
    .filter((name) => name.endsWith('.pdf'))
    .sort()
    .slice(0, options.thorough ? undefined : 1);
  const files = await Promise.all(names.map((name) => readFile(path.join(options.dir ?? FIXTURES_DIR, name))));
  if (files.length === 0) return false;
  let readable = true;
  for (let pass = 0; pass < (options.thorough ? 2 : 1); pass++) {
    for (const bytes of files) {
      const parsed = await readFiling(bytes, { fileName: 'warm-up.pdf' }).catch(() => undefined);
      readable &&= parsed !== undefined;
    }
  }
  return readable;
}
