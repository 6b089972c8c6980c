/**
 * The one answer an upload gets. In the file's thread: the card, or what went wrong with a monthly return; to the
 * uploader alone: anything about a file that is not one (the channel is not told about every PDF shared in it).
 *
 * Exactly once: before posting in a thread the bot records "answering" with the thread's reply count, and after it
 * "answered". A process stopped between the two leaves "answering"; the next one asks files.info whether the thread
 * has gained a reply by the bot since, and posts only if not. Answers in one thread are posted one at a time, so
 * that the count tells them apart.
 */
import type { SlackUpload } from '../../domain/slack-upload.js';
import type { SlackMessage } from '../../format/message.js';
import { toPayload } from '../log-error.js';
import { describeSharedFile, type FileShare } from './shared-file.js';
import { recordStep, type UploadContext } from './upload-context.js';

export interface UploadAnswer {
  readonly to: 'thread' | 'uploader';
  readonly message: SlackMessage;
}

const threads = new Map<string, Promise<unknown>>();

/** Runs `work` after every earlier answer in the same thread. */
function inThreadOrder<T>(thread: string, work: () => Promise<T>): Promise<T> {
  const earlier = threads.get(thread) ?? Promise.resolve();
  const next = earlier.catch(() => undefined).then(work);
  threads.set(thread, next);
  void next
    .finally(() => {
      if (threads.get(thread) === next) threads.delete(thread);
    })
    .catch(() => undefined);
  return next;
}

async function shareOf(context: UploadContext, upload: SlackUpload): Promise<FileShare | null> {
  try {
    const { shares } = await describeSharedFile(context.client, upload.fileId, upload.channelId);
    return shares.find((s) => s.ts === upload.shareTs) ?? null;
  } catch (error) {
    context.logger.warn(`could not count the replies to ${upload.key}`, error);
    return null;
  }
}

/** Whether the thread has a reply by the bot that it had not when "answering" was recorded. */
export async function wasAnswered(context: UploadContext, upload: SlackUpload): Promise<boolean> {
  const botUserId = context.botUserId();
  if (upload.stage !== 'answering' || upload.repliesBefore === null || !botUserId) return false;
  const share = await shareOf(context, upload);
  return share !== null && share.replyCount > upload.repliesBefore && share.replyUsers.includes(botUserId);
}

export async function deliverAnswer(context: UploadContext, upload: SlackUpload, answer: UploadAnswer) {
  const { client } = context;
  const { channelId: channel, threadTs } = upload;
  if (answer.to === 'uploader') {
    if (upload.userId) {
      await client.chat.postEphemeral({
        channel,
        user: upload.userId,
        thread_ts: threadTs,
        ...toPayload(answer.message),
      });
    }
    return recordStep(context, upload, { stage: 'answered', replyTs: null });
  }
  return inThreadOrder(`${channel}:${threadTs}`, async () => {
    const share = await shareOf(context, upload);
    const answering = await recordStep(context, upload, {
      stage: 'answering',
      repliesBefore: share?.replyCount ?? null,
    });
    const posted = await client.chat.postMessage({ channel, thread_ts: threadTs, ...toPayload(answer.message) });
    return recordStep(context, answering, { stage: 'answered', replyTs: posted.ts ?? null });
  });
}
