/**
 * The watchlist and digest sub-commands of /shares: `watch`, `unwatch`, `watchlist`, `digest [YYYY-MM|on|off]`.
 * The /shares router in slack/ hands these words over here and replies with what comes back, drawn by
 * format/watch-answer.ts.
 */
import {
  DEFAULT_DIGEST_SCHEDULE,
  type DigestSchedule,
  latestDueDigest,
  monthAt,
  nextDueDigest,
} from '../digest/digest-schedule.js';
import { filingDeadline } from '../digest/filing-deadline.js';
import { addMonths } from '../digest/report-months.js';
import { AppError } from '../domain/errors.js';
import { formatMonth } from '../domain/month-names.js';
import type { ReportMonth } from '../domain/monthly-return.js';
import type { WatchQuery } from '../domain/shares-query.js';
import type { Watchlist } from '../domain/stored-return.js';
import type { FilingStore } from '../store/filing-store.js';
import type { WatchAnswer } from '../view-models/watch-answer.js';
import type { NextDigest } from '../view-models/watchlist-change.js';
import { loadDigest } from './digest-content.js';
import { describeWatchedCode, unwatchCodes, watchCodes } from './watchlist-changes.js';

export interface WatchCommandDeps {
  readonly store: FilingStore;
  readonly now: () => Date;
  /** When scheduled digests go out; default 10:00 Asia/Hong_Kong. */
  readonly schedule?: DigestSchedule;
}

export interface WatchCommandInput {
  readonly channelId: string;
  readonly userId: string;
  /** What the words after /shares asked for, read by domain/shares-query.ts. */
  readonly query: WatchQuery;
}

const NOTHING_WATCHED: WatchAnswer = { kind: 'nothing-watched' };

function nextDigestOf(watchlist: Watchlist | null, now: Date, schedule: DigestSchedule): NextDigest | null {
  if (!watchlist?.digestEnabled) return null;
  const { month } = nextDueDigest(now, schedule);
  return { month, deadline: filingDeadline(month), timeOfDay: schedule.timeOfDay, timeZone: schedule.timeZone };
}

async function showWatchlist(deps: WatchCommandDeps, channelId: string, schedule: DigestSchedule) {
  const watchlist = await deps.store.getWatchlist(channelId);
  if (!watchlist || watchlist.stockCodes.length === 0) return NOTHING_WATCHED;
  const entries = await Promise.all(watchlist.stockCodes.map((code) => describeWatchedCode(deps.store, code)));
  return { kind: 'watchlist', entries, next: nextDigestOf(watchlist, deps.now(), schedule) } as const;
}

async function toggleDigest(
  deps: WatchCommandDeps,
  channelId: string,
  on: boolean,
  schedule: DigestSchedule,
): Promise<WatchAnswer> {
  const existing = await deps.store.getWatchlist(channelId);
  if (!existing || existing.stockCodes.length === 0) return NOTHING_WATCHED;
  const now = deps.now();
  const changed = existing.digestEnabled !== on;
  // Turning digests back on starts afresh: a month that fell due while they were off is not sent late.
  const watchlist: Watchlist = changed
    ? {
        ...existing,
        digestEnabled: on,
        updatedAt: now.toISOString(),
        ...(on ? { digestSince: now.toISOString() } : {}),
      }
    : existing;
  if (changed) await deps.store.saveWatchlist(watchlist);
  return { kind: 'digest-toggle', on, changed, next: nextDigestOf(watchlist, now, schedule) };
}

async function digestNow(
  deps: WatchCommandDeps,
  channelId: string,
  asked: ReportMonth | null,
  schedule: DigestSchedule,
): Promise<WatchAnswer> {
  const current = monthAt(deps.now(), schedule.timeZone);
  const month = asked ?? addMonths(current, -1);
  if (month >= current) {
    const latest = formatMonth(addMonths(current, -1));
    throw new AppError(
      'bad-input',
      `${formatMonth(month)} has not ended yet: the latest month to ask for is ${latest}.`,
      {
        month,
      },
    );
  }
  const watchlist = await deps.store.getWatchlist(channelId);
  if (!watchlist || watchlist.stockCodes.length === 0) return NOTHING_WATCHED;
  // A digest on request is not recorded: the scheduled one for the month still goes out after the deadline.
  const digest = await loadDigest(deps.store, watchlist.stockCodes, month);
  const notDueYet = month > latestDueDigest(deps.now(), schedule).month;
  if (notDueYet && digest.moved.length + digest.quiet.length === 0) {
    // Before the deadline with nobody filed: an empty digest for the whole channel would say nothing.
    const next = { month, deadline: filingDeadline(month), timeOfDay: schedule.timeOfDay, timeZone: schedule.timeZone };
    return { kind: 'digest-not-due', due: next };
  }
  return { kind: 'digest', digest };
}

export async function runWatchCommand(deps: WatchCommandDeps, input: WatchCommandInput): Promise<WatchAnswer> {
  const schedule = deps.schedule ?? DEFAULT_DIGEST_SCHEDULE;
  const { query } = input;
  switch (query.kind) {
    case 'watch': {
      const change = await watchCodes(deps.store, input.channelId, query, deps.now(), input.userId);
      return { kind: 'watch-change', change, next: nextDigestOf(change.watchlist, deps.now(), schedule) };
    }
    case 'unwatch':
      return { kind: 'unwatch-change', change: await unwatchCodes(deps.store, input.channelId, query, deps.now()) };
    case 'watchlist':
      return showWatchlist(deps, input.channelId, schedule);
    case 'digest-toggle':
      return toggleDigest(deps, input.channelId, query.on, schedule);
    case 'digest':
      return digestNow(deps, input.channelId, query.month, schedule);
  }
}
