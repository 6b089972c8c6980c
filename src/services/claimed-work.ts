/**
 * HKEXnews work done once across the processes on one store (store/fetch-claims.ts): the first to claim a key
 * does the work, renewing its claim while it runs; the others wait for it to end. A document's claim keeps no
 * result: once it is released, the next in line claims it and finds the return stored (its work checks first).
 * A shared result (a month's fill) is kept with the claim and taken by the others, while it still answers for them.
 * Finished claims of a kind are forgotten a day after, where claims of that kind are taken (pruneFinished).
 */
import type { FetchClaims } from '../store/fetch-claims.js';

/** How long a claim holds without renewal: a holder that died delays the others by at most this. */
export const CLAIM_LEASE_MS = 60_000;
/** A holder renews its claim this often while it works. */
const RENEW_EVERY_MS = CLAIM_LEASE_MS / 3;
/** How often a process waiting for another's claim asks again. */
const POLL_MS = 250;

export interface SharedResult<T> {
  /** The result as kept with the claim (JSON), for the others. */
  toRecord(result: T): unknown;
  /**
   * A result another process kept, when it answers for this one; null when this one must do the work itself.
   * `waited`: this caller found the work under way and waited for it to end, rather than finding it done.
   */
  fromRecord(record: unknown, waited: boolean): T | null;
}

export interface ClaimTiming {
  readonly leaseMs: number;
  readonly renewEveryMs: number;
  readonly pollMs: number;
}

/**
 * How long a finished claim is kept. What its result answers for lasts minutes: a month's fill answers for 10
 * minutes, an unfurl guards against Slack's redeliveries of its link_shared event (three retries, over about five
 * minutes), a listing is for those who waited for its search. A day is far past each (an hour-long outage of the
 * store included) and keeps the table to about one day's work; a follow-up's claim, which is the record that it
 * was posted, is taken outside runClaimed and never forgotten.
 */
export const FINISHED_CLAIM_KEPT_MS = 86_400_000;
/** A process forgets the old claims of a kind at most this often: the first claim of the kind in each hour. */
const PRUNE_EVERY_MS = 3_600_000;
/** When this process last pruned each kind of claim, by store. */
const lastPruned = new WeakMap<FetchClaims, Map<string, number>>();

/**
 * Forgets the claims of `key`'s kind (its first word) that finished a day ago or more, once an hour at most; a
 * failure costs only a row kept longer, never the work.
 */
async function pruneFinished(claims: FetchClaims, key: string): Promise<void> {
  const kind = key.split(' ')[0] ?? key;
  const pruned = lastPruned.get(claims) ?? new Map<string, number>();
  lastPruned.set(claims, pruned);
  const at = Date.now();
  if (at - (pruned.get(kind) ?? Number.NEGATIVE_INFINITY) < PRUNE_EVERY_MS) return;
  pruned.set(kind, at);
  await claims.prune(kind, FINISHED_CLAIM_KEPT_MS).catch(() => 0);
}

const DEFAULT_TIMING: ClaimTiming = { leaseMs: CLAIM_LEASE_MS, renewEveryMs: RENEW_EVERY_MS, pollMs: POLL_MS };

/** Runs `work` under the claim of `key`, or waits for whoever holds it and then takes its turn or its result. */
export async function runClaimed<T>(
  claims: FetchClaims,
  key: string,
  work: () => Promise<T>,
  shared?: SharedResult<T>,
  timing: ClaimTiming = DEFAULT_TIMING,
): Promise<T> {
  await pruneFinished(claims, key);
  let replaceDone = false;
  let waited = false;
  for (;;) {
    const claim = await claims.claim(key, timing.leaseMs, { replaceDone });
    if (claim.outcome === 'claimed') return holding(claims, key, claim.token, work, shared, timing);
    if (claim.outcome === 'done') {
      const kept = shared?.fromRecord(claim.result, waited) ?? null;
      if (kept !== null) return kept;
      replaceDone = true;
      continue;
    }
    waited = true;
    await new Promise((resolve) => setTimeout(resolve, timing.pollMs));
  }
}

async function holding<T>(
  claims: FetchClaims,
  key: string,
  token: string,
  work: () => Promise<T>,
  shared: SharedResult<T> | undefined,
  timing: ClaimTiming,
): Promise<T> {
  // A renewal that fails (the store unreachable for a moment) costs at worst a second download, never an answer.
  const renewal = setInterval(() => {
    claims.renew(key, token, timing.leaseMs).catch(() => undefined);
  }, timing.renewEveryMs);
  renewal.unref();
  let result: T;
  try {
    result = await work();
  } catch (error) {
    clearInterval(renewal);
    await claims.finish(key, token, null).catch(() => undefined);
    throw error;
  }
  clearInterval(renewal);
  // Not finished (the store failed): the claim runs out with its lease, and the work done stands.
  await claims.finish(key, token, shared ? shared.toRecord(result) : null).catch(() => undefined);
  return result;
}
