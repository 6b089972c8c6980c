/** Keeping one code's index entry in step with the submissions held for it. */

import { audienceKeys, keysOf, type Viewer } from '../../domain/audience.js';
import type { MonthlyReturn, ReportMonth } from '../../domain/monthly-return.js';
import { formatOtherExchangeCode, type OtherExchangeCode, type StockCode } from '../../domain/stock-code.js';
import { audienceOf, type IssuerSummary, type StoredReturn } from '../../domain/stored-return.js';
import { currentOf } from '../submissions.js';
import type { CodeIndexEntry } from './file-schemas.js';

export function emptyCodeIndexEntry(stockCode: StockCode): CodeIndexEntry {
  return {
    stockCode,
    issuerName: '',
    names: [],
    latestDateSubmitted: null,
    months: {},
    setAside: {},
    conversations: {},
    otherExchangeCodes: [],
  };
}

/** Records the submissions now held for a month (newest first), replacing what the entry said of that month. */
export function recordMonth(entry: CodeIndexEntry, month: ReportMonth, submissions: readonly StoredReturn[]): void {
  const current = currentOf(submissions);
  if (!current) return;
  entry.months[month] = submissions.map((held) => held.id);
  delete entry.setAside[month];
  entry.conversations ??= {};
  const conversations = entry.conversations;
  for (const held of submissions) {
    const audience = audienceOf(held);
    const keys = audienceKeys(audience);
    if (keys) conversations[held.id] = keys;
    else delete conversations[held.id];
  }
  for (const held of submissions) addName(entry, held.monthlyReturn.issuerName);
  const codes = new Set([
    ...(entry.otherExchangeCodes ?? []),
    ...submissions.flatMap((held) => otherCodesOf(held.monthlyReturn)),
  ]);
  entry.otherExchangeCodes = [...codes].sort();
  if (month === latestMonthOf(entry)) {
    entry.issuerName = current.monthlyReturn.issuerName;
    entry.latestDateSubmitted = current.monthlyReturn.dateSubmitted;
    entry.names = [entry.issuerName, ...entry.names.filter((name) => name !== entry.issuerName)];
  }
}

/** Records that a month's file was found damaged and moved aside; its returns are unreadable until saved again. */
export function recordSetAside(entry: CodeIndexEntry, month: ReportMonth, setAsideAs: string): void {
  entry.setAside[month] = setAsideAs;
  entry.months[month] ??= [];
}

/** The entry for a code, from the submissions of each month held (any order of months). */
export function buildCodeIndexEntry(
  stockCode: StockCode,
  months: ReadonlyMap<ReportMonth, readonly StoredReturn[]>,
  setAside: Readonly<Record<ReportMonth, string>> = {},
): CodeIndexEntry {
  const entry = emptyCodeIndexEntry(stockCode);
  for (const [month, aside] of Object.entries(setAside)) recordSetAside(entry, month, aside);
  for (const month of [...months.keys()].sort()) recordMonth(entry, month, months.get(month) ?? []);
  return entry;
}

export function latestMonthOf(entry: CodeIndexEntry): ReportMonth | null {
  let latest: ReportMonth | null = null;
  for (const month in entry.months) if (latest === null || month > latest) latest = month;
  return latest;
}

/** Months held, newest first; for a viewer, those with a submission it may see (and those found damaged). */
export function monthsNewestFirst(entry: CodeIndexEntry, viewer?: Viewer): ReportMonth[] {
  const months = Object.keys(entry.months).sort().reverse();
  if (!viewer) return months;
  return months.filter(
    (month) =>
      entry.setAside[month] !== undefined || (entry.months[month] ?? []).some((id) => isVisibleIn(entry, id, viewer)),
  );
}

/** Whether a viewer may see a submission, by what the entry records of it. */
export function isVisibleIn(entry: CodeIndexEntry, id: string, viewer: Viewer): boolean {
  const named = entry.conversations?.[id];
  if (named === undefined) return true;
  const keys = [named].flat();
  return keysOf(viewer).some((key) => keys.includes(key));
}

export function toIssuerSummary(entry: CodeIndexEntry, viewer?: Viewer): IssuerSummary {
  const months = viewer ? monthsNewestFirst(entry, viewer) : null;
  return {
    stockCode: entry.stockCode,
    issuerName: entry.issuerName,
    latestMonth: (months ? months[0] : latestMonthOf(entry)) ?? '',
    returnsHeld: months ? months.length : Object.keys(entry.months).length,
    latestDateSubmitted: entry.latestDateSubmitted,
  };
}

/** The codes of other exchanges that parts I and II print for the return's classes ("SSE 601338"). */
function otherCodesOf(monthlyReturn: MonthlyReturn): string[] {
  const classes = [...monthlyReturn.authorisedShareCapital.classes, ...monthlyReturn.issuedShares.classes];
  return classes.flatMap((shareClass) =>
    shareClass.otherExchangeCode ? [formatOtherExchangeCode(shareClass.otherExchangeCode)] : [],
  );
}

/** The codes whose submissions list a class under that code of another exchange, as a viewer sees them, by code. */
export function issuersListing(
  entries: Iterable<CodeIndexEntry>,
  code: OtherExchangeCode,
  viewer: Viewer,
): IssuerSummary[] {
  const written = formatOtherExchangeCode(code);
  return [...entries]
    .filter((entry) => entry.otherExchangeCodes?.includes(written) && monthsNewestFirst(entry, viewer).length > 0)
    .map((entry) => toIssuerSummary(entry, viewer))
    .sort((a, b) => (a.stockCode < b.stockCode ? -1 : a.stockCode > b.stockCode ? 1 : 0));
}

function addName(entry: CodeIndexEntry, name: string): void {
  if (name && !entry.names.includes(name)) entry.names.push(name);
}
