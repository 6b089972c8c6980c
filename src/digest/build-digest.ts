/**
 * The month's picture for one watchlist, as a model: who has filed, each class's closing issued shares and change
 * against the previous return held, the notable movements and flags; who has not filed; the companies ordered by
 * how much they moved, the quiet ones apart. Pure: the caller reads the store.
 */
import type { Flag } from '../domain/flag.js';
import type { IssuedShareClass, ReportMonth } from '../domain/monthly-return.js';
import type { StockCode } from '../domain/stock-code.js';
import type { StoredReturn } from '../domain/stored-return.js';
import { flagsWithContinuity } from '../services/check-continuity.js';
import { matchShareClass, shareClassLabel } from '../services/match-share-class.js';
import { findNotableMovements, type NotableMovement } from './notable-movements.js';
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

/** What a class's change is measured against. */
export type ComparedWith =
  /** The closing balance of the same class in the previous return held, of that month. */
  | { readonly kind: 'previous-return'; readonly month: ReportMonth }
  /** No earlier return (or class) held: the return's own "balance at close of preceding month". */
  | { readonly kind: 'preceding-balance' };

export interface ClassChange {
  readonly label: string;
  readonly stockCode: StockCode | null;
  /** Issued shares at close of the month (excluding treasury shares on v1.1+ forms). */
  readonly closing: number | null;
  readonly previousClosing: number | null;
  readonly change: number | null;
  /** change / previousClosing x 100; null where either is unknown or the base is zero. */
  readonly changePercent: number | null;
  readonly comparedWith: ComparedWith;
  /** Treasury shares at close, on forms that have the column. */
  readonly treasuryClosing: number | null;
  readonly treasuryChange: number | null;
}

export interface FiledCompany {
  readonly stockCode: StockCode;
  readonly issuerName: string;
  readonly dateSubmitted: IsoDate | null;
  readonly resubmission: boolean;
  readonly classes: readonly ClassChange[];
  readonly movements: readonly NotableMovement[];
  /** The parser's flags and the continuity check against the previous return held. */
  readonly flags: readonly Flag[];
}

export interface PendingCompany {
  readonly stockCode: StockCode;
  /** From the latest return held; null when no return of the code is held at all. */
  readonly issuerName: string | null;
  readonly latestMonthHeld: ReportMonth | null;
}

export interface Digest {
  readonly month: ReportMonth;
  /** The filing deadline of the month. */
  readonly deadline: IsoDate;
  readonly watchedCount: number;
  /** Companies whose shares moved, whose change is unknown, or that carry flags: the largest change first. */
  readonly moved: readonly FiledCompany[];
  /** Companies that filed with no change in any class, no notable movement and no flag. */
  readonly quiet: readonly FiledCompany[];
  /** Watched companies with no return held for the month. */
  readonly pending: readonly PendingCompany[];
}

export interface BuildDigestInput {
  readonly month: ReportMonth;
  readonly deadline: IsoDate;
  readonly sources: readonly DigestSource[];
}

function difference(current: number | null | undefined, previous: number | null | undefined): number | null {
  return current == null || previous == null ? null : current - previous;
}

function classChange(shareClass: IssuedShareClass, previous: StoredReturn | null): ClassChange {
  const match = previous ? matchShareClass(shareClass, previous.monthlyReturn.issuedShares.classes) : null;
  const closing = shareClass.issuedShares.closing;
  const previousClosing = match ? match.issuedShares.closing : shareClass.issuedShares.preceding;
  const change = difference(closing, previousClosing);
  const treasuryBefore = match ? match.treasuryShares?.closing : shareClass.treasuryShares?.preceding;
  return {
    label: shareClassLabel(shareClass),
    stockCode: shareClass.stockCode,
    closing,
    previousClosing,
    change,
    changePercent: change !== null && previousClosing ? (change * 100) / previousClosing : null,
    comparedWith:
      match && previous ? { kind: 'previous-return', month: previous.reportMonth } : { kind: 'preceding-balance' },
    treasuryClosing: shareClass.treasuryShares?.closing ?? null,
    treasuryChange: difference(shareClass.treasuryShares?.closing, treasuryBefore),
  };
}

function filedCompany(current: StoredReturn, previous: StoredReturn | null): FiledCompany {
  const monthlyReturn = current.monthlyReturn;
  return {
    stockCode: current.stockCode,
    issuerName: monthlyReturn.issuerName,
    dateSubmitted: monthlyReturn.dateSubmitted,
    resubmission: monthlyReturn.status === 'resubmission' || current.supersedes !== null,
    classes: monthlyReturn.issuedShares.classes.map((shareClass) => classChange(shareClass, previous)),
    movements: findNotableMovements(monthlyReturn.detailsOfMovements),
    flags: flagsWithContinuity(current, previous),
  };
}

/** Quiet: every class known to be unchanged, nothing moved in part III, nothing flagged. */
export function isQuiet(company: FiledCompany): boolean {
  return (
    company.flags.length === 0 &&
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
    source.current ? [filedCompany(source.current, source.previous)] : [],
  );
  const pending = input.sources
    .filter((source) => source.current === null)
    .map((source) => {
      const named = source.latest ?? source.previous;
      return {
        stockCode: source.stockCode,
        issuerName: named?.monthlyReturn.issuerName ?? null,
        latestMonthHeld: named?.reportMonth ?? null,
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
