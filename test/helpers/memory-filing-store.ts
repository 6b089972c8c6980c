/**
 * A FilingStore held in memory, for tests of the services and the Slack layer that need no files. It decides
 * nothing itself: which submission is current, what the index says of a code and how a name is searched come from
 * the same functions the lowdb store uses, and test/store/contract runs the store contract against both.
 */
import { isVisibleTo, type Viewer, WORKSPACE } from '../../src/domain/audience.js';
import { type WorkspaceInstallation, WorkspaceInstallationSchema } from '../../src/domain/installation.js';
import type { ReportMonth } from '../../src/domain/monthly-return.js';
import {
  type SlackUpload,
  slackUploadKey,
  startSlackUpload,
  takeOverSlackUpload,
} from '../../src/domain/slack-upload.js';
import type { StockCode } from '../../src/domain/stock-code.js';
import {
  audienceOf,
  channelKeyOf,
  type DigestRecord,
  DigestRecordSchema,
  type HistoryEntry,
  type StoredReturn,
  toHistoryEntry,
  type Watchlist,
  WatchlistSchema,
} from '../../src/domain/stored-return.js';
import { createLocalFetchClaims } from '../../src/store/fetch-claims.js';
import type { FilingStore, SaveInput, SaveResult } from '../../src/store/filing-store.js';
import {
  emptyCodeIndexEntry,
  issuersListing,
  monthsNewestFirst,
  recordMonth,
  toIssuerSummary,
} from '../../src/store/lowdb/code-index-entry.js';
import type { CodeIndexEntry } from '../../src/store/lowdb/file-schemas.js';
import { prepareName, rankIssuers } from '../../src/store/lowdb/issuer-search.js';
import {
  addSubmission,
  currentFor,
  findSameReturn,
  savedAgain,
  toValidStoredReturn,
} from '../../src/store/submissions.js';
import {
  adoptedChannelRecord,
  adoptedMonth,
  adoptedSlackUpload,
  type TokenWorkspace,
} from '../../src/store/team-adoption.js';
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
  const installations = new Map<string, WorkspaceInstallation>();
  let tokenWorkspace: TokenWorkspace | null = null;

  const monthOf = (code: StockCode, month: ReportMonth) => months.get(code)?.get(month) ?? [];
  const currentIn = (code: StockCode, month: ReportMonth | null | undefined, viewer: Viewer) =>
    month ? copy(currentFor(monthOf(code, month), viewer)) : null;
  const allReturns = () => [...months.values()].flatMap((byMonth) => [...byMonth.values()].flat());
  const monthsFor = (code: StockCode, viewer: Viewer) => {
    const entry = entries.get(code);
    return entry ? monthsNewestFirst(entry, viewer) : [];
  };
  const keep = (stockCode: StockCode, reportMonth: ReportMonth, submissions: StoredReturn[]) => {
    const byMonth = months.get(stockCode) ?? new Map<ReportMonth, StoredReturn[]>();
    byMonth.set(reportMonth, submissions);
    months.set(stockCode, byMonth);
    const entry = entries.get(stockCode) ?? emptyCodeIndexEntry(stockCode);
    recordMonth(entry, reportMonth, submissions);
    entries.set(stockCode, entry);
  };
  const visibleEntries = (viewer: Viewer) =>
    [...entries.values()].filter((entry) => monthsNewestFirst(entry, viewer).length > 0);

  return {
    get returns() {
      return allReturns().map(copy);
    },

    async save(input: SaveInput): Promise<SaveResult> {
      const incoming = copy(toValidStoredReturn(input));
      const { stockCode, reportMonth } = incoming;
      const elsewhere = allReturns().find(
        (r) => r.id === incoming.id && (r.stockCode !== stockCode || r.reportMonth !== reportMonth),
      );
      if (elsewhere) return copy({ status: 'already-held', stored: elsewhere, match: 'same-file' });
      const held = monthOf(stockCode, reportMonth);
      const same = findSameReturn(held, incoming);
      if (same) {
        const { result, updated } = savedAgain(same, incoming);
        if (updated)
          keep(
            stockCode,
            reportMonth,
            held.map((h) => (h.id === updated.id ? updated : h)),
          );
        return copy(result);
      }
      const { submissions, result } = addSubmission(held, incoming);
      keep(stockCode, reportMonth, submissions);
      return copy(result);
    },
    async findBySha256(sha256, viewer = WORKSPACE) {
      const found = allReturns().find((r) => r.id === sha256);
      return found && isVisibleTo(audienceOf(found), viewer) ? copy(found) : null;
    },
    async latest(code, viewer = WORKSPACE) {
      return currentIn(code, monthsFor(code, viewer)[0], viewer);
    },
    async forMonth(code, month, viewer = WORKSPACE) {
      return currentIn(code, month, viewer);
    },
    async history(code, options): Promise<HistoryEntry[]> {
      const viewer = options?.viewer ?? WORKSPACE;
      const held = monthsFor(code, viewer).flatMap((month) => currentIn(code, month, viewer) ?? []);
      return held.slice(0, Math.max(0, options?.limit ?? Number.POSITIVE_INFINITY)).map(toHistoryEntry);
    },
    async damagedMonths() {
      // Nothing is held outside memory, so nothing can be found damaged.
      return [];
    },
    async monthsHeld(code, viewer = WORKSPACE) {
      return monthsFor(code, viewer);
    },
    async submissions(code, month, viewer = WORKSPACE) {
      return monthOf(code, month)
        .filter((held) => isVisibleTo(audienceOf(held), viewer))
        .map(copy);
    },
    async previous(code, month, viewer = WORKSPACE) {
      return currentIn(
        code,
        monthsFor(code, viewer).find((held) => held < month),
        viewer,
      );
    },
    async forReportMonth(month, viewer = WORKSPACE) {
      return [...entries.keys()].sort().flatMap((code) => currentIn(code, month, viewer) ?? []);
    },
    async listIssuers(viewer = WORKSPACE) {
      return visibleEntries(viewer)
        .map((entry) => toIssuerSummary(entry, viewer))
        .sort((a, b) => (a.stockCode < b.stockCode ? -1 : a.stockCode > b.stockCode ? 1 : 0));
    },
    async searchIssuers(query, options) {
      const viewer = options?.viewer ?? WORKSPACE;
      const searchable = [...entries.values()].map((entry) => ({ entry, names: entry.names.map(prepareName) }));
      const visible = (entry: CodeIndexEntry) => monthsNewestFirst(entry, viewer).length > 0;
      return rankIssuers(searchable, query, options?.limit ?? 10, visible).map((entry) =>
        toIssuerSummary(entry, viewer),
      );
    },
    async findByOtherExchangeCode(code, viewer = WORKSPACE) {
      return issuersListing(entries.values(), code, viewer);
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
    async answeredSlackUploads(sha256) {
      const answered = [...uploads.values()].filter(
        (u) => u.stage === 'answered' && u.sha256 === sha256 && u.replyTs !== null,
      );
      return copy(answered.sort((a, b) => a.claimedAt.localeCompare(b.claimedAt)));
    },
    async getWatchlist(channelId, teamId) {
      return copy(watchlists.get(channelKeyOf({ channelId, teamId })) ?? null);
    },
    async saveWatchlist(watchlist) {
      const valid = validateRecord(WatchlistSchema, watchlist, 'watchlist');
      watchlists.set(channelKeyOf(valid), copy(valid));
    },
    async listWatchlists() {
      return [...watchlists.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, watchlist]) => copy(watchlist));
    },
    async findDigestRecord(channelId, month, teamId) {
      return copy(digests.get(`${channelKeyOf({ channelId, teamId })}:${month}`) ?? null);
    },
    async recordDigest(record) {
      const valid = validateRecord(DigestRecordSchema, record, 'digest record');
      digests.set(`${channelKeyOf(valid)}:${valid.reportMonth}`, copy(valid));
    },
    async claimDigest(record) {
      const valid = validateRecord(DigestRecordSchema, record, 'digest record');
      const key = `${channelKeyOf(valid)}:${valid.reportMonth}`;
      const held = digests.get(key);
      if (held) return copy(held);
      digests.set(key, copy(valid));
      return null;
    },
    async saveInstallation(installation) {
      const valid = validateRecord(WorkspaceInstallationSchema, installation, 'installation');
      installations.set(valid.team.id, copy(valid));
    },
    async findInstallation(teamId) {
      return copy(installations.get(teamId) ?? null);
    },
    async deleteInstallation(teamId) {
      installations.delete(teamId);
    },
    async adoptTeamless(teamId) {
      if (tokenWorkspace) return { workspace: copy(tokenWorkspace), stamped: null };
      let returns = 0;
      for (const [code, byMonth] of months) {
        for (const [month, held] of byMonth) {
          const adopted = adoptedMonth(held, teamId);
          if (adopted) keep(code, month, adopted.submissions);
          returns += adopted?.stamped ?? 0;
        }
      }
      /** Re-keys each record a stamp changed the key of, keeping a record held under the new key already. */
      const stampAll = <T>(map: Map<string, T>, stamp: (held: T) => T | null, keyOf: (record: T) => string) => {
        let stamped = 0;
        for (const [key, held] of [...map]) {
          const adopted = stamp(held);
          if (!adopted) continue;
          map.delete(key);
          if (!map.has(keyOf(adopted))) map.set(keyOf(adopted), adopted);
          stamped++;
        }
        return stamped;
      };
      const stamped = {
        returns,
        watchlists: stampAll(watchlists, (w) => adoptedChannelRecord(w, teamId), channelKeyOf),
        digestRecords: stampAll(
          digests,
          (d) => adoptedChannelRecord(d, teamId),
          (d) => `${channelKeyOf(d)}:${d.reportMonth}`,
        ),
        slackUploads: stampAll(
          uploads,
          (u) => adoptedSlackUpload(u, teamId),
          (u) => u.key,
        ),
      };
      tokenWorkspace = { teamId, adoptedAt: new Date().toISOString() };
      return { workspace: copy(tokenWorkspace), stamped };
    },
    fetchClaims: createLocalFetchClaims(),
    contents() {
      return {
        async *months() {
          for (const code of [...months.keys()].sort()) {
            const byMonth = months.get(code) ?? new Map<ReportMonth, StoredReturn[]>();
            for (const month of [...byMonth.keys()].sort()) {
              yield { stockCode: code, reportMonth: month, submissions: copy(byMonth.get(month) ?? []), damaged: null };
            }
          }
        },
        watchlists: async () => [...watchlists.values()].map(copy),
        digestRecords: async () => [...digests.values()].map(copy),
        slackUploads: async () => [...uploads.values()].map(copy),
        installations: async () => [...installations.values()].map(copy),
        tokenWorkspace: async () => copy(tokenWorkspace),
      };
    },
    async close() {},
  };
}

/** Callers get their own copies, as they would from a store on disk. */
function copy<T>(value: T): T {
  return structuredClone(value);
}
