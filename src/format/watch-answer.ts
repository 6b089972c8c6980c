/** Which renderer draws which answer to a watchlist sub-command of /shares, and who sees it. */
import type { WatchAnswer } from '../view-models/watch-answer.js';
import { renderDigest } from './digest.js';
import {
  renderDigestToggle,
  renderNothingWatched,
  renderUnwatchChange,
  renderWatchChange,
  renderWatchlist,
} from './digest-watchlist.js';
import type { SlackMessage } from './message.js';

export interface WatchCommandReply {
  readonly message: SlackMessage;
  /** 'in_channel' when the answer is for the whole channel (a digest on request), else 'ephemeral'. */
  readonly responseType: 'ephemeral' | 'in_channel';
}

const ephemeral = (message: SlackMessage): WatchCommandReply => ({ message, responseType: 'ephemeral' });

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
    case 'digest': {
      // A digest on request is one message: the channel asked for it once, and a thread of parts would be noise.
      const [message] = renderDigest(answer.digest, { maxMessages: 1 });
      return { message: message ?? renderNothingWatched(), responseType: 'in_channel' };
    }
  }
}
