/**
 * Continuity between returns: HKEX expects each return's "balance at close of preceding month" to be the closing
 * balance of the return before it. A difference means a return is missing, a resubmission is not held, or a figure
 * was misread, and the reader must see it.
 */
import { checkIssuerName } from './check-issuer-name.js';
import type { Flag } from './flag.js';
import { matchShareClass, shareClassLabel } from './match-share-class.js';
import type { Movement, ReportMonth } from './monthly-return.js';
import type { HistoryEntry } from './stored-return.js';

/** The month before "YYYY-MM". */
export function monthBefore(month: ReportMonth): ReportMonth {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function compare(
  what: string,
  subject: string,
  current: Movement | null,
  previous: Movement | null,
  previousMonth: ReportMonth,
  adjacent: boolean,
): Flag | null {
  const preceding = current?.preceding ?? null;
  const closing = previous?.closing ?? null;
  if (preceding === null || closing === null || preceding === closing) return null;
  const gap = adjacent ? '' : ' (no return is held for the months between)';
  return {
    code: 'continuity-break',
    // Across months not held the difference is what those months moved: worth showing, not a fault.
    severity: adjacent ? 'error' : 'info',
    section: 'II',
    subject,
    message: `${subject}: ${what} at close of preceding month is ${count(preceding)}, but the ${previousMonth} return held closes at ${count(closing)}${gap}`,
    expected: String(closing),
    actual: String(preceding),
  };
}

/** Flags for every class whose opening balance differs from the closing balance of the previous return held. */
export function checkContinuity(current: HistoryEntry, previous: HistoryEntry | null): Flag[] {
  if (!previous) return [];
  const adjacent = previous.reportMonth === monthBefore(current.reportMonth);
  const previousClasses = previous.monthlyReturn.issuedShares.classes;
  const flags: Flag[] = [];
  for (const shareClass of current.monthlyReturn.issuedShares.classes) {
    const match = matchShareClass(shareClass, previousClasses);
    if (!match) continue;
    const subject = shareClassLabel(shareClass);
    const issued = compare(
      'issued shares',
      subject,
      shareClass.issuedShares,
      match.issuedShares,
      previous.reportMonth,
      adjacent,
    );
    const treasury = compare(
      'treasury shares',
      subject,
      shareClass.treasuryShares,
      match.treasuryShares,
      previous.reportMonth,
      adjacent,
    );
    if (issued) flags.push(issued);
    if (treasury) flags.push(treasury);
  }
  return flags;
}

/**
 * The parser's flags and the checks against the previous return held (continuity, the issuer's name), each finding
 * once (a store may already hold a continuity flag): what every view of a return shows.
 */
export function flagsAgainstPrevious(current: HistoryEntry, previous: HistoryEntry | null): Flag[] {
  const key = (flag: Flag) => `${flag.code}|${flag.subject}|${flag.actual}|${flag.expected}`;
  const held = new Set(current.flags.map(key));
  const found = [...checkContinuity(current, previous), ...checkIssuerName(current, previous)];
  return [...current.flags, ...found.filter((flag) => !held.has(key(flag)))];
}
