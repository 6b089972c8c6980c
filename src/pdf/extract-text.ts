/**
 * PDF bytes -> positioned text. Everything slow or library-bound about reading a PDF happens here (pdf-parse itself is
 * loaded by pdf-library.ts); the document is always destroyed, whatever happens.
 */
import { AppError } from '../domain/errors.js';
import type { ExtractedDocument, ExtractedPage, TextItem } from '../domain/extracted-document.js';
import { type OpenedPdf, openPdf } from './pdf-library.js';

export interface ExtractLimits {
  /** Refuse files larger than this many bytes before parsing them. */
  readonly maxBytes: number;
  readonly maxPages: number;
  /** Give up (and release the document) after this many milliseconds. */
  readonly timeoutMs: number;
}

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = { maxBytes: 20 * 1024 * 1024, maxPages: 60, timeoutMs: 15_000 };

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

  // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const pdf = await openPdf(new Uint8Array(bytes));
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
    const reading = readPages(pdf, limits, fileName, checkTime, options.inspectFirstPages);
    return await Promise.race([reading, timeout]);
  } catch (error) {
    throw toAppError(error, fileName);
  } finally {
    clearTimeout(timer);
    await pdf.destroy();
  }
}

async function readPages(
  pdf: OpenedPdf,
  limits: ExtractLimits,
  fileName: string,
  checkTime: () => void,
  inspectFirstPages: ((firstPages: ExtractedDocument) => void) | undefined,
): Promise<ExtractedDocument> {
  const doc = await pdf.document;
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
  const detail = error instanceof Error ? error.message : String(error);
  // Under the reader's memory limit (services/ingest-worker-pool.ts), a buffer pdf.js cannot have fails like this.
  if (/allocation failed|out of memory|Invalid typed array length|Invalid array buffer length/i.test(detail)) {
    return new AppError(
      'filing-too-complex',
      `${fileName} needs more memory to read than a reader may use`,
      { fileName },
      { cause: error },
    );
  }
  if (name === 'PasswordException') {
    return new AppError('encrypted-filing', `${fileName} is protected by a password`, { fileName }, { cause: error });
  }
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
