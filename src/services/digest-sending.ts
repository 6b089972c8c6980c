/**
 * Posts one channel's digest for one month, at most once.
 *
 * The record is written BEFORE the first message is posted (a claim, with no message ts) and completed after
 * (with the ts of every message posted). Whatever happens between the two - the process killed, Slack refusing the
 * post - the claim stays, and the digest is not posted again: a digest can be missing, never doubled. We chose this
 * side of the crash window because a repeated digest cannot be unsent, and a store that fails to record after a
 * successful post would otherwise repeat it on every start-up; a missing one is logged with the channel and month,
 * and the channel can still ask for it with `/shares digest YYYY-MM`. Slack's own transient failures (429, 5xx)
 * are retried inside the Web API client before the post counts as failed.
 *
 * A post Slack refused before any message reached the channel (the bot was never invited, say) has posted nothing
 * that a second try could double: given `retryAt`, the record says so (`failure`) and the digest is tried again
 * from then on, the next business day, each failure counted.
 */
import { viewerIn } from '../domain/audience.js';
import type { ReportMonth } from '../domain/monthly-return.js';
import type { StockCode } from '../domain/stock-code.js';
import type { DigestRecord } from '../domain/stored-return.js';
import type { FilingStore } from '../store/filing-store.js';
import { seenBy } from '../store/seen-by.js';
import type { Digest, LateFiling } from '../view-models/digest.js';
import { loadDigest } from './digest-content.js';

/** How a digest reaches a channel: drawn as messages (format/digest.ts in the app), each posted in turn. */
export interface DigestPoster<Message = unknown> {
  /** The digest as the messages to post, in order. */
  render(digest: Digest): readonly Message[];
  /** The follow-up for a company found after the digest went out (late-filings.ts). */
  renderLateFiling(filing: LateFiling): Message;
  /** Posts one message to a channel and returns its ts. */
  postMessage(channelId: string, message: Message): Promise<{ ts: string }>;
}

export interface SendDigestDeps {
  readonly store: FilingStore;
  readonly poster: DigestPoster;
  readonly now: () => Date;
  readonly log?: (message: string) => void;
  /** When a digest Slack refused before posting anything is tried again; never, without it. */
  readonly retryAt?: (failedAt: Date) => Date;
}

export interface SendDigestInput {
  readonly channelId: string;
  readonly stockCodes: readonly StockCode[];
  readonly month: ReportMonth;
  readonly trigger: DigestRecord['trigger'];
  /** Codes HKEXnews was just asked about (watchlist-fill.ts): those still without a return are named as late. */
  readonly checkedOnHkexnews?: readonly StockCode[];
}

export type SendDigestResult =
  | { readonly status: 'sent'; readonly messageTs: readonly string[] }
  /** A record for the channel and month exists: sent before, or claimed by a post that did not complete. */
  | { readonly status: 'already-recorded'; readonly record: DigestRecord }
  /** Reading or rendering failed before anything was claimed: safe to try again. */
  | { readonly status: 'not-claimed'; readonly error: unknown }
  /**
   * Posting failed after the claim. `messageTs` holds what was posted before the failure; `retryAt` is when it is
   * tried again (null: never, as a message had reached the channel); `attempts` counts the failures so far.
   */
  | {
      readonly status: 'post-failed';
      readonly error: unknown;
      readonly messageTs: readonly string[];
      readonly retryAt: Date | null;
      readonly attempts: number;
    };

/** A record of a refused digest whose time to try again has come. */
export function isRetryDue(record: DigestRecord, now: Date): boolean {
  return record.failure !== undefined && Date.parse(record.failure.retryAt) <= now.getTime();
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function sendDigest(deps: SendDigestDeps, input: SendDigestInput): Promise<SendDigestResult> {
  const { store, poster, now } = deps;
  let messages: readonly unknown[];
  let attempts = 0;
  try {
    const existing = await store.findDigestRecord(input.channelId, input.month);
    if (existing && !isRetryDue(existing, now())) return { status: 'already-recorded', record: existing };
    attempts = existing?.failure?.attempts ?? 0;
    // The channel's digest shows what the channel may see: a return read in another private conversation is not held.
    const seen = seenBy(store, viewerIn(input.channelId));
    messages = poster.render(await loadDigest(seen, input.stockCodes, input.month, input.checkedOnHkexnews));
    if (existing) {
      // A refused digest whose retry is due: its failure record becomes a fresh claim. (Two bots on one database
      // may both retry it in the same minute; nothing reached the channel before, so at worst it is posted twice.)
      await store.recordDigest(claim(input, now()));
    } else {
      // The claim is one step in the store, so of two processes sending at once (two bots on one database) one posts.
      const claimedBefore = await store.claimDigest(claim(input, now()));
      if (claimedBefore) return { status: 'already-recorded', record: claimedBefore };
    }
  } catch (error) {
    return { status: 'not-claimed', error };
  }

  const messageTs: string[] = [];
  let failure: unknown = null;
  for (const message of messages) {
    try {
      messageTs.push((await poster.postMessage(input.channelId, message)).ts);
    } catch (error) {
      failure = error;
      break;
    }
  }
  if (messageTs.length > 0) {
    // The claim already stops a repeat; a failure here only loses the ts, so it must not turn a post into a failure.
    await store
      .recordDigest({
        channelId: input.channelId,
        reportMonth: input.month,
        sentAt: now().toISOString(),
        messageTs,
        trigger: input.trigger,
      })
      .catch((error: unknown) => {
        deps.log?.(
          `digest ${input.channelId} ${input.month}: posted, but its message ts were not recorded: ${reasonOf(error)}`,
        );
      });
  }
  if (failure === null) return { status: 'sent', messageTs };
  const failedAt = now();
  const retryAt = messageTs.length === 0 && deps.retryAt ? deps.retryAt(failedAt) : null;
  if (retryAt) {
    // Nothing reached the channel: the claim becomes a failure to try again, so a restart still posts nothing twice.
    const failureRecord = {
      reason: reasonOf(failure),
      failedAt: failedAt.toISOString(),
      retryAt: retryAt.toISOString(),
      attempts: attempts + 1,
    };
    try {
      await store.recordDigest({ ...claim(input, failedAt), failure: failureRecord });
    } catch (error) {
      deps.log?.(`digest ${input.channelId} ${input.month}: its failure was not recorded: ${reasonOf(error)}`);
      return { status: 'post-failed', error: failure, messageTs, retryAt: null, attempts: attempts + 1 };
    }
  }
  return { status: 'post-failed', error: failure, messageTs, retryAt, attempts: attempts + 1 };
}

function claim(input: SendDigestInput, at: Date): DigestRecord {
  return {
    channelId: input.channelId,
    reportMonth: input.month,
    sentAt: at.toISOString(),
    messageTs: [],
    trigger: input.trigger,
  };
}
