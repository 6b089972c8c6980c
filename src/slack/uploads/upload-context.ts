/** What the steps of an upload share: the store, Slack, the limits, and the log. */
import type { SlackUpload, SlackUploadStep } from '../../domain/slack-upload.js';
import type { UploadDeps } from '../../services/receive-upload.js';
import type { App, Logger } from '../bolt.js';
import type { Conversations } from '../conversations.js';
import type { DownloadOptions } from '../slack-file.js';

export interface UploadSettings {
  /** Download limits; the bot token is added by the app. */
  readonly download: Omit<DownloadOptions, 'botToken' | 'signal'>;
  /** How long a claimed upload is its worker's before a redelivery may take it over; renewed at every step. */
  readonly leaseMs: number;
}

export interface UploadContext extends UploadDeps, UploadSettings {
  readonly client: App['client'];
  readonly botToken: string;
  /** The bot's own user id (from auth.test), to recognise its replies; null until known. */
  readonly botUserId: () => string | null;
  readonly logger: Logger;
  /** Whether the conversation a file was shared in is public, which decides who may see the return. */
  readonly conversations: Conversations;
}

/**
 * Records a step. A store that cannot record it (a full disk) must not keep the user from an answer: the failure
 * is logged with its cause, and the work goes on without the record.
 */
export async function recordStep(
  context: UploadContext,
  upload: SlackUpload,
  step: SlackUploadStep,
): Promise<SlackUpload> {
  try {
    return await context.store.recordSlackUpload(upload.key, step, context.leaseMs);
  } catch (error) {
    context.logger.error(`could not record that upload ${upload.key} reached "${step.stage}"`, error);
    return { ...upload, ...step };
  }
}
