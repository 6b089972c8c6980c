/**
 * The one place that owns time-based work: after each month's filing deadline, post each enabled watchlist's
 * digest exactly once, and catch up on digests missed while the process was down.
 */
import type { SlackMessage } from '../format/message.js';
import type { FilingStore } from '../store/filing-store.js';

export interface DigestPoster {
  /** Posts one message to a channel and returns its ts. */
  postMessage(channelId: string, message: SlackMessage): Promise<{ ts: string }>;
}

export interface DigestSchedule {
  /** Local time of day in `timeZone`, "HH:mm"; default "10:00". */
  readonly timeOfDay: string;
  /** Default "Asia/Hong_Kong". */
  readonly timeZone: string;
}

export interface DigestSchedulerDeps {
  readonly store: FilingStore;
  readonly poster: DigestPoster;
  readonly now: () => Date;
  readonly schedule: DigestSchedule;
  readonly log?: (message: string) => void;
}

export interface RunningScheduler {
  stop(): void;
}

export function startDigestScheduler(_deps: DigestSchedulerDeps): RunningScheduler {
  return { stop() {} };
}
