/**
 * Warms a reader up on the project's own fixture returns (fixtures/), before it says it is ready: loading pdf.js
 * and compiling the paths a real return takes (its fonts, its tables, the FF301 reader) cost a cold first read
 * several times a warm one, which the first upload after a start would otherwise pay. The fixtures are drawn unlike
 * the e-form (fonts, text operators): a page shaped like it (pdf/warm-up-page.ts) is read first, often enough for
 * V8 to compile what it exercises.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractText } from '../pdf/extract-text.js';
import { renderWarmUpPage } from '../pdf/warm-up-page.js';
import { readFiling } from './read-filing.js';

/** fixtures/ at the project's root, from src/services/ or dist/services/ alike. */
const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Reads of the e-form-shaped page: about 20 ms each once compiled; V8 compiles a hot function after many runs. */
const WARM_UP_PAGE_READS = 20;

export interface WarmUpOptions {
  /**
   * Every fixture, twice (V8 compiles a function once it has run often enough), for a reader whose first file must
   * read as fast as its tenth (the bot's); otherwise one fixture once, which loads pdf.js and nothing more (bulk
   * ingest, whose readers warm up on the run itself).
   */
  readonly thorough?: boolean;
  readonly dir?: string;
  /** Awaited before each warm-up read: a reader warming up between real files waits here while one is read. */
  readonly beforeEachRead?: () => Promise<void>;
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
  const page = renderWarmUpPage();
  const idle = options.beforeEachRead ?? (() => Promise.resolve());
  for (let pass = 0; pass < (options.thorough ? WARM_UP_PAGE_READS : 0); pass++) {
    await idle();
    await extractText(page).catch(() => undefined);
  }
  for (let pass = 0; pass < (options.thorough ? 2 : 1); pass++) {
    for (const bytes of files) {
      await idle();
      const parsed = await readFiling(bytes, { fileName: 'warm-up.pdf' }).catch(() => undefined);
      readable &&= parsed !== undefined;
    }
  }
  return readable;
}
