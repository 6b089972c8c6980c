/**
 * The watchlist and digest sub-commands of /shares: `watch`, `unwatch`, `watchlist`, `digest [YYYY-MM|on|off]`.
 * The /shares router in slack/ hands these words over here and replies with what comes back.
 */
import type { SlackMessage } from '../format/message.js';
import type { FilingStore } from '../store/filing-store.js';

export const WATCH_SUBCOMMANDS = ['watch', 'unwatch', 'watchlist', 'digest'] as const;

export interface WatchCommandDeps {
  readonly store: FilingStore;
  readonly now: () => Date;
}

export interface WatchCommandInput {
  readonly channelId: string;
  readonly userId: string;
  /** The words after /shares, the sub-command first: ["watch", "00020", "700"]. */
  readonly args: readonly string[];
}

export interface WatchCommandReply {
  readonly message: SlackMessage;
  /** 'in_channel' when the answer is for the whole channel (a digest on request), else 'ephemeral'. */
  readonly responseType: 'ephemeral' | 'in_channel';
}

export async function runWatchCommand(_deps: WatchCommandDeps, input: WatchCommandInput): Promise<WatchCommandReply> {
  const text = `/shares ${input.args.join(' ')} is not available yet.`;
  return { message: { text, blocks: [] }, responseType: 'ephemeral' };
}
