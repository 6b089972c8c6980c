/**
 * What the PostgreSQL store keeps in memory of each issuer for lists, name searches and other exchanges' codes:
 * the few facts a summary shows, and which months a viewer may see, counted. Not the issuer's entry itself, whose
 * sha256 of every submission held (100,000 of them at market scale) was most of the bot's memory, and which each
 * list and search sorted the months of, per issuer, to find what a viewer sees.
 */
import { keysOf, type Viewer } from '../../domain/audience.js';
import type { ReportMonth } from '../../domain/monthly-return.js';
import { formatOtherExchangeCode, type OtherExchangeCode, type StockCode } from '../../domain/stock-code.js';
import type { IssuerSummary } from '../../domain/stored-return.js';
import type { CodeIndexEntry } from '../lowdb/file-schemas.js';

export interface ListedIssuer {
  readonly stockCode: StockCode;
  /** From the current return of the latest month, for every viewer (as the entry's summary gives it). */
  readonly issuerName: string;
  readonly latestDateSubmitted: string | null;
  readonly otherExchangeCodes: readonly string[];
  /** The months every viewer sees: a submission of them is the workspace's (or the month was set aside). */
  readonly publicMonths: { readonly count: number; readonly latest: ReportMonth | null };
  /** The months whose every submission is private, each with all that may see one of them (audience.ts keys). */
  readonly privateMonths: readonly { readonly month: ReportMonth; readonly keys: readonly string[] }[];
}

export function toListedIssuer(entry: CodeIndexEntry): ListedIssuer {
  let count = 0;
  let latest: ReportMonth | null = null;
  const privateMonths: { month: ReportMonth; keys: string[] }[] = [];
  for (const [month, ids] of Object.entries(entry.months)) {
    const named = ids.map((id) => entry.conversations?.[id]);
    if (entry.setAside[month] !== undefined || named.some((keys) => keys === undefined)) {
      count++;
      if (latest === null || month > latest) latest = month;
    } else {
      privateMonths.push({
        month,
        keys: [...new Set(named.flatMap((keys) => (keys === undefined ? [] : [keys].flat())))],
      });
    }
  }
  return {
    stockCode: entry.stockCode,
    issuerName: entry.issuerName,
    latestDateSubmitted: entry.latestDateSubmitted,
    otherExchangeCodes: entry.otherExchangeCodes ?? [],
    publicMonths: { count, latest },
    privateMonths,
  };
}

/** The issuer as a viewer sees it (toIssuerSummary in code-index-entry.ts); null when it sees no month of it. */
export function summaryFor(issuer: ListedIssuer, viewer: Viewer): IssuerSummary | null {
  let { count, latest } = issuer.publicMonths;
  if (issuer.privateMonths.length > 0) {
    const viewerKeys = keysOf(viewer);
    for (const { month, keys } of issuer.privateMonths) {
      if (!keys.some((key) => viewerKeys.includes(key))) continue;
      count++;
      if (latest === null || month > latest) latest = month;
    }
  }
  if (count === 0 || latest === null) return null;
  return {
    stockCode: issuer.stockCode,
    issuerName: issuer.issuerName,
    latestMonth: latest,
    returnsHeld: count,
    latestDateSubmitted: issuer.latestDateSubmitted,
  };
}

/** The issuers a viewer sees whose returns list a class under that code of another exchange, by code. */
export function listedUnder(issuers: Iterable<ListedIssuer>, code: OtherExchangeCode, viewer: Viewer): IssuerSummary[] {
  const written = formatOtherExchangeCode(code);
  return [...issuers]
    .filter((issuer) => issuer.otherExchangeCodes.includes(written))
    .flatMap((issuer) => summaryFor(issuer, viewer) ?? [])
    .sort((a, b) => (a.stockCode < b.stockCode ? -1 : a.stockCode > b.stockCode ? 1 : 0));
}
