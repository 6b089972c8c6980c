/**
 * Everything a card about one stored return shows that is not in the return itself: the previous month held for the
 * stock, each class's change against it, the continuity check, and where the return stands among the submissions
 * for its month.
 */
import type { Flag } from '../domain/flag.js';
import type { IssuedShareClass } from '../domain/monthly-return.js';
import type { StoredReturn } from '../domain/stored-return.js';
import type { FilingStore, SaveResult } from '../store/filing-store.js';
import { flagsWithContinuity, monthBefore } from './check-continuity.js';
import { matchShareClass, shareClassLabel } from './match-share-class.js';

export interface ClassFigures {
  readonly shareClass: IssuedShareClass;
  /** How the class is named to a reader. */
  readonly label: string;
  /** The same class in the previous return held; null where none is held or none matches with confidence. */
  readonly previousClass: IssuedShareClass | null;
  /** Closing issued shares (excluding treasury) less the previous return's; null where not comparable. */
  readonly issuedChange: number | null;
  readonly treasuryChange: number | null;
}

export type SubmissionStanding =
  /** The only submission held for its month. */
  | { readonly kind: 'only' }
  /** It replaced an earlier submission for the same month. */
  | { readonly kind: 'supersedes'; readonly superseded: StoredReturn }
  /** A later submission for the same month is held and is the one that counts. */
  | { readonly kind: 'superseded-by'; readonly current: StoredReturn };

export interface FilingCard {
  readonly stored: StoredReturn;
  readonly previous: StoredReturn | null;
  /** The previous return held is the calendar month before: nothing in between is missing. */
  readonly previousIsMonthBefore: boolean;
  readonly classes: readonly ClassFigures[];
  /** The parser's flags and the continuity check against the previous return held. */
  readonly flags: readonly Flag[];
  readonly standing: SubmissionStanding;
  /** True when the file was already held before this upload: nothing new was stored. */
  readonly alreadyHeld: boolean;
  /** Already held from another file of the same return (a re-saved PDF), not from this very file. */
  readonly sameReturnOtherFile?: boolean;
}

function difference(current: number | null | undefined, previous: number | null | undefined): number | null {
  return current === null || current === undefined || previous === null || previous === undefined
    ? null
    : current - previous;
}

function classFigures(shareClass: IssuedShareClass, previous: StoredReturn | null): ClassFigures {
  const previousClass = previous ? matchShareClass(shareClass, previous.monthlyReturn.issuedShares.classes) : null;
  return {
    shareClass,
    label: shareClassLabel(shareClass),
    previousClass,
    issuedChange: difference(shareClass.issuedShares.closing, previousClass?.issuedShares.closing),
    treasuryChange: difference(shareClass.treasuryShares?.closing, previousClass?.treasuryShares?.closing),
  };
}

async function standingOf(store: FilingStore, stored: StoredReturn): Promise<SubmissionStanding> {
  if (stored.supersededBy) {
    const current = await store.findBySha256(stored.supersededBy);
    if (current) return { kind: 'superseded-by', current };
  }
  if (stored.supersedes) {
    const superseded = await store.findBySha256(stored.supersedes);
    if (superseded) return { kind: 'supersedes', superseded };
  }
  return { kind: 'only' };
}

export async function buildFilingCard(
  store: FilingStore,
  stored: StoredReturn,
  options: { alreadyHeld?: boolean } = {},
): Promise<FilingCard> {
  const [previous, standing] = await Promise.all([
    store.previous(stored.stockCode, stored.reportMonth),
    standingOf(store, stored),
  ]);
  return {
    stored,
    previous,
    previousIsMonthBefore: previous?.reportMonth === monthBefore(stored.reportMonth),
    classes: stored.monthlyReturn.issuedShares.classes.map((c) => classFigures(c, previous)),
    flags: flagsWithContinuity(stored, previous),
    standing,
    alreadyHeld: options.alreadyHeld ?? false,
  };
}

/** The card for what a save did: the standing comes straight from the save, not from a second read. */
export async function buildFilingCardForSave(store: FilingStore, result: SaveResult): Promise<FilingCard> {
  const card = await buildFilingCard(store, result.stored, { alreadyHeld: result.status === 'already-held' });
  switch (result.status) {
    case 'superseded-earlier':
      return { ...card, standing: { kind: 'supersedes', superseded: result.superseded } };
    case 'older-than-held':
      return { ...card, standing: { kind: 'superseded-by', current: result.current } };
    case 'already-held':
      return { ...card, sameReturnOtherFile: result.match === 'same-content' };
    default:
      return card;
  }
}
