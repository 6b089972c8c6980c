/**
 * The words both forms print in a cell with nothing to report: blank, "N/A" (also "N / A", "N/A."), "Not
 * applicable", and dashes ("-", "--", "–", "—"). Nothing reported is null, never zero ("Nil" is zero, and is not here).
 */
const NOT_REPORTED = /^(n\s*\/\s*a\.?|not applicable|-+|–|—)$/i;

export function isNotReported(text: string): boolean {
  const trimmed = text.trim();
  return trimmed === '' || NOT_REPORTED.test(trimmed);
}
