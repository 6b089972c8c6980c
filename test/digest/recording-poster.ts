/** A DigestPoster that keeps what was posted, and can be told to fail. */
import { AppError } from '../../src/domain/errors.js';
import { renderDigest } from '../../src/format/digest.js';
import { renderLateFiling } from '../../src/format/late-filing.js';
import type { SlackMessage } from '../../src/format/message.js';
import type { DigestPoster } from '../../src/services/digest-sending.js';

export interface RecordedPost {
  readonly channelId: string;
  readonly message: SlackMessage;
  readonly ts: string;
}

export interface RecordingPoster extends DigestPoster<SlackMessage> {
  readonly posts: RecordedPost[];
  /** The next `times` posts fail as Slack would for a channel the bot is not in. */
  failNext(times?: number): void;
}

export function createRecordingPoster(): RecordingPoster {
  const posts: RecordedPost[] = [];
  let failures = 0;
  return {
    posts,
    render: (digest) => renderDigest(digest),
    renderLateFiling: (filing) => renderLateFiling(filing),
    failNext(times = 1) {
      failures += times;
    },
    async postMessage(channelId, message) {
      if (failures > 0) {
        failures -= 1;
        throw new AppError('slack-failure', 'Slack refused chat.postMessage: not_in_channel', { channelId });
      }
      const ts = `1700000000.${String(posts.length + 1).padStart(6, '0')}`;
      posts.push({ channelId, message, ts });
      return { ts };
    },
  };
}
