/**
 * Every text item exactly as pdf.js's getTextContent gives it for one PDF, opened as extractText opens it
 * (whitespace items included: str, dir, transform, width, height, hasEOL; not fontName, a name pdf.js makes up per
 * document): what `npm run extraction-dump` and the text-only worker's test compare, so that a change to how pdf.js
 * runs is held to pdf.js's own output, not only to what extractText keeps of it.
 */
import { openPdf } from '../src/pdf/pdf-library.js';

/** Page by page, or the name of the error that stopped them. */
export async function pdfJsItems(bytes: Uint8Array): Promise<unknown[][] | { error: string }> {
  const pdf = await openPdf(bytes);
  try {
    const doc = await pdf.document;
    const pages: unknown[][] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const { items } = await page.getTextContent();
      pages.push(items.map(({ fontName: _, ...item }) => item));
      page.cleanup();
    }
    return pages;
  } catch (error) {
    return { error: error instanceof Error ? error.name : String(error) };
  } finally {
    await pdf.destroy();
  }
}
