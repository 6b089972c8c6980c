/**
 * Which submission for a code and month is the current one. HKEX lets an issuer correct a return by filing a
 * "Resubmission" for the same month; it carries a later "Date submitted", or the same date when it is filed the
 * same day. So submissions are ordered by date submitted, then by status (a resubmission is later than a new
 * submission of the same day), then by when we read them; the last is current and each earlier one is marked as
 * superseded by the one after it.
 */

import { isVisibleTo, type Viewer, WORKSPACE, widenedBy } from '../domain/audience.js';
import { AppError } from '../domain/errors.js';
import { type MonthlyReturn, reportMonthOf } from '../domain/monthly-return.js';
import type { StockCode } from '../domain/stock-code.js';
import { audienceOf, hkexnewsListingOf, type StoredReturn, StoredReturnSchema } from '../domain/stored-return.js';
import { contentIdentityOf } from './content-identity.js';
import type { SaveInput, SaveResult } from './filing-store.js';

/** The code a return is filed under: its first listed code, else the first listed class's code. */
export function primaryStockCode(monthlyReturn: MonthlyReturn): StockCode {
  const code =
    monthlyReturn.stockCodes[0] ?? monthlyReturn.issuedShares.classes.find((c) => c.stockCode !== null)?.stockCode;
  if (!code) {
    throw new AppError('bad-input', `The return of ${monthlyReturn.issuerName} names no stock code to file it under.`, {
      issuerName: monthlyReturn.issuerName,
      monthEnded: monthlyReturn.monthEnded,
    });
  }
  return code;
}

/** The return as it will be stored; AppError('bad-input') when it does not validate, before anything is written. */
export function toValidStoredReturn(input: SaveInput): StoredReturn {
  const incoming = toStoredReturn(input);
  const parsed = StoredReturnSchema.safeParse(incoming);
  if (!parsed.success) {
    throw new AppError('bad-input', `The return of ${incoming.stockCode} for ${incoming.reportMonth} is invalid.`, {
      stockCode: incoming.stockCode,
      month: incoming.reportMonth,
      issue: parsed.error.issues[0]?.message,
    });
  }
  return parsed.data;
}

export function toStoredReturn(input: SaveInput): StoredReturn {
  return {
    id: input.provenance.sha256,
    stockCode: primaryStockCode(input.monthlyReturn),
    reportMonth: reportMonthOf(input.monthlyReturn),
    monthlyReturn: input.monthlyReturn,
    flags: [...input.flags],
    provenance: input.provenance,
    supersededBy: null,
    supersedes: null,
    audience: input.audience ?? WORKSPACE,
  };
}

/** The latest submission a viewer may see, of a month's submissions (newest first, as stored). */
export function currentFor(submissions: readonly StoredReturn[], viewer: Viewer): StoredReturn | null {
  return submissions.find((held) => isVisibleTo(audienceOf(held), viewer)) ?? null;
}

/**
 * A held return saved again for the workspace becomes public; saved again in another private conversation, it is
 * seen there too (a draft passed from one team's channel to another's); a save never narrows who may see one.
 */
export function publishedBy(held: StoredReturn, incoming: StoredReturn): StoredReturn | null {
  const audience = widenedBy(audienceOf(held), audienceOf(incoming));
  return audience ? { ...held, audience } : null;
}

/**
 * The same file saved from HKEXnews links the held return to its listing there (the first listing seen is kept): a
 * card of a return shared in Slack then links to the site too. Null when the save adds nothing.
 */
export function linkedBy(held: StoredReturn, incoming: StoredReturn): StoredReturn | null {
  const listing = hkexnewsListingOf(incoming);
  if (held.id !== incoming.id || !listing || hkexnewsListingOf(held)) return null;
  return { ...held, hkexnews: listing };
}

/** What saving a held return again changes in it (published, linked to HKEXnews), or null for nothing. */
export function updatedBy(held: StoredReturn, incoming: StoredReturn): StoredReturn | null {
  const published = publishedBy(held, incoming);
  const linked = linkedBy(published ?? held, incoming);
  return linked ?? published;
}

