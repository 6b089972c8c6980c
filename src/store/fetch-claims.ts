/**
 * Claims on HKEXnews work (a document to download, a month's watchlist fill), so that two processes on one store
 * (two bots, or a bot and `hkex-shares fetch`) do it once: the first claim wins, the other waits for it to end and
 * then finds the return stored, or the result the holder kept. A claim is held for a lease, which its holder renews
 * while it works: a holder that died leaves a claim that runs out, and the next to ask takes it over.
 *
 * The PostgreSQL store keeps its claims in a table (postgres-fetch-claims.ts); the lowdb store, which one process
 * owns, and the in-memory store keep them in memory (createLocalFetchClaims), where they stop two requests of the
 * same process fetching one document twice. The follow-up to a late filer is claimed here too
 * (services/late-filings.ts): a claim finished with a result is not taken again unless that result is replaced;
 * `kept` reads such a result (a follow-up Slack refused, to be tried again) without claiming anything.
 */
import { randomBytes } from 'node:crypto';

export type FetchClaimOutcome =
  /** This caller does the work: nobody held the key, or the holder's lease had run out. */
  | { readonly outcome: 'claimed'; readonly token: string }
  /** Another holder's lease still runs: ask again later. */
  | { readonly outcome: 'in-hand' }
  /** The work was done and its result kept (see FetchClaims.finish). */
  | { readonly outcome: 'done'; readonly result: unknown };

export interface FetchClaims {
  /**
   * Claims `key` for `leaseMs`. A key whose work was done answers 'done' with the result kept, unless
   * `replaceDone` (that result no longer answers for the caller), when it is claimed again.
   */
  claim(key: string, leaseMs: number, options?: { readonly replaceDone?: boolean }): Promise<FetchClaimOutcome>;
  /** Extends the lease of a claim this caller holds; false when it is no longer its own (taken over). */
  renew(key: string, token: string, leaseMs: number): Promise<boolean>;
  /**
   * Ends a claim this caller holds: with a result (JSON), kept for those who ask next; with null, forgotten, so
   * that the next claim wins at once (a document's work leaves its outcome in the store itself).
   */
  finish(key: string, token: string, result: unknown): Promise<void>;
  /** The result a finished claim keeps, without claiming anything; null when none is kept (absent or in hand). */
  kept(key: string): Promise<unknown>;
  /**
   * Forgets the finished claims of one kind (the keys that begin with `kind` and a space) that finished `maxAgeMs`
   * or longer ago, and answers how many. A claim in hand, its lease running or not, is never touched.
   */
  prune(kind: string, maxAgeMs: number): Promise<number>;
}

export function newClaimToken(): string {
  return `${process.pid} ${randomBytes(12).toString('hex')}`;
}

interface LocalClaim {
  readonly token: string;
  leaseUntil: number;
  done: boolean;
  /** When it was finished with its result (epoch ms); 0 while in hand. */
  doneAt: number;
  result: unknown;
}

/** Claims held in this process's memory, for a store only this process uses. */
export function createLocalFetchClaims(now: () => Date = () => new Date()): FetchClaims {
  const claims = new Map<string, LocalClaim>();
  const heldBy = (key: string, token: string) => {
    const held = claims.get(key);
    return held?.token === token ? held : null;
  };
  return {
    async claim(key, leaseMs, options = {}) {
      const held = claims.get(key);
      const at = now().getTime();
      if (held?.done && !options.replaceDone) return { outcome: 'done', result: structuredClone(held.result) };
      if (held && !held.done && held.leaseUntil > at) return { outcome: 'in-hand' };
      const token = newClaimToken();
      claims.set(key, { token, leaseUntil: at + leaseMs, done: false, doneAt: 0, result: null });
      return { outcome: 'claimed', token };
    },
    async renew(key, token, leaseMs) {
      const held = heldBy(key, token);
      if (!held || held.done) return false;
      held.leaseUntil = now().getTime() + leaseMs;
      return true;
    },
    async finish(key, token, result) {
      const held = heldBy(key, token);
      if (!held) return;
      if (result === null) claims.delete(key);
      else {
        const doneAt = now().getTime();
        claims.set(key, { token, leaseUntil: 0, done: true, doneAt, result: structuredClone(result) });
      }
    },
    async kept(key) {
      const held = claims.get(key);
      return held?.done ? structuredClone(held.result) : null;
    },
    async prune(kind, maxAgeMs) {
      const before = now().getTime() - maxAgeMs;
      let forgotten = 0;
      for (const [key, held] of claims) {
        if (!held.done || held.doneAt > before || !key.startsWith(`${kind} `)) continue;
        claims.delete(key);
        forgotten++;
      }
      return forgotten;
    },
  };
}
