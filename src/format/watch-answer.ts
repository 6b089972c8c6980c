/** Which renderer draws which answer to a watchlist sub-command of /shares, and who sees it. */

import type { WatchAnswer } from '../view-models/watch-answer.js';
import { SLACK_LIMITS } from './blocks.js';
import { renderDigest } from './digest.js';
import {
  renderCannotPost,
  renderDigestNotDue,
  renderDigestToggle,
  renderNothingWatched,
  renderUnwatchChange,
  renderWatchChange,
  renderWatchlist,
} from './digest-watchlist.js';
import type { SlackMessage } from './message.js';

export interface WatchCommandReply {
  readonly message: SlackMessage;
  /** A long digest's further messages, to post after `message`, in order. */
  readonly continued: readonly SlackMessage[];
  /** 'in_channel' when the answer is for the whole channel (a digest on request), else 'ephemeral'. */
  readonly responseType: 'ephemeral' | 'in_channel';
}

const ephemeral = (message: SlackMessage): WatchCommandReply => ({ message, continued: [], responseType: 'ephemeral' });

export function renderWatchAnswer(answer: WatchAnswer): WatchCommandReply {
  switch (answer.kind) {
    case 'watch-change':
      return ephemeral(renderWatchChange(answer.change, answer.next));
    case 'unwatch-change':
      return ephemeral(renderUnwatchChange(answer.change));
    case 'watchlist':
      return ephemeral(renderWatchlist(answer.entries, answer.next));
    case 'nothing-watched':
      return ephemeral(renderNothingWatched());
    case 'digest-toggle':
      return ephemeral(renderDigestToggle(answer.on, answer.changed, answer.next));
    case 'digest-not-due':
      return ephemeral(renderDigestNotDue(answer.due));
    case 'cannot-post':
      return ephemeral(renderCannotPost(answer.conversation));
    case 'digest': {
      // The same renderer as the scheduled digest: every watched company named, over as many messages as it takes.
      const [message, ...continued] = renderDigest(answer.digest, { maxMessages: SLACK_LIMITS.responseUrlPosts });
      return { message: message ?? renderNothingWatched(), continued, responseType: 'in_channel' };
    }
  }
}
