/**
 * The one place that owns time-based work: after each month's filing deadline, post each enabled watchlist's
 * digest exactly once, and catch up on digests missed while the process was down.
 *
 * - One timer, set to the next due time and set again after each run; no polling. Node caps a timeout at about
 *   24.8 days, so a longer wait is cut into steps, each of which only re-arms.
 * - At start-up the latest due month is caught up: every enabled list that had digests on at its due time and has
 *   no record for it gets it now. Older missed months are not sent, so a long outage does not flood a channel with
 *   stale digests (each can still be asked for with `/shares digest YYYY-MM`).
 * - Exactly once per channel and month rests on the store's digest record, claimed before posting: see
 *   digest-sending.ts for which side of the crash window that puts us on, and why.
 * - With HKEXnews on (`fill`), the watched codes' returns are fetched from the site just before the digest, and again
 *   at the same time on each business day of the week after the deadline (a fill asks nothing once every watched code
 *   has filed): the digest then names who has not filed as late, and a late filer is held when it files and told to
 *   each channel whose digest has gone out, in one follow-up (late-filings.ts). A failing site never holds up a
 *   digest: it goes out as it would without HKEXnews.
 */

import {
  assertDigestSchedule,
  type DigestSchedule,
  latestDueDigest,
  localDateOf,
  monthBeingFilled,
  nextBusinessDayAt,
  nextDueDigest,
  nextFillAfter,
} from '../digest/digest-schedule.js';
import { isAppError } from '../domain/errors.js';
import type { ReportMonth } from '../domain/monthly-return.js';
import type { StockCode } from '../domain/stock-code.js';
import type { Watchlist } from '../domain/stored-return.js';
import type { FilingStore } from '../store/filing-store.js';
import { inWorkspace } from '../store/in-workspace.js';
import type { DigestFailure } from '../view-models/digest.js';
import { type DigestPoster, type SendDigestResult, sendDigest } from './digest-sending.js';
import { postLateFilings } from './late-filings.js';
import type { WatchlistFill } from './watchlist-fill.js';

export interface SchedulerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface DigestSchedulerDeps {
  readonly store: FilingStore;
  readonly poster: DigestPoster;
  /** Tells a watchlist's owner, in a DM, that its digest could not be posted and when it is tried again. */
  readonly tellOwner?: (userId: string, failure: DigestFailure) => Promise<void>;
  readonly now: () => Date;
  readonly schedule: DigestSchedule;
  readonly log?: (message: string) => void;
  /** Default: the global setTimeout / clearTimeout. */
  readonly timers?: SchedulerTimers;
  /** After a run in which a digest could not even be prepared (the store failed), try again this much later. */
  readonly retryDelayMs?: number;
  /** Fetches the month's returns of the watched codes from HKEXnews (watchlist-fill.ts); absent when HKEXNEWS=off. */
  readonly fill?: (month: ReportMonth) => Promise<WatchlistFill>;
  /**
   * With the app installed in many workspaces: how a watchlist of workspace `teamId` is posted (with that
   * workspace's token) and its owner told. A watchlist with no team id is posted by `poster`.
   */
  readonly postersOf?: (teamId: string) => Promise<Pick<DigestSchedulerDeps, 'poster' | 'tellOwner'>>;
}

export interface RunningScheduler {
  stop(): void;
  /** Resolves once the run in progress, if any, has finished and the next wake is set. */
  idle(): Promise<void>;
}

/** setTimeout fires at once for delays above 2^31 - 1 ms. */
const MAX_TIMEOUT_MS = 2_147_483_647;
const DEFAULT_RETRY_DELAY_MS = 15 * 60_000;

/**
 * What is owed after a run: a retry soon (the store failed before a digest was claimed), and the earliest time a
 * digest Slack refused is tried again.
 */
interface Retry {
  readonly soon: boolean;
  readonly at: Date | null;
}

