/**
 * FF301, the e-form monthly return (July 2021 onwards, v1.0.0 to v1.2.x, English and Traditional Chinese):
 * extracted pages -> MonthlyReturn. Each part has its reader; this file finds the parts and assembles the return.
 */
import type { ExtractedDocument } from '../../domain/extracted-document.js';
import type { Flag } from '../../domain/flag.js';
import type { DetailsOfMovements, Language, MonthlyReturn } from '../../domain/monthly-return.js';
import { flagMissingSection } from '../checks.js';
import { LINE_SETTINGS } from '../layout/line-settings.js';
import { buildLines } from '../layout/lines.js';
import { readAuthorisedRemarks, readAuthorisedShareCapital } from './authorised.js';
import { readSignatory } from './confirmation.js';
import { readDetailsOfMovements } from './details.js';
import { readHdrSection } from './hdr.js';
import { readHeader } from './header.js';
import { readIssuedShares } from './issued.js';
import { FF301_LABELS } from './labels.js';
import { withoutPageFurniture } from './page-furniture.js';
import { locateParts, type Part, type PartKey } from './parts.js';
import type { LineRange, ReadingContext } from './reading.js';

export interface Ff301Reading {
  /** Not yet validated: the caller validates once, with the schema. */
  readonly monthlyReturn: MonthlyReturn;
  /** Figures the readers could not place with confidence, and parts not found. */
  readonly flags: readonly Flag[];
}

export function readFf301Return(
  doc: ExtractedDocument,
  form: { readonly version: string | null; readonly language: Language },
): Ff301Reading {
  const labels = FF301_LABELS[form.language];
  const context: ReadingContext = { labels, version: form.version, flags: [] };
  const lines = buildLines(withoutPageFurniture(doc), LINE_SETTINGS.FF301);
  const parts = locateParts(lines, labels);
  const rangeOf = (key: PartKey): { part: Part | undefined; range: LineRange } => {
    const part = parts.get(key);
    if (!part && key !== 'notes') context.flags.push(flagMissingSection(key));
    return { part, range: { lines, start: part?.start ?? 0, end: part?.end ?? 0 } };
  };

  const partI = rangeOf('I');
  const header = readHeader(context, { lines, start: 0, end: partI.part ? partI.part.start - 1 : lines.length });
  const partII = rangeOf('II');
  const partIV = rangeOf('IV');
  const partV = rangeOf('V');
  const signatory = readSignatory(context, partV.range);
  const details: DetailsOfMovements = readDetailsOfMovements(context, lines, parts);

  const monthlyReturn: MonthlyReturn = {
    form: {
      kind: 'FF301',
      version: form.version,
      language: form.language,
      title: header.title,
      pages: doc.pages.length,
    },
    status: header.status,
    issuerName: header.issuerName,
    stockCodes: [],
    monthEnded: header.monthEnded ?? '',
    dateSubmitted: header.dateSubmitted,
    submittedBy: signatory.submittedBy,
    submittedByTitle: signatory.title,
    authorisedShareCapital: readAuthorisedShareCapital(context, partI.range, partI.part?.notApplicable ?? false),
    issuedShares: readIssuedShares(context, partII.range, partII.part?.heading.text ?? ''),
    detailsOfMovements: details,
    hdr: partIV.part
      ? readHdrSection(context, partIV.range, partIV.part.notApplicable)
      : { notApplicable: false, classes: [], remarks: null },
    remarks: readAuthorisedRemarks(context, partI.range),
  };
  monthlyReturn.stockCodes = listedStockCodes(monthlyReturn);
  return { monthlyReturn, flags: context.flags };
}

/** The issuer's listed codes in the order printed: part II's classes, then any only part I or part IV names. */
function listedStockCodes(monthlyReturn: MonthlyReturn): string[] {
  const codes = [
    ...monthlyReturn.issuedShares.classes.map((shareClass) => shareClass.stockCode),
    ...monthlyReturn.authorisedShareCapital.classes.map((shareClass) => shareClass.stockCode),
    ...monthlyReturn.hdr.classes.map((hdr) => hdr.stockCode),
  ];
  return [...new Set(codes.filter((code): code is string => code !== null))];
}
