/**
 * The card's model (view-models/filing-card.ts) of one stored return: the previous month held for the stock, each
 * class's change against it, the continuity check, and where the return stands among the submissions for its month.
 */
import { flagsAgainstPrevious, monthBefore } from '../domain/check-continuity.js';
import { compareSubmissions } from '../domain/compare-submissions.js';
import { compareClassesWithPrevious } from '../domain/compare-with-previous.js';
import type { StoredReturn } from '../domain/stored-return.js';
import type { FilingStore, SaveResult } from '../store/filing-store.js';
import type { FilingCard, HdrComparison, SubmissionStanding } from '../view-models/filing-card.js';

/** Part IV against the previous return held: HDRs are matched by their stock code. */
function compareHdrs(stored: StoredReturn, previous: StoredReturn | null): HdrComparison[] {
  return stored.monthlyReturn.hdr.classes.map((hdr) => {
    const match = previous?.monthlyReturn.hdr.classes.find(
      (p) => hdr.stockCode !== null && p.stockCode === hdr.stockCode,
    );
    return { hdr, previousClosing: match?.hdrs.closing ?? null };
  });
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
    classes: compareClassesWithPrevious(stored, previous),
    hdrs: compareHdrs(stored, previous),
    flags: flagsAgainstPrevious(stored, previous),
    standing,
    changes: changesOf(stored, standing),
    alreadyHeld: options.alreadyHeld ?? false,
  };
}

function changesOf(stored: StoredReturn, standing: SubmissionStanding) {
  return standing.kind === 'supersedes'
    ? compareSubmissions(standing.superseded.monthlyReturn, stored.monthlyReturn)
    : [];
}

/** The card for what a save did: the standing comes straight from the save, not from a second read. */
export async function buildFilingCardForSave(store: FilingStore, result: SaveResult): Promise<FilingCard> {
  const card = await buildFilingCard(store, result.stored, { alreadyHeld: result.status === 'already-held' });
  switch (result.status) {
    case 'superseded-earlier': {
      const standing = { kind: 'supersedes', superseded: result.superseded } as const;
      return { ...card, standing, changes: changesOf(result.stored, standing) };
    }
    case 'older-than-held':
      return { ...card, standing: { kind: 'superseded-by', current: result.current } };
    case 'already-held':
      return { ...card, sameReturnOtherFile: result.match === 'same-content' };
    default:
      return card;
  }
}
