/**
 * An answer of several messages through a response URL, which takes five posts (`SLACK_LIMITS.responseUrlPosts`).
 * The whole return of any filing seen so far takes two at most; one that takes more than `room` posts says in its
 * last post where the rest is, rather than dropping it unsaid.
 */
import { SLACK_LIMITS } from '../format/blocks.js';
import type { SlackMessage } from '../format/message.js';
import type { RespondFn } from './bolt.js';
import { toPayload } from './log-error.js';

export interface RespondInPartsOptions {
  readonly responseType: 'ephemeral' | 'in_channel';
  /** How many posts the messages may use (fewer than five where the caller posts something after them). */
  readonly room?: number;
  /** From a button: post beside the message clicked rather than in its place. */
  readonly besideOriginal?: boolean;
}

export async function respondInParts(
  respond: RespondFn,
  messages: readonly SlackMessage[],
  { responseType, room = SLACK_LIMITS.responseUrlPosts, besideOriginal = false }: RespondInPartsOptions,
): Promise<void> {
  const base = { response_type: responseType, ...(besideOriginal ? { replace_original: false } : {}) } as const;
  const fits = messages.length <= room;
  for (const message of fits ? messages : messages.slice(0, room - 1))
    await respond({ ...base, ...toPayload(message) });
  if (!fits) {
    const text = `The whole return takes ${messages.length} messages and an answer here takes ${room}: *Show all* on the card posts all of it.`;
    await respond({ ...base, text });
  }
}
