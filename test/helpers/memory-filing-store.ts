/**
 * A FilingStore held in memory, for tests of the services and the Slack layer that need no files. It decides
 * nothing itself: which submission is current, what the index says of a code and how a name is searched come from
 * the same functions the lowdb store uses, and test/store/contract runs the store contract against both.
 */
import type { ReportMonth } from '../../src/domain/monthly-return.js';
import {
  type SlackUpload,
  slackUploadKey,
  startSlackUpload,
  takeOverSlackUpload,
} from '../../src/domain/slack-upload.js';
import type { StockCode } from '../../src/domain/stock-code.js';
import {
  type DigestRecord,
  DigestRecordSchema,
  type HistoryEntry,
  type StoredReturn,
  toHistoryEntry,
  type Watchlist,
  WatchlistSchema,
} from '../../src/domain/stored-return.js';
import type { FilingStore, SaveInput, SaveResult } from '../../src/store/filing-store.js';
import {
  emptyCodeIndexEntry,
  latestMonthOf,
  monthsNewestFirst,
  recordMonth,
  toIssuerSummary,
} from '../../src/store/lowdb/code-index-entry.js';
import type { CodeIndexEntry } from '../../src/store/lowdb/file-schemas.js';
import { prepareName, searchIssuerIndex } from '../../src/store/lowdb/issuer-search.js';
import { addSubmission, currentOf, findSameReturn, toValidStoredReturn } from '../../src/store/submissions.js';
import { validateRecord } from '../../src/store/validate-record.js';

/** What a test may inspect besides the interface: every submission held, in no particular order. */
export interface MemoryFilingStore extends FilingStore {
  readonly returns: readonly StoredReturn[];
}

export function createMemoryFilingStore(): MemoryFilingStore {
  /** Submissions by code, then month, newest submission first, as a month file holds them. */
  const months = new Map<StockCode, Map<ReportMonth, StoredReturn[]>>();
  const entries = new Map<StockCode, CodeIndexEntry>();
  const uploads = new Map<string, SlackUpload>();
  const watchlists = new Map<string, Watchlist>();
  const digests = new Map<string, DigestRecord>();

  const monthOf = (code: StockCode, month: ReportMonth) => months.get(code)?.get(month) ?? [];
  const currentFor = (code: StockCode, month: ReportMonth | null | undefined) =>
    month ? copy(currentOf(monthOf(code, month))) : null;
  const allReturns = () => [...months.values()].flatMap((byMonth) => [...byMonth.values()].flat());

  return {
    get returns() {
      return allReturns().map(copy);
    },

    async save(input: SaveInput): Promise<SaveResult> {
      const incoming = copy(toValidStoredReturn(input));
      const { stockCode, reportMonth } = incoming;
      const elsewhere = allReturns().find((r) => r.id === incoming.id);
      const same = elsewhere
        ? { status: 'already-held' as const, stored: elsewhere, match: 'same-file' as const }
        : findSameReturn(monthOf(stockCode, reportMonth), incoming);
      if (same) return copy(same);
      const { submissions, result } = addSubmission(monthOf(stockCode, reportMonth), incoming);
      const byMonth = months.get(stockCode) ?? new Map<ReportMonth, StoredReturn[]>();
      byMonth.set(reportMonth, submissions);
      months.set(stockCode, byMonth);
      const entry = entries.get(stockCode) ?? emptyCodeIndexEntry(stockCode);
      recordMonth(entry, reportMonth, submissions);
      entries.set(stockCode, entry);
      return copy(result);
    },
    async findBySha256(sha256) {
      return copy(allReturns().find((r) => r.id === sha256) ?? null);
    },
    async latest(code) {
      const entry = entries.get(code);
      return currentFor(code, entry && latestMonthOf(entry));
    },
    async forMonth(code, month) {
      return currentFor(code, month);
    },
    async history(code, options): Promise<HistoryEntry[]> {
      const held = (await this.monthsHeld(code)).flatMap((month) => currentFor(code, month) ?? []);
      return held.slice(0, Math.max(0, options?.limit ?? Number.POSITIVE_INFINITY)).map(toHistoryEntry);
    },
    async damagedMonths() {
      // Nothing is held outside memory, so nothing can be found damaged.
      return [];
    },
    async monthsHeld(code) {
      const entry = entries.get(code);
      return entry ? monthsNewestFirst(entry) : [];
    },
    async submissions(code, month) {
      return monthOf(code, month).map(copy);
    },
    async previous(code, month) {
      return currentFor(
        code,
        (await this.monthsHeld(code)).find((held) => held < month),
      );
    },
    async forReportMonth(month) {
      return [...entries.keys()].sort().flatMap((code) => currentFor(code, month) ?? []);
    },
    async listIssuers() {
      return [...entries.values()]
        .map(toIssuerSummary)
        .sort((a, b) => (a.stockCode < b.stockCode ? -1 : a.stockCode > b.stockCode ? 1 : 0));
    },
    async searchIssuers(query, options) {
      const searchable = [...entries.values()].map((entry) => ({ entry, names: entry.names.map(prepareName) }));
      return searchIssuerIndex(searchable, query, options?.limit ?? 10);
    },
    async claimSlackUpload(share, leaseMs) {
      const key = slackUploadKey(share);
      const held = uploads.get(key);
      if (held?.stage === 'answered') return { outcome: 'answered', upload: copy(held) };
      const now = new Date();
      if (held && Date.parse(held.leaseUntil) > now.getTime()) return { outcome: 'in-hand', upload: copy(held) };
      const upload = held ? takeOverSlackUpload(held, now, leaseMs) : startSlackUpload(share, now, leaseMs);
      uploads.set(key, upload);
      return { outcome: held ? 'taken-over' : 'claimed', upload: copy(upload) };
    },
    async recordSlackUpload(key, step, leaseMs) {
      const held = uploads.get(key);
      if (!held || held.stage === 'answered') throw new Error(`No unfinished Slack upload ${key} is held.`);
      const now = Date.now();
      const leaseUntil = new Date(now + leaseMs).toISOString();
      const upload = { ...held, ...step, updatedAt: new Date(now).toISOString(), leaseUntil };
      uploads.set(key, upload);
      return copy(upload);
    },
    async unfinishedSlackUploads() {
      return copy([...uploads.values()].filter((u) => u.stage !== 'answered'));
    },
    async getWatchlist(channelId) {
      return copy(watchlists.get(channelId) ?? null);
    },
    async saveWatchlist(watchlist) {
      const valid = validateRecord(WatchlistSchema, watchlist, 'watchlist');
      watchlists.set(valid.channelId, copy(valid));
    },
    async listWatchlists() {
      return [...watchlists.values()].sort((a, b) => (a.channelId < b.channelId ? -1 : 1)).map(copy);
    },
    async findDigestRecord(channelId, month) {
      return copy(digests.get(`${channelId}/${month}`) ?? null);
    },
    async recordDigest(record) {
      const valid = validateRecord(DigestRecordSchema, record, 'digest record');
      digests.set(`${valid.channelId}/${valid.reportMonth}`, copy(valid));
    },
    async close() {},
  };
}

/** Callers get their own copies, as they would from a store on disk. */
function copy<T>(value: T): T {
  return structuredClone(value);
}
