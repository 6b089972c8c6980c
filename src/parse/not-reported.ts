/**
 * The words both forms print in a cell with nothing to report: blank, "N/A" (also "N / A", "N/A."), "Not
 * applicable", 不適用, and dashes ("-", "--", "–", "—"). Nothing reported is null, never zero ("Nil" is zero, and is not
 * here). 不不不 is 不適用 as pdf.js extracts it from a font whose ToUnicode map sends all three glyphs to 不 (Chinese
 * pre-2021 returns of 2009-2010): the cell prints 不適用, and the three characters mean nothing else.
 */
const NOT_REPORTED = /^(n\s*\/\s*a\.?|not applicable|不適用|不不不|-+|–|—)$/i;

export function isNotReported(text: string): boolean {
  const trimmed = text.trim();
  return trimmed === '' || NOT_REPORTED.test(trimmed);
}

/**
 * The words a cell with nothing to report prints, as the reader sees them on the page ("N/A", "不適用", "-"), for a
 * flag to quote; undefined for a blank cell or a figure. 不不不 is quoted as the 不適用 it renders.
 */
export function notReportedAsPrinted(text: string | undefined): string | undefined {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '' || !NOT_REPORTED.test(trimmed)) return undefined;
  return trimmed === '不不不' ? '不適用' : trimmed;
}
