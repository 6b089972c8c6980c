/**
 * The month's picture for one watchlist: who has filed, each class's closing issued shares and change against the
 * previous return held, the notable movements and flags; who has not filed. Built by digest/build-digest.ts, drawn
 * by format/digest.ts.
 */
import type { ClassComparison } from '../domain/compare-with-previous.js';
import type { Flag } from '../domain/flag.js';
import type { ReportMonth } from '../domain/monthly-return.js';
import type { StockCode } from '../domain/stock-code.js';
import type { NotableMovement } from './notable-movement.js';

/** A class's change in a digest: the one comparison every view uses. */
export type ClassChange = ClassComparison;

export interface FiledCompany {
  readonly stockCode: StockCode;
  readonly issuerName: string;
  readonly dateSubmitted: string | null;
  /** It replaced an earlier submission for the month that is held (`isResubmission`). */
  readonly resubmission: boolean;
  /** Released (or, where the release time is not known, submitted) after the filing deadline. */
  readonly late: boolean;
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
  /** HKEXnews was asked after the deadline and lists no return for the month: late, not merely not shared. */
  readonly late: boolean;
}

export interface Digest {
  readonly month: ReportMonth;
  /** The filing deadline of the month, "YYYY-MM-DD". */
  readonly deadline: string;
  readonly watchedCount: number;
  /** Companies whose shares moved, whose change is unknown, or that carry flags: the largest change first. */
  readonly moved: readonly FiledCompany[];
  /** Companies that filed with no change in any class, no notable movement and no flag. */
  readonly quiet: readonly FiledCompany[];
  /** Watched companies with no return held for the month. */
  readonly pending: readonly PendingCompany[];
}

/** A watched company's return that a fill found after its month's digest went out: posted once, as a follow-up. */
export interface LateFiling {
  readonly month: ReportMonth;
  /** The filing deadline of the month, "YYYY-MM-DD". */
  readonly deadline: string;
  readonly company: FiledCompany;
}

/** A scheduled digest Slack refused: what its watchlist's owner is told in a DM. */
export interface DigestFailure {
  readonly channelId: string;
  readonly month: ReportMonth;
  /** Slack's error code (not_in_channel, channel_not_found, is_archived …), or null for another failure. */
  readonly slackError: string | null;
  /** When it is tried again, in the schedule's time zone; null when it is not. */
  readonly retry: { readonly date: string; readonly timeOfDay: string; readonly timeZone: string } | null;
}
