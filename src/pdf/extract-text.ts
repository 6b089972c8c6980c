/**
 * The only importer of pdf-parse: PDF bytes -> positioned text. Everything slow or library-bound about reading a
 * PDF happens here; the document is always destroyed, whatever happens.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFParse } from 'pdf-parse';
import { AppError } from '../domain/errors.js';
import type { ExtractedDocument, ExtractedPage, TextItem } from '../domain/extracted-document.js';

export interface ExtractLimits {
  /** Refuse files larger than this many bytes before parsing them. */
  readonly maxBytes: number;
  readonly maxPages: number;
  /** Give up (and release the document) after this many milliseconds. */
  readonly timeoutMs: number;
}

/**
 * pdf.js's legacy build, which pdf-parse loads, brings core-js, and on Node 20 core-js replaces Array.prototype.push
 * (and JSON.parse) with JavaScript versions, for engine bugs that never touch us. Every push in the process, ours and
 * every library's, then costs several times more; the parse of a return spent most of its time there. So pdf-parse
 * is loaded here, after the engine's own functions are noted, and they are put back once pdf.js has loaded (its
 * worker code, loaded with the first document, installs the push again).
 */
const ENGINE_PUSH = Array.prototype.push;
const ENGINE_JSON_PARSE = JSON.parse;

function restoreEngineBuiltins(): void {
  if (Array.prototype.push !== ENGINE_PUSH) Array.prototype.push = ENGINE_PUSH;
  if (JSON.parse !== ENGINE_JSON_PARSE) JSON.parse = ENGINE_JSON_PARSE;
}

let pdfParseModule: Promise<typeof import('pdf-parse')> | undefined;

/** pdf-parse's PDFParse class, loaded once; also what the benchmark times pdf-parse with. */
export async function loadPdfParse(): Promise<typeof PDFParse> {
  pdfParseModule ??= import('pdf-parse').finally(restoreEngineBuiltins);
  return (await pdfParseModule).PDFParse;
}

/**
 * Loads pdf.js and its worker code ahead of the first filing. Under tsx, loading them costs seconds (most of a
 * cold first read; the character maps are a fraction of it), so a long-running process calls this at start-up
 * and its first upload is read as fast as the rest. True when pdf.js read the warm-up page.
 */
export async function warmUpExtraction(): Promise<boolean> {
  const doc = await extractText(minimalPdf('FF301'), DEFAULT_EXTRACT_LIMITS, 'warm-up.pdf').catch(() => undefined);
  return doc?.pages[0]?.items[0]?.text === 'FF301';
}

