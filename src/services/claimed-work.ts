/**
 * HKEXnews work done once across the processes on one store (store/fetch-claims.ts): the first to claim a key
 * does the work, renewing its claim while it runs; the others wait for it to end. A document's claim keeps no
 * result: once it is released, the next in line claims it and finds the return stored (its work checks first).
 * A shared result (a month's fill) is kept with the claim and taken by the others, while it still answers for them.
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
  /** A result another process kept, when it answers for this one; null when this one must do the work itself. */
  fromRecord(record: unknown): T | null;
}

export interface ClaimTiming {
  readonly leaseMs: number;
  readonly renewEveryMs: number;
  readonly pollMs: number;
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
  let replaceDone = false;
  for (;;) {
    const claim = await claims.claim(key, timing.leaseMs, { replaceDone });
    if (claim.outcome === 'claimed') return holding(claims, key, claim.token, work, shared, timing);
    if (claim.outcome === 'done') {
      const kept = shared?.fromRecord(claim.result) ?? null;
      if (kept !== null) return kept;
      replaceDone = true;
      continue;
    }
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
