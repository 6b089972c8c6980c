/**
 * The store as one conversation sees it: every query answers for that viewer, whatever the caller passes, so a
 * service handed this view cannot show a conversation a return it may not see by forgetting a parameter. Saves,
 * uploads, watchlists and digest records pass through unchanged (they are keyed by their own channel).
 */
import type { Viewer } from '../domain/audience.js';
import type { FilingStore } from './filing-store.js';

export function seenBy(store: FilingStore, viewer: Viewer): FilingStore {
  return {
    save: (input) => store.save(input),
    findBySha256: (sha256) => store.findBySha256(sha256, viewer),
    latest: (stockCode) => store.latest(stockCode, viewer),
    forMonth: (stockCode, month) => store.forMonth(stockCode, month, viewer),
    history: (stockCode, options = {}) => store.history(stockCode, { ...options, viewer }),
    damagedMonths: (stockCode) => store.damagedMonths(stockCode),
    monthsHeld: (stockCode) => store.monthsHeld(stockCode, viewer),
    submissions: (stockCode, month) => store.submissions(stockCode, month, viewer),
    previous: (stockCode, month) => store.previous(stockCode, month, viewer),
    forReportMonth: (month) => store.forReportMonth(month, viewer),
    listIssuers: () => store.listIssuers(viewer),
    searchIssuers: (query, options = {}) => store.searchIssuers(query, { ...options, viewer }),
    findByOtherExchangeCode: (code) => store.findByOtherExchangeCode(code, viewer),
    claimSlackUpload: (share, leaseMs) => store.claimSlackUpload(share, leaseMs),
    recordSlackUpload: (key, step, leaseMs) => store.recordSlackUpload(key, step, leaseMs),
    unfinishedSlackUploads: () => store.unfinishedSlackUploads(),
    answeredSlackUploads: (sha256) => store.answeredSlackUploads(sha256),
    getWatchlist: (channelId, teamId) => store.getWatchlist(channelId, teamId),
    saveWatchlist: (watchlist) => store.saveWatchlist(watchlist),
    listWatchlists: () => store.listWatchlists(),
    findDigestRecord: (channelId, month, teamId) => store.findDigestRecord(channelId, month, teamId),
    recordDigest: (record) => store.recordDigest(record),
    claimDigest: (record) => store.claimDigest(record),
    fetchClaims: store.fetchClaims,
    // An installation is the workspace's, whoever asks.
    saveInstallation: (installation) => store.saveInstallation(installation),
    findInstallation: (teamId) => store.findInstallation(teamId),
    deleteInstallation: (teamId) => store.deleteInstallation(teamId),
    // Done once for the whole store, at the start of a bot with a single token.
    adoptTeamless: (teamId) => store.adoptTeamless(teamId),
    // Copying a store (hkex-shares migrate) is the operator's, not a conversation's: the whole store, as held.
    contents: () => store.contents(),
    // A view does not own the store: closing it is the owner's business.
    close: async () => {},
  };
}
