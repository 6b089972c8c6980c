/**
 * What every reader of an FF301 part needs: the labels of the filing's language, its form version, and somewhere
 * to note a figure it could not place with confidence (which becomes an 'uncertain-figure' flag).
 */
import type { Flag } from '../../domain/flag.js';
import { flagUncertainFigure } from '../checks.js';
import type { Line } from '../layout/lines.js';
import type { Ff301Labels } from './labels.js';

export interface ReadingContext {
  readonly labels: Ff301Labels;
  /** "1.2.0"; null when the footer could not be read. */
  readonly version: string | null;
  readonly flags: Flag[];
}

export function noteUncertain(context: ReadingContext, section: string, subject: string | null, message: string): void {
  context.flags.push(flagUncertainFigure(section, subject, message));
}

/** True when the form's version is at least major.minor; false when it is older or unknown. */
export function versionAtLeast(version: string | null, major: number, minor: number): boolean {
  if (version === null) return false;
  const [own = 0, ownMinor = 0] = version.split('.').map(Number);
  return own > major || (own === major && ownMinor >= minor);
}

/** v1.1.0 added the treasury share columns to parts II and III; v1.0.x has none. */
export function hasTreasuryColumns(version: string | null): boolean | null {
  return version === null ? null : versionAtLeast(version, 1, 1);
}

/** Lines [start, end) of the document. */
export interface LineRange {
  readonly lines: readonly Line[];
  readonly start: number;
  readonly end: number;
}

/** Lines that wrap one paragraph sit about 1.2 font sizes apart; anything further is a new row. */
export function isNextWrappedLine(previous: Line, next: Line): boolean {
  return next.page === previous.page && next.y - previous.y <= 1.45 * Math.min(previous.height, next.height);
}
