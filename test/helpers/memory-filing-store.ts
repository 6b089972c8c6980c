/**
 * A FilingStore held in memory, with the same answers as the contract in src/store/filing-store.ts: for tests of the
 * Slack layer and the services that should not depend on the disk.
 */
import type { ReportMonth } from '../../src/domain/monthly-return.js';
import { reportMonthOf } from '../../src/domain/monthly-return.js';
import {
  type SlackUpload,
  slackUploadKey,
  startSlackUpload,
  takeOverSlackUpload,
} from '../../src/domain/slack-upload.js';
import type { StockCode } from '../../src/domain/stock-code.js';
import {
  type DigestRecord,
  type IssuerSummary,
  type StoredReturn,
  toHistoryEntry,
  type Watchlist,
} from '../../src/domain/stored-return.js';
import type { FilingStore, SaveInput, SaveResult } from '../../src/store/filing-store.js';

/** A later submission date wins; on the same date, the one marked as a resubmission, then the one read later. */
function isLaterSubmission(a: StoredReturn, b: StoredReturn): boolean {
  const dateA = a.monthlyReturn.dateSubmitted ?? '';
  const dateB = b.monthlyReturn.dateSubmitted ?? '';
  if (dateA !== dateB) return dateA > dateB;
  const resubA = a.monthlyReturn.status === 'resubmission';
  const resubB = b.monthlyReturn.status === 'resubmission';
  if (resubA !== resubB) return resubA;
  return a.provenance.readAt > b.provenance.readAt;
}

function summarise(returns: StoredReturn[]): IssuerSummary | null {
  const current = returns
    .filter((r) => r.supersededBy === null)
    .sort((a, b) => (a.reportMonth < b.reportMonth ? 1 : -1));
  const latest = current[0];
  if (!latest) return null;
  return {
    stockCode: latest.stockCode,
    issuerName: latest.monthlyReturn.issuerName,
    latestMonth: latest.reportMonth,
    returnsHeld: current.length,
    latestDateSubmitted: latest.monthlyReturn.dateSubmitted,
  };
}

