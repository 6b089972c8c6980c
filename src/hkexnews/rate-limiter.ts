/**
 * Spacing of requests to HKEXnews: at most `perSecond` requests start in any second, from the whole process. Every
 * client shares the process's limiter unless given its own, so that a backfill, a watchlist fill and an on-demand
 * look-up running at once still ask the site politely.
 */
export interface RateLimiter {
  /** Resolves when the caller may send its next request. */
  take(): Promise<void>;
}

export interface RateLimiterOptions {
  readonly perSecond: number;
  /** Monotonic clock in ms. */
  readonly clock?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const interval = 1000 / options.perSecond;
  const clock = options.clock ?? (() => performance.now());
  const wait = options.sleep ?? sleep;
  let nextSlot = Number.NEGATIVE_INFINITY;
  return {
    async take() {
      const now = clock();
      const slot = Math.max(now, nextSlot);
      nextSlot = slot + interval;
      if (slot > now) await wait(slot - now);
    },
  };
}

/** Two requests a second: what the client promises the site, whatever the caller. */
export const HKEXNEWS_REQUESTS_PER_SECOND = 2;

export const processRateLimiter: RateLimiter = createRateLimiter({ perSecond: HKEXNEWS_REQUESTS_PER_SECOND });
