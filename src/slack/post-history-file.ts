/**
 * Files the bot posts to a conversation (or a thread in it), with files.uploadV2: the Web API client asks
 * files.getUploadURLExternal for an upload URL, posts the bytes there, then shares the file with
 * files.completeUploadExternal (`channel_id`, `thread_ts`, `initial_comment`); the scope is files:write. Slack refuses
 * a conversation the bot is not in (`not_in_channel`): that is answered with what to do, never a stack.
 * `/shares 00020 history csv` posts the CSV this way, and the history's chart is posted as a PNG.
 */
import { AppError } from '../domain/errors.js';
import { historyFileName, renderHistoryCsv } from '../format/history-export.js';
import type { SlackMessage } from '../format/message.js';
import type { HistoryExport } from '../view-models/history-export.js';
import type { App } from './bolt.js';

const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found', 'not_allowed_token_type', 'access_denied']);

export interface FileTarget {
  readonly channelId: string;
  /** The thread to post in; absent: the conversation itself. */
  readonly threadTs?: string;
}

export interface FileToPost {
  readonly filename: string;
  readonly bytes: Uint8Array;
  /** The message posted with the file. */
  readonly note: SlackMessage;
  /** What the file is, for the sentence a failure is answered with ("the CSV", "the chart"). */
  readonly what: string;
}

export async function postFile(client: App['client'], target: FileTarget, file: FileToPost): Promise<string> {
  const { filename } = file;
  try {
    const upload = { file: Buffer.from(file.bytes), filename, title: filename, initial_comment: file.note.text };
    await client.files.uploadV2(
      target.threadTs
        ? { ...upload, channel_id: target.channelId, thread_ts: target.threadTs }
        : { ...upload, channel_id: target.channelId },
    );
    return filename;
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    const where =
      code && NOT_A_MEMBER.has(code)
        ? 'I can post files only where I am a member: `/invite` me here, or ask in a DM with me'
        : `files.uploadV2 answered ${code ?? String(error)}`;
    throw new AppError(
      'slack-failure',
      `${file.what} ${filename} was not posted (${where})`,
      { channelId: target.channelId, slackError: code ?? '' },
      { cause: error },
    );
  }
}

export function postHistoryFile(
  client: App['client'],
  channelId: string,
  history: HistoryExport,
  note: SlackMessage,
): Promise<string> {
  const bytes = Buffer.from(renderHistoryCsv(history), 'utf8');
  return postFile(client, { channelId }, { filename: historyFileName(history, 'csv'), bytes, note, what: 'the CSV' });
}
