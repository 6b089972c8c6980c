/**
 * The uploads in hand. A `file_shared` event becomes a claim in the store and then a run; a start-up resumes every
 * claim a stopped process left unanswered; a shutdown waits a bounded time for the runs in hand, then abandons the
 * rest (their records stay, and the next start resumes them) and says which.
 */
import { isAppError } from '../../domain/errors.js';
import { type SlackShare, type SlackUpload, slackUploadKey } from '../../domain/slack-upload.js';
import { describeAndLog, toPayload } from '../log-error.js';
import { isPdfFile, type SlackFile } from '../slack-file.js';
import { runUpload } from './run-upload.js';
import { describeSharedFile, type FileShare } from './shared-file.js';
import type { UploadContext } from './upload-context.js';

export interface FileSharedEvent {
  readonly fileId: string;
  readonly channelId: string;
  readonly userId: string | null;
  readonly eventTs: string | null;
}

interface InHand {
  readonly upload: SlackUpload;
  readonly controller: AbortController;
  readonly done: Promise<void>;
}

export interface UploadRunner {
  /**
   * Takes one `file_shared` event; resolves once the upload is claimed in the store (or found not to be the bot's
   * business, or its uploader told why it cannot be), to false only when the bot is stopping and took nothing.
   */
  receive(event: FileSharedEvent): Promise<boolean>;
  /** Resumes every upload the store holds unanswered; resolves once each has started. */
  resumeUnfinished(): Promise<number>;
  /** Resolves once no upload is in hand. */
  idle(): Promise<void>;
  /** Stops taking uploads, waits up to `graceMs` for those in hand, abandons the rest; returns their keys. */
  stop(graceMs: number): Promise<string[]>;
}

/** The share that raised the event: the one with the event's ts, else the latest in that conversation. */
function shareOfEvent(shares: readonly FileShare[], eventTs: string | null): FileShare | null {
  return shares.find((s) => s.ts === eventTs) ?? shares.at(-1) ?? null;
}

export function createUploadRunner(context: UploadContext): UploadRunner {
  const inHand = new Map<string, InHand>();
  let stopping = false;

  function start(upload: SlackUpload, file?: SlackFile): void {
    const controller = new AbortController();
    const done = runUpload(context, upload, { file, signal: controller.signal })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        context.logger.error(
          `upload ${upload.key} (${upload.fileName}) was not answered; it resumes at the next start`,
          error,
        );
      })
      .finally(() => inHand.delete(upload.key));
    inHand.set(upload.key, { upload, controller, done });
  }

  async function claim(share: SlackShare) {
    try {
      return await context.store.claimSlackUpload(share, context.leaseMs);
    } catch (error) {
      // A damaged slack-files.json has been set aside by now: the next claim starts it afresh.
      if (!isAppError(error, 'store-corrupt')) throw error;
      context.logger.error(
        `the record of Slack uploads was damaged and set aside; claiming ${share.fileName} anew`,
        error,
      );
      return context.store.claimSlackUpload(share, context.leaseMs);
    }
  }

  /** Without a record the bot cannot promise anything, but the uploader still hears why. */
  async function tellUploader(share: { channelId: string; userId: string | null; fileName: string }, error: unknown) {
    const message = describeAndLog(error, context.logger, `taking ${share.fileName} shared in ${share.channelId}`);
    if (!share.userId) return;
    await context.client.chat
      .postEphemeral({ channel: share.channelId, user: share.userId, ...toPayload(message) })
      .catch((e) => context.logger.error(`could not tell ${share.userId} about ${share.fileName}`, e));
  }

  return {
    async receive(event) {
      if (stopping) return false;
      let described: Awaited<ReturnType<typeof describeSharedFile>>;
      try {
        described = await describeSharedFile(context.client, event.fileId, event.channelId);
      } catch (error) {
        await tellUploader({ ...event, fileName: event.fileId }, error);
        return true;
      }
      const { file } = described;
      if (!isPdfFile(file)) return true;
      const found = shareOfEvent(described.shares, event.eventTs);
      if (!found) {
        context.logger.warn(`file ${file.id} was shared in ${event.channelId}, but files.info lists no share there`);
        return true;
      }
      const share: SlackShare = {
        fileId: file.id,
        fileName: file.name,
        channelId: event.channelId,
        shareTs: found.ts,
        threadTs: found.threadTs,
        userId: event.userId,
      };
      if (inHand.has(slackUploadKey(share))) return true;
      let claimed: Awaited<ReturnType<typeof claim>>;
      try {
        claimed = await claim(share);
      } catch (error) {
        await tellUploader(share, error);
        return true;
      }
      if (claimed.outcome === 'in-hand' || claimed.outcome === 'answered') {
        context.logger.debug(`upload ${slackUploadKey(share)} is ${claimed.outcome}: a retry or a second delivery`);
        return true;
      }
      if (claimed.outcome === 'taken-over') {
        context.logger.info(`upload ${claimed.upload.key} taken over at "${claimed.upload.stage}": its lease ran out`);
      }
      start(claimed.upload, file);
      return true;
    },

    async resumeUnfinished() {
      const unfinished = await context.store.unfinishedSlackUploads();
      for (const upload of unfinished) {
        if (inHand.has(upload.key)) continue;
        context.logger.info(`resuming upload ${upload.key} (${upload.fileName}) at "${upload.stage}"`);
        start(upload);
      }
      return unfinished.length;
    },

    async idle() {
      while (inHand.size > 0) await Promise.allSettled([...inHand.values()].map((u) => u.done));
    },

    async stop(graceMs) {
      stopping = true;
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([this.idle(), grace]);
      clearTimeout(timer);
      const abandoned = [...inHand.values()];
      for (const { controller } of abandoned) controller.abort(new Error('the bot is stopping'));
      await Promise.allSettled(abandoned.map((u) => u.done));
      return abandoned.map(({ upload }) => `${upload.key} (${upload.fileName}, at "${upload.stage}")`);
    },
  };
}
