/**
 * "Change against the previous return": the one meaning every view of a stock's shares uses (card, history, digest).
 *
 * A class's closing issued shares (excluding treasury shares on v1.1+ forms) are compared with the closing issued
 * shares of the same class (`matchShareClass`) in the previous return held: the current submission of the latest
 * month before it. Where no earlier month is held, or none of its classes is the same class with confidence, the
 * comparison falls back to the return's own "balance at close of preceding month", which the form prints for this
 * purpose; `comparedWith` says which of the two was used, so a reader is never shown one as the other.
 */
import { matchShareClass, shareClassLabel } from './match-share-class.js';
import type { IssuedShareClass, ReportMonth } from './monthly-return.js';
import type { HistoryEntry } from './stored-return.js';

/** What a class's change is measured against. */
export type ComparedWith =
  /** The closing balance of the same class in the previous return held, of that month. */
  | { readonly kind: 'previous-return'; readonly month: ReportMonth }
  /** The return's own "balance at close of preceding month": no earlier return, or no matching class, is held. */
  | { readonly kind: 'preceding-balance' };

export interface ClassComparison {
  readonly shareClass: IssuedShareClass;
  /** How the class is named to a reader. */
  readonly label: string;
  /** The same class in the previous return held; null where none is held or none matches with confidence. */
  readonly previousClass: IssuedShareClass | null;
  readonly comparedWith: ComparedWith;
  /** Issued shares at close of the month (excluding treasury shares on v1.1+ forms). */
  readonly closing: number | null;
  /** What `closing` is compared with: see `comparedWith`. */
  readonly previousClosing: number | null;
  /** closing - previousClosing; null where either is not printed. */
  readonly change: number | null;
  /** change / previousClosing x 100; null where either is unknown or the base is zero. */
  readonly changePercent: number | null;
  /** Treasury shares at close, on forms that have the column; null otherwise. */
  readonly treasuryClosing: number | null;
  /** Against the same base as `change` (previous return's treasury closing, or this return's preceding). */
  readonly treasuryChange: number | null;
}

/** The fields of a held return a comparison reads: a `StoredReturn` and a `HistoryEntry` both have them. */
export type ComparableReturn = Pick<HistoryEntry, 'reportMonth' | 'monthlyReturn'>;

function difference(current: number | null | undefined, previous: number | null | undefined): number | null {
  return current == null || previous == null ? null : current - previous;
}

export function compareWithPrevious(shareClass: IssuedShareClass, previous: ComparableReturn | null): ClassComparison {
  const previousClass = previous ? matchShareClass(shareClass, previous.monthlyReturn.issuedShares.classes) : null;
  const closing = shareClass.issuedShares.closing;
  const previousClosing = previousClass ? previousClass.issuedShares.closing : shareClass.issuedShares.preceding;
  const treasuryClosing = shareClass.treasuryShares?.closing ?? null;
  const treasuryBefore = previousClass ? previousClass.treasuryShares?.closing : shareClass.treasuryShares?.preceding;
  const change = difference(closing, previousClosing);
  return {
    shareClass,
    label: shareClassLabel(shareClass),
    previousClass,
    comparedWith:
      previousClass && previous
        ? { kind: 'previous-return', month: previous.reportMonth }
        : { kind: 'preceding-balance' },
    closing,
    previousClosing,
    change,
    changePercent: change !== null && previousClosing ? (change * 100) / previousClosing : null,
    treasuryClosing,
    treasuryChange: difference(treasuryClosing, treasuryBefore),
  };
}

/** Every class of `current`, each against the previous return held. */
export function compareClassesWithPrevious(
  current: ComparableReturn,
  previous: ComparableReturn | null,
): ClassComparison[] {
  return current.monthlyReturn.issuedShares.classes.map((shareClass) => compareWithPrevious(shareClass, previous));
}

/**
 * A resubmission, for every view: the return replaced an earlier submission for its month that is held. The status
 * the filer printed is the form's own field and is shown as such on the card; a return printed "resubmission" whose
 * earlier submission is not held has nothing held to be compared with or to replace.
 */
export function isResubmission(entry: Pick<HistoryEntry, 'supersedes'>): boolean {
  return entry.supersedes !== null;
}
