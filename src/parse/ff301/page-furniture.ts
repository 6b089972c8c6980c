/**
 * What FF301 prints on every page and that belongs to no part: the "FF301" mark at the top, and the footer
 * "Page 2 of 10 ... v 1.2.0" (第 2 頁 共 10 頁). Left in, they would land in whatever part runs across the page.
 */
import type { ExtractedDocument, TextItem } from '../../domain/extracted-document.js';

const MARK = /^FF301$/;
const FOOTER = /^(?:v|v?\s*\d+\.\d+\.\d+|Page \d+ of \d+|第\s*\d+\s*頁\s*共\s*\d+\s*頁)$/;
/** The mark sits in the top margin, the footer in the bottom one. */
const MARGIN = 60;

export function withoutPageFurniture(doc: ExtractedDocument): ExtractedDocument {
  return {
    pages: doc.pages.map((page) => ({
      ...page,
      items: page.items.filter((item) => !isFurniture(item, page.height)),
    })),
  };
}

function isFurniture(item: TextItem, pageHeight: number): boolean {
  const text = item.text.trim();
  if (item.y < MARGIN && MARK.test(text)) return true;
  return item.y > pageHeight - MARGIN && FOOTER.test(text);
}
