/**
 * The month's picture for one watchlist (view-models/digest.ts): who has filed, each class's closing issued shares and change
 * against the previous return held, the notable movements and flags; who has not filed; the companies ordered by
 * how much they moved, the quiet ones apart. Pure: the caller reads the store.
 */
import { flagsAgainstPrevious } from '../domain/check-continuity.js';
import { compareClassesWithPrevious, isResubmission } from '../domain/compare-with-previous.js';
import { isFault } from '../domain/flag.js';
import type { ReportMonth } from '../domain/monthly-return.js';
import type { StockCode } from '../domain/stock-code.js';
import { hkexnewsListingOf, type StoredReturn } from '../domain/stored-return.js';
import type { Digest, FiledCompany } from '../view-models/digest.js';
import { findNotableMovements } from './notable-movements.js';
import type { IsoDate } from './report-months.js';

/** What the store holds for one watched code. */
export interface DigestSource {
  readonly stockCode: StockCode;
  /** The current return for the digest's month; null when none is held. */
  readonly current: StoredReturn | null;
  /** The current return of the latest month before it (`store.previous`). */
  readonly previous: StoredReturn | null;
  /** For a code with no return for the month: its latest return of any month, to name it. */
  readonly latest?: StoredReturn | null;
}

export interface BuildDigestInput {
  readonly month: ReportMonth;
  readonly deadline: IsoDate;
  readonly sources: readonly DigestSource[];
  /** Codes HKEXnews was asked about after the deadline (a watchlist fill): one still without a return is late. */
  readonly checkedOnHkexnews?: readonly StockCode[];
}

/**
 * Rule 13.25B: published by 30 minutes before the morning session (09:00) on the deadline day. The release time on
 * HKEXnews says it to the minute; without one, only a submission dated after the deadline day is known to be late.
 */
function isLate(current: StoredReturn, deadline: IsoDate): boolean {
  const releasedAt = hkexnewsListingOf(current)?.releasedAt;
  const released = releasedAt ? Date.parse(releasedAt) : Number.NaN;
  if (Number.isFinite(released)) return released > Date.parse(`${deadline}T08:30:00+08:00`);
  const submitted = current.monthlyReturn.dateSubmitted;
  return submitted !== null && submitted > deadline;
}

function filedCompany(current: StoredReturn, previous: StoredReturn | null, deadline: IsoDate): FiledCompany {
  const monthlyReturn = current.monthlyReturn;
  return {
    stockCode: current.stockCode,
    issuerName: monthlyReturn.issuerName,
    dateSubmitted: monthlyReturn.dateSubmitted,
    resubmission: isResubmission(current),
    late: isLate(current, deadline),
    classes: compareClassesWithPrevious(current, previous),
    movements: findNotableMovements(monthlyReturn.detailsOfMovements),
    flags: flagsAgainstPrevious(current, previous),
  };
}

/** Quiet: every class known to be unchanged, nothing moved in part III, nothing flagged. */
function isQuiet(company: FiledCompany): boolean {
  return (
    !company.flags.some(isFault) &&
    company.movements.length === 0 &&
    company.classes.length > 0 &&
    company.classes.every((c) => c.change === 0 && (c.treasuryChange ?? 0) === 0)
  );
}

/** How much a company moved: its largest change in percent, then in shares. Unknown changes count as none. */
function sizeOfChange(company: FiledCompany): [number, number] {
  const percent = Math.max(0, ...company.classes.map((c) => Math.abs(c.changePercent ?? 0)));
  const shares = Math.max(0, ...company.classes.map((c) => Math.abs(c.change ?? 0)));
  return [percent, shares];
}

function bySizeOfChange(a: FiledCompany, b: FiledCompany): number {
  const [percentA, sharesA] = sizeOfChange(a);
  const [percentB, sharesB] = sizeOfChange(b);
  return percentB - percentA || sharesB - sharesA || a.stockCode.localeCompare(b.stockCode);
}

export function buildDigest(input: BuildDigestInput): Digest {
  const filed = input.sources.flatMap((source) =>
    source.current ? [filedCompany(source.current, source.previous, input.deadline)] : [],
  );
  const checked = new Set(input.checkedOnHkexnews ?? []);
  const pending = input.sources
    .filter((source) => source.current === null)
    .map((source) => {
      const named = source.latest ?? source.previous;
      return {
        stockCode: source.stockCode,
        issuerName: named?.monthlyReturn.issuerName ?? null,
        latestMonthHeld: named?.reportMonth ?? null,
        late: checked.has(source.stockCode),
      };
    })
    .sort((a, b) => a.stockCode.localeCompare(b.stockCode));
  return {
    month: input.month,
    deadline: input.deadline,
    watchedCount: input.sources.length,
    moved: filed.filter((company) => !isQuiet(company)).sort(bySizeOfChange),
    quiet: filed.filter(isQuiet).sort((a, b) => a.stockCode.localeCompare(b.stockCode)),
    pending,
  };
}
