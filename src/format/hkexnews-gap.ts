/**
 * A history answered from what is held when HKEXnews could not fill in the months missing from it: the answer still
 * comes, once, with what went wrong said above it.
 */
import type { AppError } from '../domain/errors.js';
import { context, escapeMrkdwn, fitBlocks } from './blocks.js';
import type { SlackMessage } from './message.js';

export function withHkexnewsGap(message: SlackMessage, error: AppError): SlackMessage {
  const note = `:warning: HKEXnews could not fill in the missing months: ${escapeMrkdwn(error.message)}. Below is what is held; nothing was stored, please try again later.`;
  return {
    text: `HKEXnews could not fill in the missing months. ${message.text}`,
    blocks: fitBlocks([context(note), ...message.blocks]),
  };
}
