/**
 * Adding to and removing from a channel's watchlist. A code the store holds nothing for may be watched (its first
 * return may simply not have been read yet); a word that is not a stock code is refused and named back.
 */
import { AppError } from '../domain/errors.js';
import { normaliseStockCode, type StockCode } from '../domain/stock-code.js';
import type { Watchlist } from '../domain/stored-return.js';
import type { FilingStore } from '../store/filing-store.js';
import {
  MAX_WATCHED_CODES,
  type UnwatchChange,
  type WatchChange,
  type WatchedCode,
} from '../view-models/watchlist-change.js';

export interface ParsedCodes {
  readonly codes: readonly StockCode[];
  /** Words that are not stock codes, as typed. */
  readonly malformed: readonly string[];
}

/** "00020 700, 5.HK" -> 00020, 00700, 00005; duplicates once, in the order typed. */
export function parseStockCodes(words: readonly string[]): ParsedCodes {
  const codes: StockCode[] = [];
  const malformed: string[] = [];
  for (const word of words
    .join(' ')
    .split(/[\s,;]+/)
    .filter(Boolean)) {
    const code = normaliseStockCode(word.replace(/\.hk$/i, ''));
    if (code === null) malformed.push(word);
    else if (!codes.includes(code)) codes.push(code);
  }
  return { codes, malformed };
}

export async function describeWatchedCode(store: FilingStore, stockCode: StockCode): Promise<WatchedCode> {
  const latest = await store.latest(stockCode);
  return {
    stockCode,
    issuerName: latest?.monthlyReturn.issuerName ?? null,
    latestMonth: latest?.reportMonth ?? null,
  };
}

function usage(command: 'watch' | 'unwatch', malformed: readonly string[]): AppError {
  const example = `\`/shares ${command} 00020 00700\``;
  if (malformed.length === 0) return new AppError('bad-input', `Name the stock codes, for example ${example}.`);
  const words = malformed.map((word) => `"${word}"`).join(', ');
  return new AppError(
    'bad-input',
    `${words} ${malformed.length === 1 ? 'is not a stock code' : 'are not stock codes'}: HKEX codes have one to five digits, such as 00020 or 700. Try ${example}.`,
    { words: malformed.join(' ') },
  );
}

export async function watchCodes(
  store: FilingStore,
  channelId: string,
  words: readonly string[],
  now: Date,
): Promise<WatchChange> {
  const { codes, malformed } = parseStockCodes(words);
  if (codes.length === 0) throw usage('watch', malformed);
  const existing = await store.getWatchlist(channelId);
  const held = existing?.stockCodes ?? [];
  const alreadyWatched = codes.filter((code) => held.includes(code));
  const fresh = codes.filter((code) => !held.includes(code));
  const room = Math.max(0, MAX_WATCHED_CODES - held.length);
  const accepted = fresh.slice(0, room);
  const stamp = now.toISOString();
  const stockCodes = [...held, ...accepted].sort();
  const watchlist: Watchlist = existing
    ? { ...existing, stockCodes, updatedAt: stamp }
    : { channelId, stockCodes, digestEnabled: true, updatedAt: stamp, digestSince: stamp };
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
  words: readonly string[],
  now: Date,
): Promise<UnwatchChange> {
  const { codes, malformed } = parseStockCodes(words);
  if (codes.length === 0) throw usage('unwatch', malformed);
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
