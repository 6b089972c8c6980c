/**
 * The Bolt app: the transport (Socket Mode by default, HTTP with a signing secret), the listeners by surface, and a
 * count of work still running after Slack has been acknowledged, so that stopping (and a test) can wait for it.
 */
import type { ListenOptions } from 'node:net';
import type { DigestSchedule } from '../digest/digest-schedule.js';
import type { FilingStore } from '../store/filing-store.js';
import { registerCardActions } from './actions/card-actions.js';
import { App, HTTPReceiver, type Logger, LogLevel, SocketModeReceiver } from './bolt.js';
import { registerSharesCommand, type SharesCommandDeps } from './commands/shares-command.js';
import { registerFileShareEvents } from './events/file-share.js';
import type { SharedPdfDeps } from './events/handle-shared-pdf.js';
import { type LinkSharedDeps, registerLinkShared } from './events/link-shared.js';

export type SlackTransport =
  | { readonly mode: 'socket'; readonly appToken: string }
  | { readonly mode: 'http'; readonly signingSecret: string; readonly listen: ListenOptions };

export interface SlackAppOptions {
  readonly botToken: string;
  readonly transport: SlackTransport;
  /** Default https://slack.com/api/; a local fake in tests and the demo. */
  readonly slackApiUrl?: string;
  readonly logger?: Logger;
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** How often the Web API client retries a failed call (Bolt's default retries for up to 30 minutes). */
  readonly apiRetries?: number;
}

export interface SlackAppDeps extends SharedPdfDeps {
  readonly store: FilingStore;
  readonly now: () => Date;
  /** When scheduled digests go out, for the "next digest" lines of the watch commands; default 10:00 Hong Kong. */
  readonly schedule?: DigestSchedule;
  /** What `/shares` asks of HKEXnews for a code nobody shared; absent when HKEXNEWS=off. */
  readonly lookUpOnHkexnews?: SharesCommandDeps['lookUpOnHkexnews'];
  /** HKEXnews links pasted in Slack, as cards; absent when HKEXNEWS=off. */
  readonly unfurlHkexnewsLink?: LinkSharedDeps['unfurlHkexnewsLink'];
}

export interface SlackApp {
  readonly client: App['client'];
  readonly logger: Logger;
  /** Starts listening; in HTTP mode resolves to the port bound. */
  start(): Promise<{ port: number | null }>;
  /** Waits for work already acknowledged, then stops. */
  stop(): Promise<void>;
  /** Resolves once no listener is running. */
  idle(): Promise<void>;
}

const LOG_LEVELS = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR } as const;

function createReceiver(transport: SlackTransport, logger: Logger | undefined) {
  return transport.mode === 'http'
    ? new HTTPReceiver({ signingSecret: transport.signingSecret, ...(logger ? { logger } : {}) })
    : new SocketModeReceiver({ appToken: transport.appToken, ...(logger ? { logger } : {}) });
}

export function createSlackApp(options: SlackAppOptions, deps: SlackAppDeps): SlackApp {
  const receiver = createReceiver(options.transport, options.logger);
  const app = new App({
    token: options.botToken,
    receiver,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.logLevel ? { logLevel: LOG_LEVELS[options.logLevel] } : {}),
    clientOptions: {
      ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
      ...(options.apiRetries !== undefined ? { retryConfig: { retries: options.apiRetries } } : {}),
    },
  });

  const running = new Set<Promise<void>>();
  app.use(async ({ next }) => {
    const work = next();
    running.add(work);
    try {
      await work;
    } finally {
      running.delete(work);
    }
  });
  // Whatever a listener lets escape is logged here; the process carries on.
  app.error(async (error) => {
    app.logger.error('a Slack listener failed', error);
  });

  registerFileShareEvents(app, deps);
  registerSharesCommand(app, deps);
  registerCardActions(app, deps);
  registerLinkShared(app, deps);

  const idle = async () => {
    // Let work that a request has just started register itself before looking.
    await new Promise((resolve) => setImmediate(resolve));
    while (running.size > 0) {
      await Promise.allSettled([...running]);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  return {
    client: app.client,
    logger: app.logger,
    async start() {
      if (options.transport.mode === 'socket') {
        await app.start();
        return { port: null };
      }
      const server = await app.start(options.transport.listen);
      const address = server.address();
      return { port: typeof address === 'object' && address ? address.port : null };
    },
    async stop() {
      await idle();
      await app.stop();
    },
    idle,
  };
}
