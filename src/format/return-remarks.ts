/**
 * Every remark a return holds, with the part it stands under: filers explain a movement, a resubmission or a
 * figure there, so the card quotes them and the full view shows each one whole.
 */
import type { MonthlyReturn } from '../domain/monthly-return.js';

export interface ReturnRemark {
  /** "II", "III(A)" … "IV", or "Return" for the remarks closing the form. */
  readonly part: string;
  readonly text: string;
}

export function collectRemarks(monthlyReturn: MonthlyReturn): ReturnRemark[] {
  const details = monthlyReturn.detailsOfMovements;
  const held: [string, string | null][] = [
    ['II', monthlyReturn.issuedShares.remarks],
    ['III(A)', details.shareOptions.remarks],
    ['III(B)', details.warrants.remarks],
    ['III(C)', details.convertibles.remarks],
    ['III(D)', details.otherArrangements.remarks],
    ['III(E)', details.otherMovements.remarks],
    ['IV', monthlyReturn.hdr.remarks],
    ['Return', monthlyReturn.remarks],
  ];
  return held.flatMap(([part, text]) => (text?.trim() ? [{ part, text }] : []));
}