type AlreadyHeld = Extract<SaveResult, { status: 'already-held' }>;

/** What a save of a return already held answers, and the held return as it is to be written (null: unchanged). */
export function savedAgain(
  same: AlreadyHeld,
  incoming: StoredReturn,
): { result: AlreadyHeld; updated: StoredReturn | null } {
  const updated = updatedBy(same.stored, incoming);
  if (!updated) return { result: same, updated: null };
  const before = audienceOf(same.stored);
  const widened = widenedBy(before, audienceOf(incoming)) !== null;
  return { result: { ...same, stored: updated, ...(widened ? { widenedFrom: before } : {}) }, updated };
}

const STATUS_RANK = { resubmission: 2, new: 1 } as const;

/** Negative when `a` was submitted before `b`. */
export function compareSubmissions(a: StoredReturn, b: StoredReturn): number {
  const dateA = a.monthlyReturn.dateSubmitted ?? '';
  const dateB = b.monthlyReturn.dateSubmitted ?? '';
  if (dateA !== dateB) return dateA < dateB ? -1 : 1;
  const statusA = a.monthlyReturn.status ? STATUS_RANK[a.monthlyReturn.status] : 0;
  const statusB = b.monthlyReturn.status ? STATUS_RANK[b.monthlyReturn.status] : 0;
  if (statusA !== statusB) return statusA - statusB;
  const readA = timeOf(a.provenance.readAt);
  const readB = timeOf(b.provenance.readAt);
  if (readA !== readB) return readA < readB ? -1 : 1;
  // The same day, status and reading time: any fixed order will do, as long as it never changes.
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Newest submission first, each linked to the ones before and after it. */
export function linkSubmissions(submissions: readonly StoredReturn[]): StoredReturn[] {
  const oldestFirst = [...submissions].sort(compareSubmissions);
  const linked = oldestFirst.map((held, i) => {
    const supersedes = oldestFirst[i - 1]?.id ?? null;
    const supersededBy = oldestFirst[i + 1]?.id ?? null;
    return held.supersedes === supersedes && held.supersededBy === supersededBy
      ? held
      : { ...held, supersedes, supersededBy };
  });
  return linked.reverse();
}

/** The current one of a month's submissions (newest first, as stored). */
export function currentOf(submissions: readonly StoredReturn[]): StoredReturn | null {
  return submissions.find((held) => held.supersededBy === null) ?? null;
}

/** A held submission that is the incoming one: the same file, else the same return in another file. */
export function findSameReturn(held: readonly StoredReturn[], incoming: StoredReturn): AlreadyHeld | null {
  const sameFile = held.find((h) => h.id === incoming.id);
  if (sameFile) return { status: 'already-held', stored: sameFile, match: 'same-file' };
  const identity = contentIdentityOf(incoming.monthlyReturn);
  const sameContent = held.find((h) => contentIdentityOf(h.monthlyReturn) === identity);
  return sameContent ? { status: 'already-held', stored: sameContent, match: 'same-content' } : null;
}

/** Adds a submission not yet held to those held for its month, and says what that did. */
export function addSubmission(
  held: readonly StoredReturn[],
  incoming: StoredReturn,
): { submissions: StoredReturn[]; result: SaveResult } {
  const submissions = linkSubmissions([...held, incoming]);
  const byId = (id: string) => submissions.find((s) => s.id === id) as StoredReturn;
  const stored = byId(incoming.id);
  const current = submissions[0] as StoredReturn;
  if (current.id !== incoming.id) return { submissions, result: { status: 'older-than-held', stored, current } };
  const previous = currentOf(held);
  if (!previous) return { submissions, result: { status: 'stored', stored } };
  return { submissions, result: { status: 'superseded-earlier', stored, superseded: byId(previous.id) } };
}

function timeOf(iso: string): number {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}
