/**
 * The pre-July-2021 form ("Monthly Return of Equity Issuer on Movements in Securities"), which issuers filled in
 * from HKEX's Word template: A4 portrait, ten pages, four fixed share-class slots. Read by its labels and the x
 * positions of its columns, into the same model as FF301 (kind 'legacy', no version, no submission status). The
 * English and the Chinese template are one layout: the reader is the same, and only its labels (labels.ts) differ.
 */
import type { ExtractedDocument } from '../../domain/extracted-document.js';
import type { Flag } from '../../domain/flag.js';
import type { IssuedShareClass, Language, MonthlyReturn } from '../../domain/monthly-return.js';
import type { StockCode } from '../../domain/stock-code.js';
import { buildAuthorisedCapital, readAuthorisedSlots } from './authorised-capital.js';
import { readHeader, readRemarks, readSubmission } from './header.js';
import { readIssuedTable } from './issued-shares.js';
import { LEGACY_LABELS } from './labels.js';
import { placeItems } from './layout.js';
import { readOtherArrangements } from './other-arrangements.js';
import { readOtherMovements } from './other-movements.js';
import { ParseNotes } from './parse-notes.js';
import { findSections } from './sections.js';
import { readShareOptions } from './share-options.js';
import { makeSlotClass, SHARE_SLOTS, type ShareSlot, type SlotClass } from './share-slots.js';
import { buildGrandTotals, readGrandTotals } from './subtotals.js';
import { readConvertibles, readWarrants } from './warrants-and-convertibles.js';

export interface LegacyReading {
  readonly monthlyReturn: MonthlyReturn;
  /** What the reader could not place with confidence (uncertain figures, parts not found). */
  readonly flags: readonly Flag[];
}

export function readLegacyFiling(doc: ExtractedDocument, fileName: string, language: Language = 'en'): LegacyReading {
  const labels = LEGACY_LABELS[language];
  const notes = new ParseNotes();
  const sections = findSections(placeItems(doc), labels);
  const header = readHeader(sections.get('header') ?? emptySection(), fileName, labels);

  const authorisedSlots = readAuthorisedSlots(sections.get('authorised'), notes, labels);
  const issuedTable = readIssuedTable(sections.get('issued'), notes, labels);
  const usedSlots = new Set<ShareSlot>([
    ...issuedTable.columns.map((column) => column.slot),
    ...authorisedSlots.filter((slot) => slot.figures).map((slot) => slot.slot),
  ]);
  const slotClasses: SlotClass[] = [];
  const issuedClasses: IssuedShareClass[] = [];
  for (const slot of SHARE_SLOTS) {
    const column = issuedTable.columns.find((candidate) => candidate.slot === slot);
    if (!column) continue;
    const authorised = authorisedSlots.find((candidate) => candidate.slot === slot);
    const shareClass = makeSlotClass(slot, usedSlots, authorised ?? { stockCode: null, description: null }, labels);
    slotClasses.push({ slot, shareClass });
    issuedClasses.push({
      ...shareClass,
      issuedShares: column.issuedShares,
      treasuryShares: null,
      totalIssuedShares: null,
      publicFloat: null,
    });
  }

  const grandTotals = readGrandTotals(sections.get('grandTotals'), slotClasses, notes, labels);
  const submission = readSubmission(sections.get('submission'), labels);
  const stockCodes = listedCodes(authorisedSlots.map((slot) => slot.stockCode));
  if (stockCodes.length === 0) notes.missing('I', 'No stock code was found in part I');

  const monthlyReturn: MonthlyReturn = {
    form: { kind: 'legacy', version: null, language, title: header.title, pages: doc.pages.length },
    status: null,
    issuerName: header.issuerName,
    stockCodes,
    monthEnded: header.monthEnded,
    dateSubmitted: header.dateSubmitted,
    submittedBy: submission.submittedBy,
    submittedByTitle: submission.submittedByTitle,
    authorisedShareCapital: buildAuthorisedCapital(authorisedSlots, usedSlots, sections.get('authorised'), labels),
    issuedShares: { title: issuedTable.title, hasTreasuryColumns: false, classes: issuedClasses, remarks: null },
    detailsOfMovements: {
      shareOptions: readShareOptions(sections.get('shareOptions'), slotClasses, notes, labels),
      warrants: readWarrants(sections.get('warrants'), slotClasses, notes, labels),
      convertibles: readConvertibles(sections.get('convertibles'), slotClasses, notes, labels),
      otherArrangements: readOtherArrangements(sections.get('otherArrangements'), slotClasses, notes, labels),
      otherMovements: readOtherMovements(sections.get('otherMovements'), slotClasses, notes, labels),
      totals: buildGrandTotals(grandTotals, slotClasses, labels),
    },
    // Depositary receipts came with FF301 (Chapter 19B, 2021): the old form has no part IV.
    hdr: { notApplicable: true, classes: [], remarks: null },
    remarks: readRemarks(sections.get('remarks'), labels),
  };
  return { monthlyReturn, flags: notes.flags };
}

function listedCodes(codes: readonly (StockCode | null)[]): StockCode[] {
  return [...new Set(codes.filter((code): code is StockCode => code !== null))];
}

function emptySection() {
  return { key: 'header' as const, from: 0, to: 0, items: [], lines: [] };
}
