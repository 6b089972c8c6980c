/** The scheduler's way of posting a digest: chat.postMessage through the app's Web API client. */

import type { DigestPoster } from '../digest/scheduler.js';
import { AppError } from '../domain/errors.js';
import type { App } from './bolt.js';
import { toPayload } from './log-error.js';

export function createDigestPoster(client: App['client']): DigestPoster {
  return {
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
