/**
 * The store as one workspace of many sees it (the app installed through OAuth): every viewer asks from that
 * workspace, and its channels' watchlists, digest records and Slack upload claims are its own, kept apart from those
 * of the same channel id in another workspace. With a single bot token there is one workspace and no team id: the
 * store itself, unchanged.
 */
import { type Viewer, WORKSPACE } from '../domain/audience.js';
import type { FilingStore } from './filing-store.js';

export function inWorkspace(store: FilingStore, teamId: string | null): FilingStore {
  if (teamId === null) return store;
  const from = (viewer: Viewer | undefined): Viewer => ({ ...(viewer ?? WORKSPACE), teamId });
  const ours = <T extends { teamId?: string | undefined }>(record: T) => record.teamId === teamId;
  return {
    save: (input) => store.save(input),
    findBySha256: (sha256, viewer) => store.findBySha256(sha256, from(viewer)),
    latest: (stockCode, viewer) => store.latest(stockCode, from(viewer)),
    forMonth: (stockCode, month, viewer) => store.forMonth(stockCode, month, from(viewer)),
    history: (stockCode, options = {}) => store.history(stockCode, { ...options, viewer: from(options.viewer) }),
    damagedMonths: (stockCode) => store.damagedMonths(stockCode),
    monthsHeld: (stockCode, viewer) => store.monthsHeld(stockCode, from(viewer)),
    submissions: (stockCode, month, viewer) => store.submissions(stockCode, month, from(viewer)),
    previous: (stockCode, month, viewer) => store.previous(stockCode, month, from(viewer)),
    forReportMonth: (month, viewer) => store.forReportMonth(month, from(viewer)),
    listIssuers: (viewer) => store.listIssuers(from(viewer)),
    searchIssuers: (query, options = {}) => store.searchIssuers(query, { ...options, viewer: from(options.viewer) }),
    findByOtherExchangeCode: (code, viewer) => store.findByOtherExchangeCode(code, from(viewer)),
    claimSlackUpload: (share, leaseMs) => store.claimSlackUpload({ ...share, teamId }, leaseMs),
    recordSlackUpload: (key, step, leaseMs) => store.recordSlackUpload(key, step, leaseMs),
    unfinishedSlackUploads: async () => (await store.unfinishedSlackUploads()).filter(ours),
    answeredSlackUploads: async (sha256) => (await store.answeredSlackUploads(sha256)).filter(ours),
    getWatchlist: (channelId) => store.getWatchlist(channelId, teamId),
    saveWatchlist: (watchlist) => store.saveWatchlist({ ...watchlist, teamId }),
    listWatchlists: async () => (await store.listWatchlists()).filter(ours),
    findDigestRecord: (channelId, month) => store.findDigestRecord(channelId, month, teamId),
    recordDigest: (record) => store.recordDigest({ ...record, teamId }),
    claimDigest: (record) => store.claimDigest({ ...record, teamId }),
    // An installation is the workspace's, whoever asks.
    saveInstallation: (installation) => store.saveInstallation(installation),
    findInstallation: (teamId) => store.findInstallation(teamId),
    deleteInstallation: (teamId) => store.deleteInstallation(teamId),
    // Done once for the whole store, at the start of a bot with a single token.
    adoptTeamless: (tokenTeamId) => store.adoptTeamless(tokenTeamId),
    // HKEXnews work is everyone's: a document fetched for one workspace is fetched once for all.
    fetchClaims: store.fetchClaims,
    contents: () => store.contents(),
    // A view does not own the store: closing it is the owner's business.
    close: async () => {},
  };
}
