/**
 * Adding to and removing from a channel's watchlist. A code the store holds nothing for may be watched (its first
 * return may simply not have been read yet); words that are not stock codes (read by domain/shares-query.ts) are
 * named back.
 */
import type { ParsedCodes } from '../domain/shares-query.js';
import type { StockCode } from '../domain/stock-code.js';
import type { Watchlist } from '../domain/stored-return.js';
import type { FilingStore } from '../store/filing-store.js';
import {
  MAX_WATCHED_CODES,
  type UnwatchChange,
  type WatchChange,
  type WatchedCode,
} from '../view-models/watchlist-change.js';

export async function describeWatchedCode(store: FilingStore, stockCode: StockCode): Promise<WatchedCode> {
  const latest = await store.latest(stockCode);
  return {
    stockCode,
    issuerName: latest?.monthlyReturn.issuerName ?? null,
    latestMonth: latest?.reportMonth ?? null,
  };
}

export async function watchCodes(
  store: FilingStore,
  channelId: string,
  { codes, malformed }: ParsedCodes,
  now: Date,
  userId?: string,
): Promise<WatchChange> {
  const existing = await store.getWatchlist(channelId);
  const held = existing?.stockCodes ?? [];
  const alreadyWatched = codes.filter((code) => held.includes(code));
  const fresh = codes.filter((code) => !held.includes(code));
  const room = Math.max(0, MAX_WATCHED_CODES - held.length);
  const accepted = fresh.slice(0, room);
  const stamp = now.toISOString();
  const stockCodes = [...held, ...accepted].sort();
  // The owner is who set the list up; a list saved before owners were recorded takes the next one to add a code.
  const owner = existing?.ownerUserId ?? userId;
  const watchlist: Watchlist = {
    ...(existing ?? { channelId, digestEnabled: true, digestSince: stamp }),
    stockCodes,
    updatedAt: stamp,
    ...(owner ? { ownerUserId: owner } : {}),
  };
  if (accepted.length > 0) await store.saveWatchlist(watchlist);
  return {
    watchlist,
    added: await Promise.all(accepted.map((code) => describeWatchedCode(store, code))),
    alreadyWatched,
    overLimit: fresh.slice(room),
    malformed,
  };
}

export async function unwatchCodes(
  store: FilingStore,
  channelId: string,
  { codes, malformed }: ParsedCodes,
  now: Date,
): Promise<UnwatchChange> {
  const existing = await store.getWatchlist(channelId);
  const held = existing?.stockCodes ?? [];
  const removed = codes.filter((code) => held.includes(code));
  if (!existing || removed.length === 0) {
    return { watchlist: existing, removed: [], notWatched: codes, malformed };
  }
  // An emptied list is kept, with its digest setting, for the next `watch`.
  const watchlist: Watchlist = {
    ...existing,
    stockCodes: held.filter((code) => !removed.includes(code)),
    updatedAt: now.toISOString(),
  };
  await store.saveWatchlist(watchlist);
  return { watchlist, removed, notWatched: codes.filter((code) => !held.includes(code)), malformed };
}
