/**
 * Everything a card about one stored return shows that is not in the return itself: the previous month held for the
 * stock, each class's change against it, the continuity check, and where the return stands among the submissions
 * for its month. Built by services/filing-card.ts, drawn by format/filing-card.ts.
 */
import type { FieldChange } from '../domain/compare-submissions.js';
import type { ClassComparison } from '../domain/compare-with-previous.js';
import type { Flag } from '../domain/flag.js';
import type { MonthlyReturn } from '../domain/monthly-return.js';
import type { StoredReturn } from '../domain/stored-return.js';

export type SubmissionStanding =
  /** The only submission held for its month. */
  | { readonly kind: 'only' }
  /** It replaced an earlier submission for the same month. */
  | { readonly kind: 'supersedes'; readonly superseded: StoredReturn }
  /** A later submission for the same month is held and is the one that counts. */
  | { readonly kind: 'superseded-by'; readonly current: StoredReturn };

export type HdrClass = MonthlyReturn['hdr']['classes'][number];

/** A class of HDRs (part IV) against the same stock code's HDRs in the previous return held. */
export interface HdrComparison {
  readonly hdr: HdrClass;
  /** HDRs at close of the previous return held, where it has HDRs under the same stock code. */
  readonly previousClosing: number | null;
}

export interface FilingCard {
  readonly stored: StoredReturn;
  readonly previous: StoredReturn | null;
  /** The previous return held is the calendar month before: nothing in between is missing. */
  readonly previousIsMonthBefore: boolean;
  /** Each class against the previous return held (`compareWithPrevious`). */
  readonly classes: readonly ClassComparison[];
  /** Part IV's HDRs, each against the previous return held. */
  readonly hdrs: readonly HdrComparison[];
  /** The parser's flags and the continuity check against the previous return held. */
  readonly flags: readonly Flag[];
  readonly standing: SubmissionStanding;
  /** For a resubmission: every field that differs from the submission it supersedes (`compareSubmissions`). */
  readonly changes: readonly FieldChange[];
  /** For a superseded return: a link to the card of the submission that replaced it, where one was posted. */
  readonly currentCardLink?: string;
  /** True when the file was already held before this upload: nothing new was stored. */
  readonly alreadyHeld: boolean;
  /** Already held from another file of the same return (a re-saved PDF), not from this very file. */
  readonly sameReturnOtherFile?: boolean;
}
