/**
 * One GET to HKEXnews: spaced by the rate limiter, cut off after a time limit, retried a bounded number of times
 * with a growing pause when the site is busy (429), failing (5xx) or unreachable. Redirects are followed only within
 * the site's own origin. Anything that still fails is an AppError('hkexnews-failure') naming HKEXnews.
 */
import { AppError } from '../domain/errors.js';
import { type RateLimiter, sleep } from './rate-limiter.js';

export interface RequestSettings {
  readonly origin: string;
  readonly limiter: RateLimiter;
  /** Time limit for one attempt, headers and body together. */
  readonly timeoutMs: number;
  /** Further attempts after the first. */
  readonly retries: number;
  /** Pause before the first retry; doubled for each further one. */
  readonly backoffMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A response whose body is still to be read, and the signal that cuts the read off at the time limit. */
export interface OpenResponse {
  readonly response: Response;
  readonly url: URL;
}

const MAX_REDIRECTS = 3;
/** The longest Retry-After honoured; a site asking for more is treated as failing. */
const MAX_RETRY_AFTER_MS = 30_000;
const HEADERS = { 'user-agent': 'hkex-shares-bot (monthly returns reader)', accept: '*/*' };

function failure(message: string, url: URL, facts: Record<string, string | number> = {}, cause?: unknown): AppError {
  return new AppError('hkexnews-failure', message, { url: url.href, ...facts }, { cause });
}

function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

function retryAfterMs(response: Response): number | null {
  const value = response.headers.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) ? seconds * 1000 : null;
}

async function fetchWithinOrigin(url: URL, settings: RequestSettings): Promise<OpenResponse> {
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (current.origin !== settings.origin) {
      throw failure(`HKEXnews pointed to another site (${current.host}); only ${settings.origin} is used`, current);
    }
    await settings.limiter.take();
    const response = await fetch(current, {
      headers: HEADERS,
      redirect: 'manual',
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
    await response.body?.cancel();
    current = new URL(location, current);
  }
  throw failure('HKEXnews redirected too many times', url);
}

function describeNetworkError(error: unknown, settings: RequestSettings): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `HKEXnews did not answer within ${(settings.timeoutMs / 1000).toFixed(1)} s`;
  }
  return 'HKEXnews could not be reached';
}

/**
 * Sends the GET and returns the response once it is not a 429/5xx (the caller reads and judges the body; 403, 404
 * and other statuses are the caller's to name). Throws hkexnews-failure when every attempt failed.
 */
export async function requestHkexnews(url: URL, settings: RequestSettings): Promise<OpenResponse> {
  const wait = settings.sleep ?? sleep;
  let lastProblem = 'HKEXnews could not be reached';
  let lastCause: unknown;
  for (let attempt = 0; attempt <= settings.retries; attempt++) {
    let pause = settings.backoffMs * 2 ** attempt;
    try {
      const opened = await fetchWithinOrigin(url, settings);
      if (!isRetryable(opened.response.status)) return opened;
      await opened.response.body?.cancel().catch(() => undefined);
      lastProblem = `HKEXnews answered ${opened.response.status}${opened.response.status === 429 ? ' (too many requests)' : ''}`;
      const asked = retryAfterMs(opened.response);
      if (asked !== null) {
        if (asked > MAX_RETRY_AFTER_MS) break;
        pause = Math.max(pause, asked);
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      lastProblem = describeNetworkError(error, settings);
      lastCause = error;
    }
    if (attempt < settings.retries) await wait(pause);
  }
  const tries = settings.retries + 1;
  throw failure(`${lastProblem} (${tries} ${tries === 1 ? 'try' : 'tries'})`, url, {}, lastCause);
}

/** Reads a body as text within the request's time limit; a cut-off read is an hkexnews-failure. */
export async function readText(opened: OpenResponse, settings: RequestSettings): Promise<string> {
  try {
    return await opened.response.text();
  } catch (error) {
    throw failure(describeNetworkError(error, settings), opened.url, {}, error);
  }
}
