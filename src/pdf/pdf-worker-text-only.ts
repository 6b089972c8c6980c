/**
 * pdf.js's worker (the part that parses a document; in Node it runs in the calling process), changed for a process
 * that only ever reads text: in nine places for speed (1, 2 and 4 to 10 below), and in one (3) for the text of a kind
 * of font pdf.js misreads. pdf.js has no option for any of them (its getDocument options, checked in pdfjs-dist 5.4's
 * sources: disableFontFace, fontExtraProperties, useSystemFonts, isEvalSupported, cMapUrl / cMapPacked and
 * standardFontDataUrl all act after, or beside, the work below), and on a Chinese FF301 the first two are most of
 * the extraction: the e-form sets its Chinese in a CID-keyed CFF font (AdobeHeitiStd) with no ToUnicode map.
 *
 * 1. A CFF font program is compiled anew into a CFF table for the OpenType font pdf.js builds to draw with
 *    (`CFFCompiler.compile`, about a quarter of a Chinese FF301's extraction). Text never draws: the font's
 *    characters, widths and matrix come from parsing the program, which still happens; only the compiled copy,
 *    which nothing reads when text is extracted, is not made.
 * 2. Such a font's text is found through Adobe's character collection: its Identity-H CMap maps each of the 65,536
 *    codes to itself, and each is looked up in the collection's UCS2 map, parsed per document from the packed
 *    character maps (about a sixth). For an Identity CMap the result depends on the collection alone
 *    ("Adobe-GB1-UCS2"), so it is kept for the process and each document is given a copy, which pdf.js may amend.
 * 3. A symbolic TrueType font with neither /Encoding nor ToUnicode is read by pdf.js through MacRoman, and through
 *    WinAnsi only where every record of the font's name table is a Windows one (pdf.js PR 15934, issue 15910).
 *    Ghostscript's pdfwrite rewrites a WinAnsi TrueType font that way, keeping its WinAnsi bytes and writing both
 *    Macintosh and Windows names: a re-saved 01477 read `(the “Company”)` as `(the ìCompanyî)` (0x93 is “ in WinAnsi,
 *    ì in MacRoman). A font that names itself for Windows at all is read as WinAnsi, as poppler reads every TrueType
 *    font without /Encoding (its pdftotext reads the re-save right). Fonts with an /Encoding, a ToUnicode map, or
 *    Macintosh names only are read as before.
 * 4. A TrueType font's glyphs that have no outline are noted, as its glyph table is checked, in an object keyed by
 *    glyph number; the subset CJK fonts of the pre-2021 Chinese returns keep all 22,000-51,000 glyph numbers, most
 *    without an outline, and an object that large became a hash table filled one key at a time: the check took
 *    30-60 ms per font per document, a fifth of such a read. A byte per glyph answers the one question asked of it
 *    (is glyph n missing; both give nothing for a number beyond the count) in about half the time.
 *
 * 5-9 (pdf-worker-font-changes.ts) stop what pdf.js does with an embedded font for its font loader and renderer
 *    only: the OpenType file it builds to draw with (`Font.data`) and the glyph mapping inside it (`toFontChar`).
 *    Text takes a font's codes, widths, font matrix and Unicode, all worked out before or beside that work; a
 *    glyph's place in the drawn font (`fontChar`, `isInFont`) is never read for text. What could make pdf.js give
 *    up on a font (an error thrown, after which it reads the font as a system font) is kept. 5: a TrueType font's
 *    hinting programs are sanitised and its glyphs copied into a new glyph table only where its glyph locations do
 *    not run in order (no TrueType font of the corpus or the fixtures; in order, neither can fail). 6: its post,
 *    cmap, OS/2 and name tables, its glyph mapping and the file are not made. 7: nor the OpenType file around a
 *    CFF or Type 1 font program. 8: an Identity CMap read through a character collection looks up only the CIDs
 *    the collection's UCS2 map holds (30,284 of Adobe-GB1's 65,536 codes), once per process. CPU per warm read,
 *    each change added in turn to the first four (6, 7, 8, 5; medians of 7 alternating runs): an English FF301
 *    34.4 -> 30.2 -> 29.3 -> 28.0 -> 22.0 ms; a Chinese FF301 34.1 -> 34.7 -> 22.1 -> 21.1 -> 20.8 ms; a pre-2021
 *    Chinese return, whose subset CJK TrueType fonts keep 22,000-51,000 glyph numbers, 108 -> 99 -> 98 -> 93 -> 69 ms
 *    (its first read in a process 643 -> 405 ms). 8 is for a process's first read: a Chinese FF301's 258 -> 236 ms.
 * 9. A simple TrueType font whose file cannot change its text (it has an /Encoding or a ToUnicode map, or is not
 *    symbolic; no fallback Unicode or other font matrix that a failure would skip; no CFF table in its directory)
 *    is not decoded or checked at all: the e-form's LiberationSans. Warm reads of an English FF301 19.6-23.7 ->
 *    16.2-16.8 ms, a Chinese FF301 19.7-20.3 -> 17.8-17.9 ms (two runs of 7 and 11, after 5-8); its first read
 *    within the noise. textContent.styles then gives such a font's descriptor ascent, not its hhea table's.
 * 10. A text state saved by `q` (and a form XObject's) was cloned with `Object.create(this)`: each saved state became
 *    the prototype of the state after it, which V8 turns into a prototype object (a map of its own, kept apart for
 *    the objects that inherit from it) at every save, and whose properties, written again once `Q` makes it the
 *    current state, invalidate what the property caches of every state know. The Word-made pre-2021 returns save
 *    and restore around most lines. The clone now copies the state's properties into a plain TextState, as its
 *    inherited properties read at the time of the save: the saved state is not written while it is saved (only the
 *    current one is), so every read of the clone gives the same value. Parse bench, two runs each alternating, our
 *    whole read: pre-2021 English 01149 2012-06 84.3 / 115.7 -> 72.1 / 88.7 ms, pre-2021 Chinese 01149 2012-06
 *    114.9 / 139.8 -> 92.5 / 96.9 ms, English FF301 01477 38.6 / 38.8 -> 28.9 / 31.0 ms; ingest with 2 readers
 *    15.8-17.4 -> 18.4-19.9 returns/s, CPU per return 113-124 -> 99-107 ms.
 *
 * Everything else is pdf.js's own. Every text item pdf.js gives (str, dir, transform, width, height, hasEOL) for
 * every PDF of the corpus and the fixtures is the same with and without these changes (`npm run extraction-dump`,
 * and test/pdf/pdf-worker-text-only.test.ts on the fixtures); a ghostscript re-save of 01477 differs in its quotes
 * only (test/pdf/ghostscript-resave.test.ts). Each change names the exact text it replaces: where a pdf.js upgrade
 * has moved it, the worker is pdf.js's own, unchanged and slower, and the test says so.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { isWorkerModule, keyOf, loadBuiltWorker, type WorkerModule, writeBuiltWorker } from './built-worker.js';
import { FONT_FILE_CHANGES, FONT_FILE_PREAMBLE, type WorkerChange } from './pdf-worker-font-changes.js';

const CHANGES: readonly WorkerChange[] = [
  {
    why: 'no compiled CFF table for drawing',
    find: `    const compiler = new CFFCompiler(this.cff);
    this.seacs = this.cff.seacs;
    try {
      this.data = compiler.compile();
    } catch {
      warn("Failed to compile font " + properties.loadedName);
      this.data = file;
    }`,
    replace: `    this.seacs = this.cff.seacs;
    this.data = new Uint8Array(0);`,
  },
  {
    why: 'an Identity CMap read through a character collection is worked out once per process',
    find: `      const ucs2CMapName = Name.get(\`\${registry}-\${ordering}-UCS2\`);
      const ucs2CMap = await CMapFactory.create({`,
    replace: `      const ucs2CMapName = Name.get(\`\${registry}-\${ordering}-UCS2\`);
      const textOnlyKey = properties.cMap instanceof IdentityCMap ? ucs2CMapName.name : null;
      const textOnlyKept = textOnlyKey === null ? undefined : TEXT_ONLY_TO_UNICODE.get(textOnlyKey);
      if (textOnlyKept) {
        return new ToUnicodeMap(textOnlyKept.slice());
      }
      const ucs2CMap = await CMapFactory.create({`,
  },
  {
    why: 'keeps what the change above looks up',
    find: `          toUnicode[charcode] = String.fromCharCode(...buf);
        }
      });
      return new ToUnicodeMap(toUnicode);`,
    replace: `          toUnicode[charcode] = String.fromCharCode(...buf);
        }
      });
      if (textOnlyKey !== null) {
        TEXT_ONLY_TO_UNICODE.set(textOnlyKey, toUnicode.slice());
      }
      return new ToUnicodeMap(toUnicode);`,
  },
  {
    why: 'a symbolic TrueType font without /Encoding that names itself for Windows reads as WinAnsi',
    find: `  for (const r of nameRecords) {
    if (!isWinNameRecord(r)) {
      return;
    }
  }`,
    replace: `  if (!nameRecords.some(isWinNameRecord)) {
    return;
  }`,
  },
  {
    why: "a TrueType font's missing glyphs are noted a byte each",
    find: `      const missingGlyphs = Object.create(null);
      let writeOffset = 0;`,
    replace: `      const missingGlyphs = new Uint8Array(numGlyphs);
      let writeOffset = 0;`,
  },
  ...FONT_FILE_CHANGES,
  {
    why: 'a text state saved by `q` is copied, not made the prototype of the state after it',
    find: `  clone() {
    const clone = Object.create(this);
    clone.textMatrix = this.textMatrix.slice();
    clone.textLineMatrix = this.textLineMatrix.slice();
    clone.fontMatrix = this.fontMatrix.slice();
    return clone;
  }
}
class EvalState {`,
    replace: `  clone() {
    const clone = Object.create(TextState.prototype);
    for (const key in this) {
      clone[key] = this[key];
    }
    clone.textMatrix = this.textMatrix.slice();
    clone.textLineMatrix = this.textLineMatrix.slice();
    clone.fontMatrix = this.fontMatrix.slice();
    return clone;
  }
}
class EvalState {`,
  },
];

const PREAMBLE = `const TEXT_ONLY_TO_UNICODE = new Map();\n${FONT_FILE_PREAMBLE}`;

/** The worker's source with every change made, or why it could not be (a change's text not found exactly once). */
export function changeWorkerSource(source: string): { source: string } | { missing: string } {
  let changed = source;
  for (const change of CHANGES) {
    const at = changed.indexOf(change.find);
    if (at < 0 || changed.indexOf(change.find, at + 1) >= 0) return { missing: change.why };
    changed = changed.slice(0, at) + change.replace + changed.slice(at + change.find.length);
  }
  // Its source map names the original file, which this no longer is.
  return { source: PREAMBLE + changed.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n') };
}

/** Which changes are made, as the built worker's stamp records them (built-worker.ts). */
const CHANGES_KEY = keyOf(JSON.stringify([CHANGES, PREAMBLE]));

function workerFile(pdfjsDir: string): string {
  return path.join(pdfjsDir, 'legacy', 'build', 'pdf.worker.mjs');
}

/**
 * Writes the changed worker where a start finds it (`file`, with its code cache beside it; see built-worker.ts), or,
 * where a change does not apply to the installed pdf.js, removes an earlier one and returns false. Run by
 * `npm run build` (scripts/build-text-only-worker.mjs).
 */
export async function writeTextOnlyWorker(pdfjsDir: string, file: string): Promise<boolean> {
  const changed = changeWorkerSource(await readFile(workerFile(pdfjsDir), 'utf8'));
  if ('source' in changed && (await writeBuiltWorker(pdfjsDir, CHANGES_KEY, changed.source, file))) return true;
  await rm(file, { force: true });
  return false;
}

/**
 * Loads the changed worker and makes it the one pdf.js uses in this process (pdf.js takes `globalThis.pdfjsWorker`
 * before importing its own): the one `npm run build` wrote to `built`, where it was made from the installed pdf.js
 * (pdfjs-dist's folder `pdfjsDir`) with these changes, else made here; says which. Returns false, leaving pdf.js's
 * own worker, if a change does not apply to the installed version, or if a worker is installed already.
 */
export async function installTextOnlyWorker(pdfjsDir: string, built?: string): Promise<'built' | 'made' | false> {
  // A worker someone installed already (a comparison with pdf.js's own) is left in place.
  if ((globalThis as { pdfjsWorker?: WorkerModule }).pdfjsWorker) return false;
  const fromBuild = built === undefined ? undefined : loadBuiltWorker(pdfjsDir, CHANGES_KEY, built);
  const worker = fromBuild ?? (await makeTextOnlyWorker(pdfjsDir));
  if (!worker) return false;
  (globalThis as { pdfjsWorker?: WorkerModule }).pdfjsWorker = { WorkerMessageHandler: worker.WorkerMessageHandler };
  return fromBuild ? 'built' : 'made';
}

/** The changed worker made from the installed one and imported from memory, at a start without a built one. */
async function makeTextOnlyWorker(pdfjsDir: string): Promise<WorkerModule | undefined> {
  const changed = changeWorkerSource(await readFile(workerFile(pdfjsDir), 'utf8'));
  if (!('source' in changed)) return undefined;
  const worker: unknown = await import(`data:text/javascript;base64,${Buffer.from(changed.source).toString('base64')}`);
  return isWorkerModule(worker) ? worker : undefined;
}
