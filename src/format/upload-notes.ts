/** The short messages around an upload: the acknowledgement that replaces itself with the card. */
import { escapeMrkdwn } from './blocks.js';
import type { SlackMessage } from './message.js';

export function renderReadingNote(fileName: string): SlackMessage {
  return { text: `:hourglass_flowing_sand: Reading ${escapeMrkdwn(fileName)}…`, blocks: [] };
}
