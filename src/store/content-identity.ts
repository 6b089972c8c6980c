/**
 * The identity of a return by what it says rather than by its bytes: a lossless re-save of a PDF (linearized,
 * re-printed, compressed anew) has another sha256 but the same parsed model, and is the same return, not a
 * resubmission. The identity is the sha256 of the model's canonical JSON (keys in order, at every level), so it
 * covers the code, the month, the submission date and status, and every figure the form prints; a real
 * resubmission differs at least in its date submitted or a figure.
 */
import { createHash } from 'node:crypto';
import type { MonthlyReturn } from '../domain/monthly-return.js';

export function contentIdentityOf(monthlyReturn: MonthlyReturn): string {
  return canonicalSha256(monthlyReturn, NOT_CONTENT);
}

/**
 * Keys that are not what the return says: the words a total prints in place of a figure ("N/A") only word the
 * flags, and returns held from before they were kept lack them, so a re-save of one is still the same return.
 */
const NOT_CONTENT: ReadonlySet<string> = new Set(['printedInstead']);

/** The sha256 of a value's canonical JSON: equal for equal values, whatever the order of their keys. */
export function canonicalSha256(value: unknown, leaveOut: ReadonlySet<string> = new Set()): string {
  return createHash('sha256').update(canonicalJson(value, leaveOut)).digest('hex');
}

function canonicalJson(value: unknown, leaveOut: ReadonlySet<string>): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item, leaveOut)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([k, v]) => v !== undefined && !leaveOut.has(k))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v, leaveOut)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
