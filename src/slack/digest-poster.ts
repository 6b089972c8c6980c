/** The scheduler's way of posting a digest: drawn by format/digest.ts, posted with chat.postMessage through the app's Web API client. */

import { AppError } from '../domain/errors.js';
import { renderDigest } from '../format/digest.js';
import type { SlackMessage } from '../format/message.js';
import type { DigestPoster } from '../services/digest-sending.js';
import type { App } from './bolt.js';
import { toPayload } from './log-error.js';

export function createDigestPoster(client: App['client']): DigestPoster<SlackMessage> {
  return {
    render: (digest) => renderDigest(digest),
    async postMessage(channelId, message) {
      try {
        const result = await client.chat.postMessage({ channel: channelId, ...toPayload(message) });
        if (!result.ts) throw new Error('Slack returned no message timestamp');
        return { ts: result.ts };
      } catch (error) {
        throw new AppError('slack-failure', `could not post to ${channelId}`, { channelId }, { cause: error });
      }
    },
  };
}
