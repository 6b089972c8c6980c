/**
 * Errors on their way to a user: the log gets the details (and the stack, for anything unexpected), the user gets
 * `describeError`'s sentence.
 */
import { setImmediate } from 'node:timers/promises';
import { describeError, isExpectedError } from '../format/describe-error.js';
import type { SlackMessage } from '../format/message.js';
import type { Logger } from './bolt.js';

export function describeAndLog(error: unknown, logger: Logger, doing: string): SlackMessage {
  if (isExpectedError(error)) {
    logger.info(`${doing}: ${error instanceof Error ? error.message : String(error)}`);
  } else {
    logger.error(`${doing} failed`, error);
  }
  return describeError(error);
}

/** Slack refuses an empty `blocks` array in some methods: leave it out when a message has none. */
export function toPayload(message: SlackMessage): { text: string; blocks?: SlackMessage['blocks'] } {
  return message.blocks.length > 0 ? { text: message.text, blocks: message.blocks } : { text: message.text };
}

type Respond = (message: {
  response_type: 'ephemeral';
  replace_original: false;
  text: string;
  blocks?: SlackMessage['blocks'];
}) => Promise<unknown>;

/**
 * Runs `work` (after the ack); if it throws, the user gets an ephemeral sentence saying what went wrong, never
 * silence. It first lets the event loop take requests already waiting, so that a burst of commands is acknowledged
 * before any of them is answered: Slack gives up on an ack after 3 seconds, on an answer after 30 minutes.
 */
export async function answerOrExplain(respond: Respond, logger: Logger, doing: string, work: () => Promise<void>) {
  await setImmediate();
  try {
    await work();
  } catch (error) {
    const message = describeAndLog(error, logger, doing);
    await respond({ response_type: 'ephemeral', replace_original: false, ...toPayload(message) }).catch((e) =>
      logger.error(`could not answer ${doing}`, e),
    );
  }
}
