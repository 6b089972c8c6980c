/**
 * The scheduler's way of posting a digest: drawn by format/digest.ts, posted with chat.postMessage through the app's
 * Web API client; and of telling a watchlist's owner in a DM that it could not be (conversations.open, im:write).
 */

import { AppError } from '../domain/errors.js';
import { renderDigest } from '../format/digest.js';
import { renderDigestFailure } from '../format/digest-watchlist.js';
import { renderLateFiling } from '../format/late-filing.js';
import type { SlackMessage } from '../format/message.js';
import type { DigestPoster } from '../services/digest-sending.js';
import type { DigestFailure } from '../view-models/digest.js';
import type { App } from './bolt.js';
import { toPayload } from './log-error.js';

export function createDigestPoster(client: App['client']): DigestPoster<SlackMessage> {
  return {
    render: (digest) => renderDigest(digest),
    renderLateFiling: (filing) => renderLateFiling(filing),
    async postMessage(channelId, message) {
      try {
        const result = await client.chat.postMessage({ channel: channelId, ...toPayload(message) });
        if (!result.ts) throw new Error('Slack returned no message timestamp');
        return { ts: result.ts };
      } catch (error) {
        const slackError = (error as { data?: { error?: string } }).data?.error ?? null;
        throw new AppError(
          'slack-failure',
          `could not post to ${channelId}${slackError ? ` (${slackError})` : ''}`,
          { channelId, slackError },
          { cause: error },
        );
      }
    },
  };
}

/** Sends a watchlist's owner, in the bot's DM with them, why its digest was not posted. */
export function createOwnerTeller(client: App['client']): (userId: string, failure: DigestFailure) => Promise<void> {
  return async (userId, failure) => {
    const opened = await client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (!channel) throw new AppError('slack-failure', `Slack opened no DM with ${userId}`, { userId });
    await client.chat.postMessage({ channel, ...toPayload(renderDigestFailure(failure)) });
  };
}
