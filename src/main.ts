/**
 * `npm start`: read the settings, open the store, start the Slack app and the digest scheduler, and stop cleanly.
 */

import { availableParallelism } from 'node:os';
import { type Config, loadConfig, loadDotEnv } from './config.js';
import { isAppError } from './domain/errors.js';
import type { ReportMonth } from './domain/monthly-return.js';
import { storageFailureOf } from './domain/storage-failure.js';
import { createHkexnewsClient } from './hkexnews/hkexnews-client.js';
import { startDigestScheduler } from './services/digest-scheduler.js';
import { type LookUp, lookUpOnHkexnews } from './services/fetch-on-demand.js';
import { ingestFiling } from './services/ingest-filing.js';
import { createReadPool } from './services/ingest-worker-pool.js';
import { createHkexnewsUnfurl } from './services/unfurl-hkexnews.js';
import { fillWatchlists } from './services/watchlist-fill.js';
import { checkBotToken, createSlackApp } from './slack/create-app.js';
import { createDigestPoster, createOwnerTeller } from './slack/digest-poster.js';
import { botScopes } from './slack/web-api-scopes.js';
import { openFilingStore } from './store/index.js';

/** A claimed upload is its worker's for the longest a download and a read may take, and a minute more. */
function leaseMsOf(config: Config): number {
  return config.download.timeoutMs + config.limits.timeoutMs + 60_000;
}

async function openStore(config: Config, now: () => Date) {
  try {
    return await openFilingStore({ dir: config.dataDir, databaseUrl: config.databaseUrl, now });
  } catch (error) {
    if (config.databaseUrl && isAppError(error)) throw new StartupError(error.message, { cause: error });
    const storage = storageFailureOf(error);
    const reason = storage
      ? `${storage.reason} (${storage.code})`
      : error instanceof Error
        ? error.message
        : String(error);
    throw new StartupError(`DATA_DIR ${config.dataDir} cannot be used: ${reason}`, { cause: error });
  }
}

class StartupError extends Error {}

const CANNOT_START = 'The app cannot start';

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const now = () => new Date();
  // Installed in many workspaces, each workspace's token is checked by the install that stored it.
  if (config.botToken !== null) await checkBotToken(config.botToken, config.slackApiUrl ?? undefined);
  const store = await openStore(config, now);
  // PDFs are read in reader processes: a long read must not hold up the acknowledgements Slack waits 3 seconds for,
  // nor a PDF bomb take the bot's memory; warmed up on the fixtures, so that the first upload reads as fast as the rest.
  const readers = createReadPool({
    size: Math.max(1, availableParallelism() - 1),
    memoryMb: config.readMemoryMb,
    thoroughWarmUp: true,
  });
  const { connection } = config;
  // HKEXNEWS=off leaves the client out, and with it every use of the site.
  const hkexnews = config.hkexnewsUrl
    ? createHkexnewsClient({ baseUrl: config.hkexnewsUrl, maxBytes: config.limits.maxBytes })
    : null;
  const app = createSlackApp(
    {
      botToken: config.botToken,
      ...(config.oauth
        ? {
            oauth: {
              clientId: config.oauth.clientId,
              clientSecret: config.oauth.clientSecret,
              stateSecret: config.oauth.stateSecret,
              scopes: botScopes(),
              ...(config.oauth.redirectUri ? { redirectUri: config.oauth.redirectUri } : {}),
            },
          }
        : {}),
      transport: connection,
      ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
      logLevel: config.logLevel,
    },
    {
      store,
      now,
      schedule: config.digest,
      ingest: (input) => ingestFiling({ store, now, limits: config.limits, read: readers.read }, input),
      download: { allowedOrigins: config.fileOrigins, maxBytes: config.limits.maxBytes, ...config.download },
      leaseMs: leaseMsOf(config),
      ...(hkexnews
        ? {
            lookUpOnHkexnews: (lookUp: LookUp) =>
              lookUpOnHkexnews({ store, now, limits: config.limits, read: readers.read, client: hkexnews }, lookUp),
            unfurlHkexnewsLink: createHkexnewsUnfurl({
              store,
              now,
              limits: config.limits,
              read: readers.read,
              client: hkexnews,
            }),
          }
        : {}),
    },
  );
  const { logger } = app;
  // A listener's failure is answered and logged where it happens; anything that still escapes is logged, not fatal.
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', reason));
  process.on('uncaughtException', (error) => logger.error('uncaught exception', error));

  let port: number | null;
  try {
    ({ port } = await app.start());
  } catch (error) {
    await Promise.allSettled([readers.close(), store.close()]);
    throw error;
  }
  const scheduler = startDigestScheduler({
    store,
    poster: createDigestPoster(app.client),
    tellOwner: createOwnerTeller(app.client),
    // Installed in many workspaces: each watchlist's digest goes out with its own workspace's token.
    postersOf: async (teamId: string) => {
      const { client } = await app.workspaces.of(teamId);
      return { poster: createDigestPoster(client), tellOwner: createOwnerTeller(client) };
    },
    now,
    schedule: config.digest,
    log: (message) => logger.info(message),
    ...(hkexnews
      ? {
          fill: (month: ReportMonth) =>
            fillWatchlists({ store, now, limits: config.limits, read: readers.read, client: hkexnews }, month),
        }
      : {}),
  });
  // Before saying it listens: whoever waits for that line may stop the bot at once, and a SIGTERM that found no
  // handler would end it without closing the store.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: finishing work in hand (10 s at most), then stopping`);
    scheduler.stop();
    const [, abandoned] = await Promise.all([scheduler.idle(), app.stop()]);
    if (abandoned.length > 0) {
      logger.warn(`abandoned ${abandoned.length} upload(s), resumed at the next start: ${abandoned.join('; ')}`);
    }
    await readers.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  logger.info(
    connection.mode === 'socket'
      ? 'hkex-shares-bot is running in Socket Mode'
      : `hkex-shares-bot is listening for Slack on port ${port}, path /slack/events`,
  );
}

main().catch((error: unknown) => {
  // One line naming what to fix: a setting, DATA_DIR, or the token; never a stack.
  const message = error instanceof StartupError || isAppError(error) ? error.message : String(error);
  console.error(message.startsWith(CANNOT_START) ? message : `${CANNOT_START}: ${message}`);
  process.exit(1);
});