const NO_RETRY: Retry = { soon: false, at: null };

type FailedPost = Extract<SendDigestResult, { status: 'post-failed' }>;

/** What a timer is set for: a month's digest, a day's fill (keeping a retry owed), or a retry. */
type Wake =
  | { readonly kind: 'digest'; readonly at: Date }
  | { readonly kind: 'fill'; readonly at: Date; readonly retry: Retry }
  | { readonly kind: 'retry' };

const systemTimers: SchedulerTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A list gets month M's digest if its digests were on at M's due time and it watches something. */
function isDueFor(watchlist: Watchlist, dueAt: Date): boolean {
  if (!watchlist.digestEnabled || watchlist.stockCodes.length === 0) return false;
  return watchlist.digestSince === undefined || Date.parse(watchlist.digestSince) <= dueAt.getTime();
}

export function startDigestScheduler(deps: DigestSchedulerDeps): RunningScheduler {
  assertDigestSchedule(deps.schedule);
  const { store, now, schedule } = deps;
  const timers = deps.timers ?? systemTimers;
  const log = deps.log ?? ((message: string) => console.log(`hkex-shares digest: ${message}`));
  const retryDelayMs = deps.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
  let stopped = false;
  let timer: unknown = null;
  let running: Promise<void> = Promise.resolve();

  /** Fills the watched codes of the month whose week of fills it is; the codes HKEXnews answered for. */
  async function runFill(): Promise<readonly StockCode[]> {
    const month = deps.fill ? monthBeingFilled(now(), schedule) : null;
    if (!deps.fill || month === null) return [];
    try {
      const fill = await deps.fill(month);
      if (fill.checked.length > 0 || fill.problems.length > 0) {
        const found = fill.found.length > 0 ? fill.found.join(', ') : 'none';
        const failed = fill.problems.map((p) => `; ${p.stockCode}: ${p.message}`).join('');
        log(`HKEXnews fill ${month}: asked about ${fill.checked.length} code(s), found ${found}${failed}`);
      }
      const postersOf = deps.postersOf;
      await postLateFilings({ store, poster: deps.poster, log, ...(postersOf ? { postersOf } : {}) }, fill).catch(
        (error: unknown) => {
          log(`follow-ups for ${month}'s late filers failed: ${describe(error)}`);
        },
      );
      return fill.checked;
    } catch (error) {
      log(`HKEXnews fill ${month} failed, digests go out without it: ${describe(error)}`);
      return [];
    }
  }

  /** Sends the latest due month's digest where it is owed; says what is to be tried again, and when. */
  async function runDue(trigger: 'scheduled' | 'catch-up'): Promise<Retry> {
    const checkedOnHkexnews = await runFill();
    const due = latestDueDigest(now(), schedule);
    let soon = false;
    let at: Date | null = null;
    const later = (when: Date) => {
      if (at === null || when < at) at = when;
    };
    for (const watchlist of await store.listWatchlists()) {
      if (stopped) break;
      if (!isDueFor(watchlist, due.at)) continue;
      const teamId = watchlist.teamId ?? null;
      const { poster, tellOwner } = teamId && deps.postersOf ? await deps.postersOf(teamId) : deps;
      const result = await sendDigest(
        {
          store: inWorkspace(store, teamId),
          poster,
          now,
          log,
          retryAt: (failedAt) => nextBusinessDayAt(failedAt, schedule),
        },
        {
          channelId: watchlist.channelId,
          stockCodes: watchlist.stockCodes,
          month: due.month,
          trigger,
          checkedOnHkexnews,
        },
      );
      reportResult(watchlist.channelId, due.month, result);
      if (result.status === 'not-claimed') soon = true;
      if (result.status === 'already-recorded' && result.record.failure) later(new Date(result.record.failure.retryAt));
      if (result.status === 'post-failed') {
        if (result.retryAt) later(result.retryAt);
        if (result.attempts === 1) await tellOwnerOf(watchlist, due.month, result, tellOwner);
      }
    }
    return { soon, at };
  }

  async function tellOwnerOf(
    watchlist: Watchlist,
    month: ReportMonth,
    result: FailedPost,
    tellOwner: DigestSchedulerDeps['tellOwner'],
  ): Promise<void> {
    const userId = watchlist.ownerUserId;
    if (!userId || !tellOwner) return;
    const failure: DigestFailure = {
      channelId: watchlist.channelId,
      month,
      slackError: isAppError(result.error) ? String(result.error.facts.slackError ?? '') || null : null,
      retry: result.retryAt ? { date: localDateOf(result.retryAt, schedule.timeZone), ...schedule } : null,
    };
    try {
      await tellOwner(userId, failure);
      log(`${watchlist.channelId} ${month}: told ${userId} in a DM why the digest was not posted`);
    } catch (error) {
      log(`${watchlist.channelId} ${month}: could not tell ${userId} in a DM: ${describe(error)}`);
    }
  }

  function reportResult(channelId: string, month: ReportMonth, result: SendDigestResult) {
    const what = `${channelId} ${month}`;
    if (result.status === 'sent') log(`${what}: sent (${result.messageTs.length} message(s))`);
    else if (result.status === 'not-claimed') log(`${what}: not prepared, will retry: ${describe(result.error)}`);
    else if (result.status === 'post-failed') {
      const again = result.retryAt ? `tried again at ${result.retryAt.toISOString()}` : 'not retried';
      log(
        `${what}: posting failed after ${result.messageTs.length} message(s) (attempt ${result.attempts}), ${again}: ${describe(result.error)}`,
      );
    } else if (result.record.messageTs.length === 0) {
      // Claimed at some earlier time and never completed: the process stopped while posting.
      log(`${what}: claimed at ${result.record.sentAt} but never confirmed; not posted again`);
    }
  }

  function arm(retry: Retry) {
    if (stopped) return;
    const at = now();
    const next = nextDueDigest(at, schedule);
    const fill = deps.fill ? nextFillAfter(at, schedule) : null;
    const fillFirst = fill !== null && fill.at.getTime() < next.at.getTime();
    const untilDue = (fillFirst ? fill.at : next.at).getTime() - at.getTime();
    const untilRetry = Math.min(
      retry.soon ? retryDelayMs : Number.POSITIVE_INFINITY,
      retry.at ? retry.at.getTime() - at.getTime() : Number.POSITIVE_INFINITY,
    );
    const retryFirst = untilRetry < untilDue;
    const delay = Math.min(retryFirst ? untilRetry : untilDue, MAX_TIMEOUT_MS);
    const wakeFor: Wake = retryFirst
      ? { kind: 'retry' }
      : fillFirst
        ? { kind: 'fill', at: fill.at, retry }
        : { kind: 'digest', at: next.at };
    timer = timers.setTimeout(() => wake(wakeFor), Math.max(0, delay));
  }

  function wake(target: Wake) {
    timer = null;
    if (stopped) return;
    if (target.kind !== 'retry' && now().getTime() < target.at.getTime()) {
      // A step of a wait longer than a timeout can be, or a timer that fired early: nothing is due yet.
      running = Promise.resolve().then(() => arm(target.kind === 'fill' ? target.retry : NO_RETRY));
      return;
    }
    if (target.kind === 'fill') {
      running = runFill().then(() => arm(target.retry));
      return;
    }
    start(target.kind === 'retry' ? 'catch-up' : 'scheduled');
  }

  function start(trigger: 'scheduled' | 'catch-up') {
    running = runDue(trigger)
      .catch((error: unknown) => {
        log(`run failed, will retry: ${describe(error)}`);
        return { soon: true, at: null };
      })
      .then((retry) => arm(retry));
  }

  start('catch-up');

  return {
    stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
    idle() {
      return running;
    },
  };
}
