/**
 * Files shared in a conversation the bot is in, DMs with it included: the `file_shared` event, which carries ids
 * only (files:read; no history scope, so the bot reads no one's messages). The upload runner does the rest.
 */
import type { App } from '../bolt.js';
import type { UploadRunner } from '../uploads/upload-runner.js';

export function registerFileSharedEvents(app: App, runner: UploadRunner): void {
  app.event('file_shared', async ({ event }) => {
    await runner.receive({
      fileId: event.file_id,
      channelId: event.channel_id,
      userId: event.user_id ?? null,
      eventTs: event.event_ts ?? null,
    });
  });
}
