/**
 * `npm start`: read the settings, open the store, start the Slack app and the digest scheduler, and stop cleanly.
 */

import { availableParallelism } from 'node:os';
import { loadConfig, loadDotEnv } from './config.js';
import { startDigestScheduler } from './digest/scheduler.js';
import { isAppError } from './domain/errors.js';
import { ingestFiling } from './services/ingest-filing.js';
import { createReadPool } from './services/ingest-worker-pool.js';
import { createSlackApp } from './slack/create-app.js';
import { createDigestPoster } from './slack/digest-poster.js';
import { openFilingStore } from './store/index.js';

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const now = () => new Date();
  const store = await openFilingStore({ dir: config.dataDir, now });
  // PDFs are read in reader processes: a long read must not hold up the acknowledgements Slack waits 3 seconds for,
  // nor a PDF bomb take the bot's memory; warmed up on the fixtures, so that the first upload reads as fast as the rest.
  const readers = createReadPool({
    size: Math.max(1, availableParallelism() - 1),
    memoryMb: config.readMemoryMb,
    thoroughWarmUp: true,
  });
  const { connection } = config;
  const app = createSlackApp(
    {
      botToken: config.botToken,
      transport:
        connection.mode === 'socket'
          ? connection
          : { mode: 'http', signingSecret: connection.signingSecret, listen: { port: connection.port } },
      ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
      logLevel: config.logLevel,
    },
    {
      store,
      now,
      schedule: config.digest,
      ingest: (input) => ingestFiling({ store, now, limits: config.limits, read: readers.read }, input),
      download: { allowedOrigins: config.fileOrigins, maxBytes: config.limits.maxBytes },
    },
  );
  const { logger } = app;
  // A listener's failure is answered and logged where it happens; anything that still escapes is logged, not fatal.
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', reason));
  process.on('uncaughtException', (error) => logger.error('uncaught exception', error));

  const scheduler = startDigestScheduler({
    store,
    poster: createDigestPoster(app.client),
    now,
    schedule: config.digest,
    log: (message) => logger.info(message),
  });
  const { port } = await app.start();
  logger.info(
    connection.mode === 'socket'
      ? 'hkex-shares-bot is running in Socket Mode'
      : `hkex-shares-bot is listening for Slack on port ${port}, path /slack/events`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing work in hand, then stopping`);
    scheduler.stop();
    await scheduler.idle();
    await app.stop();
    await readers.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(isAppError(error) ? error.message : error);
  process.exit(1);
});
