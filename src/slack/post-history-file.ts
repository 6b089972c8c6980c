/**
 * `/shares 00020 history csv`: the history posted to the asking conversation as a file, with files.uploadV2 (the
 * Web API client asks files.getUploadURLExternal for an upload URL, posts the bytes there, then shares the file with
 * files.completeUploadExternal; the scope is files:write). Slack refuses a conversation the bot is not in
 * (`not_in_channel`): that is answered with what to do, never a stack.
 */
import { AppError } from '../domain/errors.js';
import { historyFileName, renderHistoryCsv } from '../format/history-export.js';
import type { SlackMessage } from '../format/message.js';
import type { HistoryExport } from '../view-models/history-export.js';
import type { App } from './bolt.js';

const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found', 'not_allowed_token_type', 'access_denied']);

export async function postHistoryFile(
  client: App['client'],
  channelId: string,
  history: HistoryExport,
  note: SlackMessage,
): Promise<string> {
  const filename = historyFileName(history, 'csv');
  try {
    await client.files.uploadV2({
      channel_id: channelId,
      file: Buffer.from(renderHistoryCsv(history), 'utf8'),
      filename,
      title: filename,
      initial_comment: note.text,
    });
    return filename;
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    const where =
      code && NOT_A_MEMBER.has(code)
        ? 'I can post files only where I am a member: `/invite` me here, or ask in a DM with me'
        : `files.uploadV2 answered ${code ?? String(error)}`;
    throw new AppError(
      'slack-failure',
      `the CSV ${filename} was not posted (${where})`,
      { channelId, slackError: code ?? '' },
      { cause: error },
    );
  }
}
