/**
 * Files shared in a conversation the bot is in: `message` events of subtype `file_share`. Every PDF among them is
 * read, all at once; other files are not the bot's business.
 */
import type { App } from '../bolt.js';
import { isPdfFile, type SlackFile, toSlackFile } from '../slack-file.js';
import { handleSharedPdf, type SharedPdfDeps } from './handle-shared-pdf.js';

/** A file Slack left out of the event has to be looked up before we know what it is. */
function mayBePdf(file: SlackFile): boolean {
  return isPdfFile(file) || file.fileAccess === 'check_file_info';
}

export function registerFileShareEvents(app: App, deps: SharedPdfDeps): void {
  app.event('message', async ({ event, client, context, logger }) => {
    if (event.subtype !== 'file_share') return;
    const botToken = context.botToken;
    if (!botToken) {
      logger.error('a file was shared but no bot token is configured');
      return;
    }
    const files = (event.files ?? []).map((f) => toSlackFile(f as unknown as Record<string, unknown>)).filter(mayBePdf);
    await Promise.all(
      files.map((file) =>
        handleSharedPdf(deps, {
          client,
          botToken,
          logger,
          channel: event.channel,
          threadTs: event.thread_ts ?? event.ts,
          messageTs: event.ts,
          userId: event.user ?? null,
          file,
        }),
      ),
    );
  });
}
