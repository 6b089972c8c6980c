/**
 * Texts a template prints in the margins of most pages (the issuer class it is for, its edition, page numbers):
 * they sit in the way of table headers and belong to no part of the form.
 */
import type { ExtractedDocument, TextItem } from '../../domain/extracted-document.js';
import type { PageMargins } from './line-settings.js';

export function withoutRunningHeaders(doc: ExtractedDocument, margins: PageMargins): ExtractedDocument {
  const running = findRunningHeaders(doc, margins);
  return {
    pages: doc.pages.map((page) => ({
      ...page,
      items: page.items.filter((item) => !(inMargin(item, page.height, margins) && running.has(keyOf(item.text)))),
    })),
  };
}

/** A text in the margins of at least half the pages (and at least three), or a lone page number. */
function findRunningHeaders(doc: ExtractedDocument, margins: PageMargins): Set<string> {
  const pagesByText = new Map<string, Set<number>>();
  for (const page of doc.pages) {
    for (const item of page.items) {
      if (!inMargin(item, page.height, margins)) continue;
      const key = keyOf(item.text);
      const pages = pagesByText.get(key) ?? new Set<number>();
      pages.add(page.number);
      pagesByText.set(key, pages);
    }
  }
  const running = new Set<string>();
  const needed = Math.max(3, Math.ceil(doc.pages.length / 2));
  for (const [text, pages] of pagesByText) {
    if (pages.size >= needed || /^\d{1,2}$/.test(text)) running.add(text);
  }
  return running;
}

function inMargin(item: TextItem, pageHeight: number, margins: PageMargins): boolean {
  return item.y < margins.top || item.y > pageHeight - margins.bottom;
}

function keyOf(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
