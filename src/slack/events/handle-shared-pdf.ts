/**
 * One PDF shared in a conversation: claim the share (so that Slack's retries and a second delivery do nothing), say
 * "Reading …" in its thread at once, read it, and replace that reply with the card, or with what went wrong.
 */
import type { App, Logger } from '@slack/bolt';
import { isAppError } from '../../domain/errors.js';
import { looksLikeOf } from '../../format/describe-error.js';
import { renderFilingCard } from '../../format/filing-card.js';
import { renderReadingNote } from '../../format/upload-notes.js';
import { receiveUpload, type UploadDeps } from '../../services/receive-upload.js';
import { describeAndLog, toPayload } from '../log-error.js';
import {
  completeSlackFile,
  type DownloadOptions,
  downloadSlackFile,
  isPdfFile,
  type SlackFile,
} from '../slack-file.js';

export interface SharedPdfDeps extends UploadDeps {
  readonly download: Omit<DownloadOptions, 'botToken'>;
}

export interface SharedPdf {
  readonly client: App['client'];
  readonly botToken: string;
  readonly logger: Logger;
  readonly channel: string;
  readonly threadTs: string;
  /** The ts of the message that shared the file: with the channel and file id, what a retry repeats. */
  readonly messageTs: string;
  readonly userId: string | null;
  readonly file: SlackFile;
}

/** A retry would meet the same file: keep the claim. Anything else (Slack, the store, a bug) may pass on a retry. */
const FINAL_ERRORS = new Set([
  'not-a-monthly-return',
  'unreadable-filing',
  'encrypted-filing',
  'no-text-layer',
  'filing-too-large',
  'timeout',
  'filing-too-complex',
]);

/**
 * A retried event repeats the file, the channel and the message; the same file shared again elsewhere does not, and
 * is answered (as already held).
 */
function shareKey(shared: SharedPdf): string {
  return `${shared.file.id}:${shared.channel}:${shared.messageTs}`;
}

export async function handleSharedPdf(deps: SharedPdfDeps, given: SharedPdf): Promise<void> {
  const shared = await withFileInfo(given);
  if (!shared) return;
  const { client, channel, threadTs, logger, file } = shared;
  const key = shareKey(shared);
  if (!(await deps.store.claimSlackFile(key))) {
    logger.debug(`share ${key} already claimed: a retry or a second delivery`);
    return;
  }
  let readingTs: string | undefined;
  try {
    const reading = await client.chat.postMessage({
      channel,
      thread_ts: threadTs,
      ...toPayload(renderReadingNote(file.name)),
    });
    readingTs = reading.ts;
    const card = await receiveUpload(deps, {
      fileName: file.name,
      source: {
        kind: 'slack',
        fileId: file.id,
        fileName: file.name,
        channelId: channel,
        userId: shared.userId,
        permalink: file.permalink,
      },
      fetchBytes: () => downloadSlackFile(file, { ...deps.download, botToken: shared.botToken }),
    });
    const message = renderFilingCard(card);
    if (readingTs) await client.chat.update({ channel, ts: readingTs, ...message });
    else await client.chat.postMessage({ channel, thread_ts: threadTs, ...message });
  } catch (error) {
    if (!(isAppError(error) && FINAL_ERRORS.has(error.code))) await deps.store.releaseSlackFile(key);
    await reportFailure(shared, readingTs, error).catch((reportError) =>
      logger.error(`could not tell the user about ${file.name}`, reportError),
    );
  }
}

/** The file as files.info describes it, where the event left it out; null when it turns out not to be a PDF. */
async function withFileInfo(shared: SharedPdf): Promise<SharedPdf | null> {
  try {
    const file = await completeSlackFile(shared.client, shared.file);
    return isPdfFile(file) ? { ...shared, file } : null;
  } catch (error) {
    await reportFailure(shared, undefined, error).catch((e) =>
      shared.logger.error('could not report a files.info failure', e),
    );
    return null;
  }
}

/**
 * A PDF that is not a monthly return is not the channel's business: the reading note goes and the uploader alone is
 * told what it looks like. Every other failure replaces the reading note in the thread.
 */
async function reportFailure(shared: SharedPdf, readingTs: string | undefined, error: unknown): Promise<void> {
  const { client, channel, threadTs, logger } = shared;
  const message = describeAndLog(error, logger, `reading ${shared.file.name}`);
  if (isAppError(error, 'not-a-monthly-return') && shared.userId) {
    logger.info(`${shared.file.name} looks like ${looksLikeOf(error) ?? 'something else'}`);
    if (readingTs) await client.chat.delete({ channel, ts: readingTs });
    await client.chat.postEphemeral({ channel, user: shared.userId, thread_ts: threadTs, ...toPayload(message) });
    return;
  }
  if (readingTs) await client.chat.update({ channel, ts: readingTs, ...toPayload(message) });
  else await client.chat.postMessage({ channel, thread_ts: threadTs, ...toPayload(message) });
}
