/**
 * The Bolt app: the transport (Socket Mode by default, HTTP with a signing secret), the listeners by surface, the
 * uploads in hand, and a count of work still running after Slack has been acknowledged, so that stopping (and a
 * test) can wait for it.
 */
import type { SlackConnection } from '../config.js';
import type { DigestSchedule } from '../digest/digest-schedule.js';
import { AppError } from '../domain/errors.js';
import { prepareAnswers } from '../services/answer-shares-query.js';
import type { UploadDeps } from '../services/receive-upload.js';
import type { FilingStore } from '../store/filing-store.js';
import { acknowledgeAfterListeners } from './ack-after-listener.js';
import { registerCardActions } from './actions/card-actions.js';
import { createAnswerTurns } from './answer-turns.js';
import {
  App,
  HTTPReceiver,
  type InstallationStore,
  type Logger,
  LogLevel,
  SocketModeReceiver,
  webApi,
} from './bolt.js';
import { registerSharesCommand, type SharesCommandDeps } from './commands/shares-command.js';
import { EVENTS_ACKNOWLEDGED_WHEN_CLAIMED, registerFileSharedEvents } from './events/file-shared.js';
import { type LinkSharedDeps, registerLinkShared } from './events/link-shared.js';
import { guardRequestBodies } from './guard-request-body.js';
import { createInstallationStore } from './installation-store.js';
import { refuseOrgWideInstalls } from './org-install-refusal.js';
import type { UploadSettings } from './uploads/upload-context.js';
import { createUploadRunner, type UploadRunner } from './uploads/upload-runner.js';
import {
  adoptTokenWorkspace,
  installedWorkspaces,
  singleWorkspace,
  type Workspace,
  type Workspaces,
} from './workspaces.js';

/**
 * The app installed in many workspaces through Slack's OAuth flow (Bolt's installer on the HTTP receiver): the
 * install page, the redirect Slack returns to, and each workspace's installation kept in the store.
 */
export interface SlackOAuthOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Signs the `state` of each install, which the redirect must bring back (with the browser's cookie). */
  readonly stateSecret: string;
  /** The bot scopes asked for at install: the manifest's. */
  readonly scopes: readonly string[];
  /** The public URL of the redirect path, as the app's OAuth settings list it; Slack's default when absent. */
  readonly redirectUri?: string;
  /** Where the install page sends the installer; Slack's own unless given (tests: the fake Slack). */
  readonly authorizationUrl?: string;
}

/** Where Bolt's installer serves the install page and takes Slack's redirect back. */
export const OAUTH_PATHS = { install: '/slack/install', redirect: '/slack/oauth_redirect' } as const;

export interface SlackAppOptions {
  /** The bot token of the single workspace; null when the app is installed in many (`oauth`). */
  readonly botToken: string | null;
  readonly oauth?: SlackOAuthOptions;
  /** Socket Mode, or HTTP on a port: the connection the settings name. */
  readonly transport: SlackConnection;
  /** Default https://slack.com/api/; a local fake in tests and the demo. */
  readonly slackApiUrl?: string;
  readonly logger?: Logger;
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** How often the Web API client retries a failed call (Bolt's default retries for up to 30 minutes). */
  readonly apiRetries?: number;
}

export interface SlackAppDeps extends UploadDeps, UploadSettings {
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
  /** The single workspace's client; without a token (installed in many workspaces) ask `workspaces`. */
  readonly client: App['client'];
  /** The workspaces answered, each with its own token where the app is installed in many. */
  readonly workspaces: Workspaces;
  readonly logger: Logger;
  /**
   * Checks the bot token with auth.test (throws AppError('config-invalid') naming SLACK_BOT_TOKEN when Slack refuses
   * it), starts listening, and resumes the uploads a stopped process left unanswered. In HTTP mode resolves to the
   * port bound.
   */
  start(): Promise<{ port: number | null }>;
  /**
   * Stops listening, waits up to `graceMs` (default 10 s) for work in hand, and abandons the uploads still running
   * then (they resume at the next start); resolves to what it abandoned.
   */
  stop(graceMs?: number): Promise<string[]>;
  /** Resolves once no listener and no upload is running. */
  idle(): Promise<void>;
}

const LOG_LEVELS = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR } as const;

function createReceiver(
  options: SlackAppOptions,
  installationStore: InstallationStore | null,
  appLogger: () => Logger,
) {
  const { transport, logger, oauth } = options;
  if (transport.mode === 'socket') {
    if (oauth) throw new AppError('config-invalid', 'Installing in many workspaces needs SLACK_MODE=http.', {});
    return new SocketModeReceiver({ appToken: transport.appToken, ...(logger ? { logger } : {}) });
  }
  const receiver = new HTTPReceiver({
    signingSecret: transport.signingSecret,
    ...(logger ? { logger } : {}),
    ...(oauth && installationStore
      ? {
          clientId: oauth.clientId,
          clientSecret: oauth.clientSecret,
          stateSecret: oauth.stateSecret,
          scopes: [...oauth.scopes],
          installationStore,
          ...(oauth.redirectUri ? { redirectUri: oauth.redirectUri } : {}),
          installerOptions: {
            installPath: OAUTH_PATHS.install,
            redirectUriPath: OAUTH_PATHS.redirect,
            ...(oauth.authorizationUrl ? { authorizationUrl: oauth.authorizationUrl } : {}),
            // oauth.v2.access and the installer's auth.test go where the rest of the Web API does.
            ...(options.slackApiUrl ? { clientOptions: { slackApiUrl: options.slackApiUrl } } : {}),
            callbackOptions: {
              afterInstallation: refuseOrgWideInstalls({
                logger: appLogger,
                ...(options.slackApiUrl ? { clientOptions: { slackApiUrl: options.slackApiUrl } } : {}),
              }),
            },
          },
        }
      : {}),
  });
  guardRequestBodies(receiver);
  return receiver;
}