/** A one-page PDF printing `text` in Helvetica, with a correct cross-reference table. */
function minimalPdf(text: string): Uint8Array {
  const stream = `BT /F1 9 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = { maxBytes: 20 * 1024 * 1024, maxPages: 60, timeoutMs: 15_000 };

// pdf-parse drops CJK text (digits set in the CJK font included) unless pdf.js is given its character maps.
const require = createRequire(import.meta.url);
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json', { paths: [require.resolve('pdf-parse')] }));
/**
 * What pdf.js needs to read the text of CJK fonts on this machine. Not its standard font files: they draw the glyphs
 * of the 14 fonts a PDF may use without embedding them, and text is placed and sized from metrics pdf.js carries
 * itself. Every text item of the corpus and the fixtures (35 PDFs, both forms, English and Chinese) is the same
 * without them, and a read is about a fifth faster: each document parsed the font files anew.
 */
export const PDFJS_RESOURCES = {
  cMapUrl: `${path.join(PDFJS_DIR, 'cmaps')}/`,
  cMapPacked: true,
} as const;

/** The parts of pdf.js that we use, typed structurally so that pdf.js stays an implementation detail here. */
interface PdfTextContentItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  fontName?: string;
}
interface PdfPage {
  getViewport(options: { scale: number }): {
    width: number;
    height: number;
    convertToViewportPoint(x: number, y: number): number[];
  };
  getTextContent(): Promise<{ items: PdfTextContentItem[] }>;
  cleanup(): void;
}
interface PdfDocument {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfPage>;
}
/**
 * pdf-parse's public getText() flattens each page to a string and loses the x positions that tell FF301's columns
 * apart (a blank cell prints nothing). Its loader is what we want, though: it carries the CMap options and maps
 * pdf.js errors to named exceptions. So we load through it and read the pages ourselves.
 */
interface LoadablePdfParse {
  load(): Promise<PdfDocument>;
}

/** How many pages `inspectFirstPages` is given. */
const FIRST_PAGES = 2;

export function isPdf(bytes: Uint8Array): boolean {
  // The PDF spec lets the header start anywhere in the first 1024 bytes.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

export async function extractText(
  bytes: Uint8Array,
  limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS,
  fileName = 'the file',
  options: { inspectFirstPages?: (firstPages: ExtractedDocument) => void } = {},
): Promise<ExtractedDocument> {
  if (bytes.byteLength > limits.maxBytes) {
    throw new AppError(
      'filing-too-large',
      `${fileName} is ${formatMegabytes(bytes.byteLength)}; the limit is ${formatMegabytes(limits.maxBytes)}`,
      { fileName, bytes: bytes.byteLength, maxBytes: limits.maxBytes },
    );
  }
  if (!isPdf(bytes)) {
    throw new AppError('unreadable-filing', `${fileName} is not a PDF`, { fileName });
  }

  const PdfParse = await loadPdfParse();
  // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const parser = new PdfParse({
    data: new Uint8Array(bytes),
    ...PDFJS_RESOURCES,
    verbosity: 0,
    isEvalSupported: false,
  });
  const tooSlow = () =>
    new AppError('timeout', `Reading ${fileName} took longer than ${limits.timeoutMs} ms`, {
      fileName,
      timeoutMs: limits.timeoutMs,
    });
  // pdf.js can read many pages without letting a timer run: the time is also checked between pages. A page that
  // never ends is for the reader thread's supervisor to stop (services/ingest-worker-pool.ts).
  const deadline = performance.now() + limits.timeoutMs;
  const checkTime = () => {
    if (performance.now() >= deadline) throw tooSlow();
  };
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(tooSlow()), limits.timeoutMs);
    });
    const reading = readPages(
      parser as unknown as LoadablePdfParse,
      limits,
      fileName,
      checkTime,
      options.inspectFirstPages,
    );
    return await Promise.race([reading, timeout]);
  } catch (error) {
    throw toAppError(error, fileName);
  } finally {
    clearTimeout(timer);
    await parser.destroy().catch(() => undefined);
    restoreEngineBuiltins();
  }
}

async function readPages(
  parser: LoadablePdfParse,
  limits: ExtractLimits,
  fileName: string,
  checkTime: () => void,
  inspectFirstPages: ((firstPages: ExtractedDocument) => void) | undefined,
): Promise<ExtractedDocument> {
  const doc = await parser.load();
  checkTime();
  const pages: ExtractedPage[] = [];
  let characters = 0;
  const readPage = async (number: number) => {
    const page = await doc.getPage(number);
    try {
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const item of content.items) {
        if (item.str === undefined || item.transform === undefined || item.str.trim() === '') continue;
        const [a = 0, b = 0, , , e = 0, f = 0] = item.transform;
        const [x = e, y = f] = viewport.convertToViewportPoint(e, f);
        items.push({
          text: item.str,
          x,
          y,
          width: item.width ?? 0,
          height: item.height || Math.hypot(a, b),
          fontName: item.fontName ?? '',
        });
        characters += item.str.length;
      }
      pages.push({ number, width: viewport.width, height: viewport.height, items });
    } finally {
      page.cleanup();
    }
    checkTime();
  };
  // What a document is shows on its first pages: a caller may decide from them before the rest is read (or
  // refused for its length).
  const firstCount = inspectFirstPages ? Math.min(doc.numPages, FIRST_PAGES) : 0;
  for (let number = 1; number <= firstCount; number++) await readPage(number);
  if (inspectFirstPages && characters > 0) inspectFirstPages({ pages: [...pages] });
  if (doc.numPages > limits.maxPages) {
    throw new AppError('filing-too-large', `${fileName} has ${doc.numPages} pages; the limit is ${limits.maxPages}`, {
      fileName,
      pages: doc.numPages,
      maxPages: limits.maxPages,
    });
  }
  for (let number = firstCount + 1; number <= doc.numPages; number++) await readPage(number);
  if (characters === 0) {
    throw new AppError('no-text-layer', `${fileName} has no text layer (a scanned image?)`, { fileName });
  }
  return { pages };
}

function toAppError(error: unknown, fileName: string): AppError {
  if (error instanceof AppError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new AppError('encrypted-filing', `${fileName} is protected by a password`, { fileName }, { cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError(
    'unreadable-filing',
    `${fileName} could not be read as a PDF (${detail})`,
    { fileName },
    {
      cause: error,
    },
  );
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
