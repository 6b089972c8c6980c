/**
 * The only importer of pdf-parse. It loads the library once, for text only (no canvas addon, the engine's own
 * built-ins kept), and opens a document as pdf.js's own document object, from which extract-text.ts reads
 * positioned text.
 */
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PDFParse } from 'pdf-parse';
import { BUILT_WORKER_NAME } from './built-worker.js';
import { installTextOnlyWorker } from './pdf-worker-text-only.js';

/**
 * pdf.js's legacy build, which pdf-parse loads, brings core-js, and on Node 20 core-js replaces Array.prototype.push
 * (and JSON.parse) with JavaScript versions, for engine bugs that never touch us. Every push in the process, ours and
 * every library's, then costs several times more; the parse of a return spent most of its time there. So pdf-parse
 * is loaded here, after the engine's own functions are noted, and they are put back once pdf.js has loaded (its
 * worker code, loaded with the first document, installs the push again).
 */
const ENGINE_PUSH = Array.prototype.push;
const ENGINE_JSON_PARSE = JSON.parse;

export function restoreEngineBuiltins(): void {
  if (Array.prototype.push !== ENGINE_PUSH) Array.prototype.push = ENGINE_PUSH;
  if (JSON.parse !== ENGINE_JSON_PARSE) JSON.parse = ENGINE_JSON_PARSE;
}

const require = createRequire(import.meta.url);
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json', { paths: [require.resolve('pdf-parse')] }));

/**
 * pdf.js requires the @napi-rs/canvas addon as it loads, for DOMMatrix, Path2D and ImageData: drawing needs them,
 * reading text never does. Loading the native addon costs about a sixth of a second of every start. So before pdf.js
 * loads, Node's module cache (`require.cache`, which Node documents as writable) is given, under the addon's own path,
 * a module with the three names pdf.js reads at load time; anything that would draw fails at once with a plain
 * message instead of drawing wrongly. Every text item of the corpus and the fixtures (43 PDFs: both forms, English and
 * Chinese, other HKEX forms; `npm run extraction-dump`) is the same without the addon.
 */
function keepCanvasAddonUnloaded(): void {
  let addon: string;
  try {
    addon = require.resolve('@napi-rs/canvas', { paths: [path.join(PDFJS_DIR, 'legacy', 'build')] });
  } catch {
    return;
  }
  if (require.cache[addon]) return;
  const noDrawing = () => {
    throw new Error('drawing is not available: this process loads pdf.js to read text only');
  };
  // pdf.js builds one DOMMatrix as it loads (for a drawing path); it is never used to read text.
  class DOMMatrix {}
  const stand_in = new Module(addon);
  stand_in.filename = addon;
  stand_in.loaded = true;
  stand_in.exports = { DOMMatrix, Path2D: noDrawing, ImageData: noDrawing, createCanvas: noDrawing };
  require.cache[addon] = stand_in;
}

/**
 * Where `npm run build` writes the text-only worker (built-worker.ts): the project's dist/pdf/, two folders above
 * this file's compiled copy (dist/pdf/), the CLI's bundle (dist/bundle/) and its source (src/pdf/, run through tsx)
 * alike. Where it is absent or stale, the worker is made at start.
 */
const BUILT_WORKER = fileURLToPath(new URL(`../../dist/pdf/${BUILT_WORKER_NAME}`, import.meta.url));

let pdfParseModule: Promise<typeof import('pdf-parse')> | undefined;

/** pdf-parse's PDFParse class, loaded once; also what the benchmark times pdf-parse with. */
export async function loadPdfParse(): Promise<typeof PDFParse> {
  if (!pdfParseModule) {
    keepCanvasAddonUnloaded();
    // pdf.js's worker changed for text only (see pdf-worker-text-only.ts); pdf.js's own where a change does not apply.
    pdfParseModule = installTextOnlyWorker(PDFJS_DIR, BUILT_WORKER)
      .catch(() => false)
      .then(() => import('pdf-parse'))
      .finally(restoreEngineBuiltins);
  }
  return (await pdfParseModule).PDFParse;
}

/**
 * What pdf.js needs to read the text of CJK fonts on this machine: pdf-parse drops CJK text (digits set in the CJK
 * font included) unless pdf.js is given its character maps. Not its standard font files: they draw the glyphs of the
 * 14 fonts a PDF may use without embedding them, and text is placed and sized from metrics pdf.js carries itself.
 * Every text item of the corpus and the fixtures (35 PDFs, both forms, English and Chinese) is the same without
 * them, and a read is about a fifth faster: each document parsed the font files anew.
 */
export const PDFJS_RESOURCES = {
  cMapUrl: `${path.join(PDFJS_DIR, 'cmaps')}/`,
  cMapPacked: true,
} as const;

/**
 * The TrueType fonts pdfjs-dist installs beside itself (standard_fonts/): the e-form embeds these same LiberationSans
 * faces, so the readers' warm-up page (warm-up-page.ts) embeds them without the project carrying a font of its own.
 */
export const PDFJS_LIBERATION_SANS = ['LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf'].map((name) =>
  path.join(PDFJS_DIR, 'standard_fonts', name),
);

/** The parts of pdf.js's document that we use, typed structurally so that pdf.js stays an implementation detail. */
export interface PdfTextContentItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  fontName?: string;
}
export interface PdfPage {
  getViewport(options: { scale: number }): {
    width: number;
    height: number;
    convertToViewportPoint(x: number, y: number): number[];
  };
  getTextContent(): Promise<{ items: PdfTextContentItem[] }>;
  cleanup(): void;
}
export interface PdfDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfPage>;
}

export interface OpenedPdf {
  /** Resolves to the document, or rejects with pdf-parse's named exception (PasswordException, …). */
  readonly document: Promise<PdfDocument>;
  /** Releases the document; safe to call whatever happened. */
  destroy(): Promise<void>;
}

/** pdf-parse 2.x's document loader: private in its typings, called by each of its public methods first. */
interface PdfParseLoader {
  load?: () => Promise<PdfDocument>;
}

/**
 * Opens `bytes` (which pdf.js takes ownership of) as a pdf.js document.
 *
 * pdf-parse's public methods cannot give what the parser needs: getText() flattens each page to a string and loses
 * the x positions that tell FF301's columns apart (a blank cell prints nothing), and getTable() keeps only what sits
 * in ruled grids. Every one of them starts with the loader, which carries our options to pdf.js and maps its errors
 * to named exceptions; pdf-parse 3 makes it `protected`, for subclasses. Until then this is the one place that calls
 * it, checked at run time, so an upgrade that removes it fails here with a plain message, not somewhere in a read.
 */
export async function openPdf(bytes: Uint8Array): Promise<OpenedPdf> {
  const PdfParse = await loadPdfParse();
  const parser = new PdfParse({ data: bytes, ...PDFJS_RESOURCES, verbosity: 0, isEvalSupported: false });
  const loader = parser as unknown as PdfParseLoader;
  const document =
    typeof loader.load === 'function'
      ? loader.load.call(parser)
      : Promise.reject(new Error('this version of pdf-parse has no document loader (see src/pdf/pdf-library.ts)'));
  // A document that failed to open is still destroyed, and nobody else waits for that failure here.
  document.catch(() => undefined);
  return {
    document,
    async destroy() {
      await parser.destroy().catch(() => undefined);
      restoreEngineBuiltins();
    },
  };
}