export function createMemoryFilingStore(initial: readonly StoredReturn[] = []): FilingStore & {
  readonly returns: StoredReturn[];
} {
  const returns: StoredReturn[] = initial.map((r) => structuredClone(r));
  const uploads = new Map<string, SlackUpload>();
  const watchlists = new Map<string, Watchlist>();
  const digests: DigestRecord[] = [];

  const ofCode = (code: StockCode) => returns.filter((r) => r.stockCode === code);
  const current = (code: StockCode) =>
    ofCode(code)
      .filter((r) => r.supersededBy === null)
      .sort((a, b) => (a.reportMonth < b.reportMonth ? 1 : -1));

  const issuers = (): IssuerSummary[] => {
    const codes = [...new Set(returns.map((r) => r.stockCode))].sort();
    return codes.map((code) => summarise(ofCode(code))).filter((s): s is IssuerSummary => s !== null);
  };

  return {
    returns,

    async save(input: SaveInput): Promise<SaveResult> {
      const sha256 = input.provenance.sha256;
      const held = returns.find((r) => r.id === sha256);
      if (held) return { status: 'already-held', stored: structuredClone(held) };
      const stockCode = input.monthlyReturn.stockCodes[0];
      if (!stockCode) throw new Error('a return without a stock code cannot be stored');
      const stored: StoredReturn = {
        id: sha256,
        stockCode,
        reportMonth: reportMonthOf(input.monthlyReturn),
        monthlyReturn: structuredClone(input.monthlyReturn),
        flags: structuredClone([...input.flags]),
        provenance: structuredClone(input.provenance),
        supersededBy: null,
        supersedes: null,
      };
      const incumbent = returns.find(
        (r) => r.stockCode === stockCode && r.reportMonth === stored.reportMonth && r.supersededBy === null,
      );
      returns.push(stored);
      if (!incumbent) return { status: 'stored', stored: structuredClone(stored) };
      if (isLaterSubmission(stored, incumbent)) {
        incumbent.supersededBy = stored.id;
        stored.supersedes = incumbent.id;
        return {
          status: 'superseded-earlier',
          stored: structuredClone(stored),
          superseded: structuredClone(incumbent),
        };
      }
      stored.supersededBy = incumbent.id;
      return { status: 'older-than-held', stored: structuredClone(stored), current: structuredClone(incumbent) };
    },
    async findBySha256(sha256) {
      const found = returns.find((r) => r.id === sha256);
      return found ? structuredClone(found) : null;
    },
    async latest(code) {
      const found = current(code)[0];
      return found ? structuredClone(found) : null;
    },
    async forMonth(code, month) {
      const found = current(code).find((r) => r.reportMonth === month);
      return found ? structuredClone(found) : null;
    },
    async history(code, options) {
      return structuredClone(current(code).slice(0, options?.limit ?? Number.POSITIVE_INFINITY)).map(toHistoryEntry);
    },
    async monthsHeld(code) {
      return current(code).map((r) => r.reportMonth);
    },
    async submissions(code, month: ReportMonth) {
      return structuredClone(
        ofCode(code)
          .filter((r) => r.reportMonth === month)
          .sort((a, b) => (isLaterSubmission(a, b) ? -1 : 1)),
      );
    },
    async previous(code, month) {
      const found = current(code).find((r) => r.reportMonth < month);
      return found ? structuredClone(found) : null;
    },
    async forReportMonth(month) {
      return structuredClone(returns.filter((r) => r.reportMonth === month && r.supersededBy === null));
    },
    async listIssuers() {
      return issuers();
    },
    async searchIssuers(query, options) {
      const needle = query.trim().toLowerCase();
      if (!needle) return [];
      const scored = issuers()
        .map((issuer) => {
          const name = issuer.issuerName.toLowerCase();
          const score = name.startsWith(needle)
            ? 0
            : name.includes(needle)
              ? 1
              : issuer.stockCode.includes(needle)
                ? 2
                : -1;
          return { issuer, score };
        })
        .filter((s) => s.score >= 0)
        .sort((a, b) => a.score - b.score || a.issuer.stockCode.localeCompare(b.issuer.stockCode));
      return scored.slice(0, options?.limit ?? 20).map((s) => s.issuer);
    },
    async claimSlackUpload(share, leaseMs) {
      const key = slackUploadKey(share);
      const held = uploads.get(key);
      if (held?.stage === 'answered') return { outcome: 'answered', upload: structuredClone(held) };
      const now = Date.now();
      if (held && Date.parse(held.leaseUntil) > now) return { outcome: 'in-hand', upload: structuredClone(held) };
      const upload = held
        ? takeOverSlackUpload(held, new Date(now), leaseMs)
        : startSlackUpload(share, new Date(now), leaseMs);
      uploads.set(key, upload);
      return { outcome: held ? 'taken-over' : 'claimed', upload: structuredClone(upload) };
    },
    async recordSlackUpload(key, step, leaseMs) {
      const held = uploads.get(key);
      if (!held) throw new Error(`No unfinished Slack upload ${key} is held.`);
      const now = Date.now();
      const upload = { ...held, ...step, updatedAt: new Date(now).toISOString() };
      upload.leaseUntil = new Date(now + leaseMs).toISOString();
      uploads.set(key, upload);
      return structuredClone(upload);
    },
    async unfinishedSlackUploads() {
      return structuredClone([...uploads.values()].filter((u) => u.stage !== 'answered'));
    },
    async getWatchlist(channelId) {
      return structuredClone(watchlists.get(channelId) ?? null);
    },
    async saveWatchlist(watchlist) {
      watchlists.set(watchlist.channelId, structuredClone(watchlist));
    },
    async listWatchlists() {
      return structuredClone([...watchlists.values()]);
    },
    async findDigestRecord(channelId, month) {
      return structuredClone(digests.find((d) => d.channelId === channelId && d.reportMonth === month) ?? null);
    },
    async recordDigest(record) {
      digests.push(structuredClone(record));
    },
    async close() {},
  };
}