const STOP_GRACE_MS = 10_000;

export function createSlackApp(options: SlackAppOptions, deps: SlackAppDeps): SlackApp {
  const installationStore = options.oauth ? createInstallationStore(deps.store, deps.now) : null;
  const receiver = createReceiver(options, installationStore, () => app.logger);
  acknowledgeAfterListeners(receiver, EVENTS_ACKNOWLEDGED_WHEN_CLAIMED, (error) =>
    app.logger.debug('an event was acknowledged after the receiver had answered it', error),
  );
  const app = new App({
    // Installed in many workspaces, Bolt's installer finds each request's token (authorize) instead.
    ...(options.botToken !== null ? { token: options.botToken } : {}),
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

  let botUserId: string | null = null;
  let tokenTeamId: string | null = null;
  const clientOptions = {
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    ...(options.apiRetries !== undefined ? { retryConfig: { retries: options.apiRetries } } : {}),
    logger: app.logger,
  };
  const workspaces =
    options.botToken === null
      ? installedWorkspaces({ store: deps.store, logger: app.logger, clientOptions })
      : singleWorkspace({
          client: app.client,
          botToken: options.botToken,
          botUserId: () => botUserId,
          teamId: () => tokenTeamId,
          store: deps.store,
          logger: app.logger,
        });
  /** The uploads in hand of each workspace, made when it first shares a file (or has one to resume). */
  const runners = new Map<string, UploadRunner>();
  const uploadsOf = (workspace: Workspace): UploadRunner => {
    const key = workspace.teamId ?? '';
    let runner = runners.get(key);
    if (!runner) {
      runner = createUploadRunner({ ...deps, ...workspace, logger: app.logger });
      runners.set(key, runner);
    }
    return runner;
  };
  registerFileSharedEvents(app, async (teamId) => uploadsOf(await workspaces.of(teamId)));
  const turns = createAnswerTurns();
  registerSharesCommand(app, { ...deps, workspaces }, turns);
  registerCardActions(app, { ...deps, workspaces }, turns);
  registerLinkShared(app, deps);

  /** At start, every upload a stopped process left unanswered, in the workspace it was shared in. */
  const resumeUnfinished = async () => {
    const unfinished = await deps.store.unfinishedSlackUploads();
    const teams = new Set(unfinished.map((upload) => upload.teamId ?? null));
    for (const teamId of teams) {
      if (workspaces.many && teamId === null) {
        app.logger.warn('an upload from before the app was installed in many workspaces is not resumed');
        continue;
      }
      await uploadsOf(await workspaces.of(teamId)).resumeUnfinished();
    }
  };

  const idle = async () => {
    // Let work that a request has just started register itself before looking.
    await new Promise((resolve) => setImmediate(resolve));
    while (running.size > 0) {
      await Promise.allSettled([...running]);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all([...runners.values()].map((runner) => runner.idle()));
  };

  return {
    client: app.client,
    logger: app.logger,
    workspaces,
    async start() {
      if (!workspaces.many) {
        ({ userId: botUserId, teamId: tokenTeamId } = await verifyBotToken(app.client));
        if (tokenTeamId) await adoptTokenWorkspace(deps.store, tokenTeamId, app.logger);
      }
      await prepareAnswers(deps);
      let port: number | null = null;
      if (options.transport.mode === 'socket') {
        await app.start();
      } else {
        const { port: listenPort, host } = options.transport;
        const address = (await app.start({ port: listenPort, ...(host ? { host } : {}) })).address();
        port = typeof address === 'object' && address ? address.port : null;
      }
      await resumeUnfinished();
      return { port };
    },
    async stop(graceMs = STOP_GRACE_MS) {
      const started = Date.now();
      await app.stop().catch((error) => app.logger.warn('the Slack receiver did not stop cleanly', error));
      const settled = Promise.allSettled([...running]);
      await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
      const left = Math.max(0, graceMs - (Date.now() - started));
      return (await Promise.all([...runners.values()].map((runner) => runner.stop(left)))).flat();
    },
    idle,
  };
}

/**
 * Checks a bot token before anything slow starts (the store, the reader threads): a refused token stops start-up at
 * once, naming SLACK_BOT_TOKEN.
 */
export async function checkBotToken(botToken: string, slackApiUrl?: string): Promise<void> {
  const client = new webApi.WebClient(botToken, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
  });
  await verifyBotToken(client as unknown as App['client']);
}

/**
 * The bot's user id and its workspace's team id, if Slack accepts the token; a refused token is a setting to fix,
 * named as such.
 */
async function verifyBotToken(client: App['client']): Promise<{ userId: string | null; teamId: string | null }> {
  try {
    const auth = await client.auth.test();
    return { userId: auth.user_id ?? null, teamId: auth.team_id ?? null };
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code === 'invalid_auth' || code === 'not_authed' || code === 'account_inactive' || code === 'token_revoked') {
      throw new AppError(
        'config-invalid',
        `SLACK_BOT_TOKEN was refused by Slack (${code}): copy the Bot User OAuth Token (xoxb-…) again from OAuth & Permissions`,
        { keys: 'SLACK_BOT_TOKEN', slackError: code },
        { cause: error },
      );
    }
    throw new AppError(
      'slack-failure',
      `Slack could not check the bot token (auth.test): ${code ?? String(error)}`,
      {},
      { cause: error },
    );
  }
}
