/**
 * Files shared in a conversation the bot is in, DMs with it included: the `file_shared` event, which carries ids
 * only (files:read; no history scope, so the bot reads no one's messages). The upload runner does the rest. Slack
 * is acknowledged only once this listener has returned, that is once the upload's claim is in the store
 * (`ack-after-listener.ts`); a bot that is stopping takes nothing and withholds the acknowledgement, so Slack
 * delivers the event again.
 */
import type { App } from '../bolt.js';
import type { UploadRunner } from '../uploads/upload-runner.js';

/** The events whose acknowledgement waits for their listener. */
export const EVENTS_ACKNOWLEDGED_WHEN_CLAIMED: ReadonlySet<string> = new Set(['file_shared']);

/** `runnerOf` gives the uploads in hand of the workspace the event came from (its team id). */
export function registerFileSharedEvents(
  app: App,
  runnerOf: (teamId: string | undefined) => Promise<UploadRunner>,
): void {
  app.event('file_shared', async ({ event, context }) => {
    const runner = await runnerOf(context.teamId);
    const taken = await runner.receive({
      fileId: event.file_id,
      channelId: event.channel_id,
      userId: event.user_id ?? null,
      eventTs: event.event_ts ?? null,
    });
    if (!taken) context.withholdAck?.();
  });
}
