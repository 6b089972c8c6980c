/**
 * The real app over real HTTP on 127.0.0.1, talking to a fake Slack Web API, with requests signed the way Slack signs
 * them. Every part can be overridden (store, clock, ingest, secrets), so that any feature can be tested end to end:
 *
 *   const t = await startTestApp();
 *   await t.sendCommand('00020 history');
 *   t.responses()  // what the bot answered
 *   await t.close();
 */
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KnownBlock } from '@slack/types';
import { createHkexnewsClient, type HkexnewsClientOptions } from '../../src/hkexnews/hkexnews-client.js';
import { DEFAULT_EXTRACT_LIMITS, type ExtractLimits } from '../../src/pdf/extract-text.js';
import { type LookUp, lookUpOnHkexnews } from '../../src/services/fetch-on-demand.js';
import { type IngestDeps, type IngestInput, ingestFiling } from '../../src/services/ingest-filing.js';
import { createHkexnewsUnfurl } from '../../src/services/unfurl-hkexnews.js';
import { type Logger, LogLevel } from '../../src/slack/bolt.js';
import { createSlackApp, type SlackApp } from '../../src/slack/create-app.js';
import type { FilingStore, SaveResult } from '../../src/store/filing-store.js';
import { inWorkspace } from '../../src/store/in-workspace.js';
import { openFilingStore } from '../../src/store/index.js';
import {
  type FakeFileInput,
  type FakeFileObject,
  type FakeSlack,
  type RecordedCall,
  startFakeSlack,
} from './fake-slack.js';
import { renderPlainText } from './plain-text.js';

export interface TestAppOptions {
  /** Defaults to the real (lowdb) store in a temporary folder, removed on close. */
  readonly store?: FilingStore;
  readonly now?: () => Date;
  /** Defaults to the real `ingestFiling` over `store`. */
  readonly ingest?: (input: IngestInput) => Promise<SaveResult>;
  /** How the real ingest reads a PDF: on this thread unless given (the app itself reads on worker threads). */
  readonly read?: IngestDeps['read'];
  readonly limits?: ExtractLimits;
  readonly signingSecret?: string;
  readonly botToken?: string;
  /** Origins the bot token may be sent to; defaults to the fake Slack's own. */
  readonly allowedOrigins?: readonly string[];
  /** Print the app's log lines (they are always recorded in `logs`). */
  readonly printLogs?: boolean;
  /** Download limits; 60 s in all and 15 s without a byte by default, as in the app. */
  readonly download?: { readonly timeoutMs: number; readonly stallMs: number };
  readonly leaseMs?: number;
  /** Where `/shares` looks up codes nobody shared (the fake HKEXnews); no look-ups when absent. */
  readonly hkexnewsUrl?: string;
  /** The HKEXnews client's time limit and retries, where a test cannot wait for the real ones. */
  readonly hkexnewsClient?: Pick<HkexnewsClientOptions, 'timeoutMs' | 'retries' | 'backoffMs'>;
  /**
   * Installed in many workspaces through the OAuth flow (no bot token): the install page and redirect on the
   * app's port, the fake Slack's authorize page and oauth.v2.access (TEST_OAUTH's credentials).
   */
  readonly oauth?: boolean;
  /** A fake Slack to share with another app (a restart on the same store): closed by its owner, not by this app. */
  readonly fakeSlack?: FakeSlack;
}

/** The app's OAuth credentials in tests, as the fake Slack's oauth.v2.access knows them. */
export const TEST_OAUTH = { clientId: '1111.2222', clientSecret: 'test-client-secret', stateSecret: 'test-state' };

export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly text: string;
}

export interface SentRequest {
  readonly status: number;
  readonly body: string;
}

export interface UploadOptions {
  /** The workspace it happens in (team id); the fake Slack's default one unless given. */
  readonly team?: string;
  readonly channel?: string;
  readonly user?: string;
  readonly threadTs?: string;
  readonly retryNum?: number;
  /** The ts of the sharing message; a fresh one by default. */
  readonly ts?: string;
}

export interface CommandOptions {
  /** The workspace it happens in (team id); the fake Slack's default one unless given. */
  readonly team?: string;
  readonly channel?: string;
  readonly user?: string;
}

export interface ButtonClick {
  /** The workspace it happens in (team id); the fake Slack's default one unless given. */
  readonly team?: string;
  readonly actionId: string;
  readonly value: string;
  readonly channel?: string;
  readonly user?: string;
  /** The message the button sits in, as Slack sends it back. */
  readonly messageTs?: string;
  /** That message is a reply in this thread (Slack's `container.thread_ts` and `message.thread_ts`). */
  readonly threadTs?: string;
  /** That message is one only the clicker sees (`container.is_ephemeral`; Slack then sends no `message`). */
  readonly ephemeral?: boolean;
}

/** What the bot said: a message posted or updated, an ephemeral, or an answer through a response URL. */
export interface BotMessage {
  readonly via: string;
  readonly channel: string | null;
  readonly ts: string | null;
  readonly threadTs: string | null;
  readonly responseType: string | null;
  readonly text: string;
  readonly blocks: KnownBlock[];
  /** The blocks as a reader sees them. */
  readonly plain: string;
  /** A later call replaced (chat.update) or deleted (chat.delete) this message. */
  readonly superseded: boolean;
}

export interface TestApp {
  readonly appUrl: string;
  readonly fakeSlack: FakeSlack;
  /**
   * The app's store as its single token's workspace (the fake Slack's) sees it, which stamps what it saves with
   * that workspace; the whole store where the app is installed in many (`oauth`).
   */
  readonly store: FilingStore;
  readonly app: SlackApp;
  readonly logs: LogLine[];
  readonly signingSecret: string;
  /** The app's own origin (http://127.0.0.1:port): its install page is `${origin}/slack/install`. */
  readonly origin: string;
  /** Posts a raw body to the app; signed unless `signature` is given. */
  post(body: string, contentType: string, headers?: Record<string, string>): Promise<SentRequest>;
  sendEvent(
    event: Record<string, unknown>,
    options?: { retryNum?: number; eventId?: string; team?: string },
  ): Promise<SentRequest>;
  /** Shares a file in a conversation: registers the file and its share with the fake Slack, sends `file_shared`. */
  uploadFile(
    file: FakeFileInput,
    options?: UploadOptions,
  ): Promise<{ file: FakeFileObject; request: SentRequest; event: Record<string, unknown> }>;
  sendCommand(text: string, options?: CommandOptions): Promise<SentRequest & { responseUrl: string }>;
  clickButton(click: ButtonClick): Promise<SentRequest & { responseUrl: string }>;
  /** Everything the bot said, in order. */
  botMessages(): BotMessage[];
  /** Waits until the app has finished all work it acknowledged. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** The real store in a fresh temporary folder; `remove` closes it and deletes the folder. */
export async function openTempFilingStore(): Promise<{ store: FilingStore; dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hkex-shares-test-'));
  const store = await openFilingStore({ dir, durable: false });
  return {
    store,
    dir,
    async remove() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The `file_shared` event as Slack sends it: ids only. */
export function fileSharedEvent(fileId: string, channel: string, user: string, ts: string): Record<string, unknown> {
  return {
    type: 'file_shared',
    channel_id: channel,
    file_id: fileId,
    user_id: user,
    file: { id: fileId },
    event_ts: ts,
  };
}

export function signSlackRequest(signingSecret: string, body: string, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-signature': signature, 'x-slack-request-timestamp': String(timestamp) };
}

function createRecordingLogger(logs: LogLine[], print: boolean): Logger {
  let level = LogLevel.DEBUG;
  const record =
    (lineLevel: LogLine['level']) =>
    (...parts: unknown[]) => {
      const text = parts.map((p) => (p instanceof Error ? (p.stack ?? p.message) : String(p))).join(' ');
      logs.push({ level: lineLevel, text });
      if (print) console.log(`[${lineLevel}] ${text}`);
    };
  return {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

function toBotMessage(call: RecordedCall, index: number, calls: readonly RecordedCall[]): BotMessage | null {
  const body = call.body;
  const via = call.method;
  if (!['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'response_url'].includes(via)) return null;
  if (via === 'response_url' && body.delete_original) return null;
  const text = typeof body.text === 'string' ? body.text : '';
  const blocks = Array.isArray(body.blocks) ? (body.blocks as KnownBlock[]) : [];
  const channel = typeof body.channel === 'string' ? body.channel : null;
  const ts = typeof body.ts === 'string' ? body.ts : typeof call.response?.ts === 'string' ? call.response.ts : null;
  const superseded =
    ts !== null &&
    calls
      .slice(index + 1)
      .some(
        (later) =>
          ['chat.update', 'chat.delete'].includes(later.method) &&
          later.body.ts === ts &&
          later.body.channel === channel,
      );
  return {
    via,
    channel,
    ts,
    threadTs: typeof body.thread_ts === 'string' ? body.thread_ts : null,
    responseType: typeof body.response_type === 'string' ? body.response_type : null,
    text,
    blocks,
    plain: renderPlainText({ text, blocks }),
    superseded,
  };
}

/** Sends `/shares <text>`, waits for the work it set off, and returns what was posted to its response URL, in order. */
export async function askShares(app: TestApp, text: string, options?: CommandOptions) {
  const sent = await app.sendCommand(text, options);
  if (sent.status !== 200) throw new Error(`/shares ${text} was answered ${sent.status}`);
  await app.idle();
  return app.fakeSlack.callsTo('response_url').filter((c) => c.url === sent.responseUrl);
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const fakeSlack =
    options.fakeSlack ??
    (await startFakeSlack({
      botToken: options.botToken,
      oauthClient: { id: TEST_OAUTH.clientId, secret: TEST_OAUTH.clientSecret },
    }));
  const { store, remove: removeStore } = options.store
    ? { store: options.store, remove: async () => {} }
    : await openTempFilingStore();
  const now = options.now ?? (() => new Date());
  const limits = options.limits ?? DEFAULT_EXTRACT_LIMITS;
  const signingSecret = options.signingSecret ?? 'test-signing-secret';
  const logs: LogLine[] = [];
  const logger = createRecordingLogger(logs, options.printLogs ?? false);
  const ingest =
    options.ingest ?? ((input: IngestInput) => ingestFiling({ store, now, limits, read: options.read }, input));

  const hkexnews = options.hkexnewsUrl
    ? {
        store,
        now,
        limits,
        read: options.read,
        client: createHkexnewsClient({
          baseUrl: options.hkexnewsUrl,
          maxBytes: limits.maxBytes,
          ...options.hkexnewsClient,
        }),
      }
    : null;
  const app = createSlackApp(
    {
      botToken: options.oauth ? null : fakeSlack.botToken,
      ...(options.oauth
        ? {
            oauth: {
              ...TEST_OAUTH,
              scopes: ['commands', 'chat:write', 'files:read'],
              authorizationUrl: `${fakeSlack.url}/oauth/v2/authorize`,
            },
          }
        : {}),
      transport: { mode: 'http', signingSecret, port: 0, host: '127.0.0.1' },
      slackApiUrl: fakeSlack.apiUrl,
      logger,
      apiRetries: 0,
    },
    {
      store,
      now,
      ingest,
      download: {
        allowedOrigins: options.allowedOrigins ?? [fakeSlack.url],
        maxBytes: limits.maxBytes,
        ...(options.download ?? { timeoutMs: 60_000, stallMs: 15_000 }),
      },
      leaseMs: options.leaseMs ?? 120_000,
      ...(hkexnews
        ? {
            lookUpOnHkexnews: (lookUp: LookUp) => lookUpOnHkexnews(hkexnews, lookUp),
            unfurlHkexnewsLink: createHkexnewsUnfurl(hkexnews),
          }
        : {}),
    },
  );
  const { port } = await app.start();
  const origin = `http://127.0.0.1:${port}`;
  const appUrl = `${origin}/slack/events`;
  fakeSlack.oauthRedirectUrl = `${origin}/slack/oauth_redirect`;

  async function post(body: string, contentType: string, headers: Record<string, string> = {}): Promise<SentRequest> {
    const signed = 'x-slack-signature' in headers ? {} : signSlackRequest(signingSecret, body);
    const response = await fetch(appUrl, {
      method: 'POST',
      headers: { 'content-type': contentType, ...signed, ...headers },
      body,
    });
    return { status: response.status, body: await response.text() };
  }

  async function sendEvent(
    event: Record<string, unknown>,
    sendOptions: { retryNum?: number; eventId?: string; team?: string } = {},
  ) {
    const envelope = {
      token: 'unused',
      team_id: sendOptions.team ?? fakeSlack.teamId,
      api_app_id: 'A0001',
      type: 'event_callback',
      event_id: sendOptions.eventId ?? `Ev${randomUUID().slice(0, 8)}`,
      event_time: Math.floor(Date.now() / 1000),
      event,
    };
    const headers: Record<string, string> =
      sendOptions.retryNum === undefined
        ? {}
        : { 'x-slack-retry-num': String(sendOptions.retryNum), 'x-slack-retry-reason': 'http_timeout' };
    return post(JSON.stringify(envelope), 'application/json', headers);
  }

  return {
    appUrl,
    fakeSlack,
    store: options.oauth ? store : inWorkspace(store, fakeSlack.teamId),
    app,
    logs,
    signingSecret,
    origin,
    post,
    sendEvent,
    async uploadFile(input, upload = {}) {
      const file = fakeSlack.addFile(input);
      const ts = upload.ts ?? `1700001000.${String(fakeSlack.calls.length).padStart(6, '0')}`;
      const channel = upload.channel ?? 'C0001';
      fakeSlack.addShare(file.id, { channel, ts, ...(upload.threadTs ? { threadTs: upload.threadTs } : {}) });
      const event = fileSharedEvent(file.id, channel, upload.user ?? 'U0001', ts);
      const request = await sendEvent(event, {
        retryNum: upload.retryNum,
        eventId: `Ev-${file.id}`,
        ...(upload.team ? { team: upload.team } : {}),
      });
      return { file, request, event };
    },
    async sendCommand(text, command = {}) {
      const responseUrl = fakeSlack.responseUrl();
      const body = new URLSearchParams({
        token: 'unused',
        team_id: command.team ?? fakeSlack.teamId,
        team_domain: 'example',
        channel_id: command.channel ?? 'C0001',
        channel_name: 'filings',
        user_id: command.user ?? 'U0001',
        user_name: 'analyst',
        command: '/shares',
        text,
        api_app_id: 'A0001',
        response_url: responseUrl,
        trigger_id: `trigger-${randomUUID()}`,
      }).toString();
      const request = await post(body, 'application/x-www-form-urlencoded');
      return { ...request, responseUrl };
    },
    async clickButton(click) {
      const responseUrl = fakeSlack.responseUrl();
      const messageTs = click.messageTs ?? '1700000000.000001';
      const channel = click.channel ?? 'C0001';
      const payload = {
        type: 'block_actions',
        team: { id: click.team ?? fakeSlack.teamId, domain: 'example' },
        user: { id: click.user ?? 'U0001', username: 'analyst', team_id: click.team ?? fakeSlack.teamId },
        api_app_id: 'A0001',
        token: 'unused',
        container: {
          type: 'message',
          message_ts: messageTs,
          channel_id: channel,
          is_ephemeral: click.ephemeral ?? false,
          ...(click.threadTs ? { thread_ts: click.threadTs } : {}),
        },
        ...(click.ephemeral
          ? {}
          : { message: { type: 'message', ts: messageTs, ...(click.threadTs ? { thread_ts: click.threadTs } : {}) } }),
        trigger_id: `trigger-${randomUUID()}`,
        channel: { id: channel, name: 'filings' },
        response_url: responseUrl,
        actions: [
          {
            type: 'button',
            action_id: click.actionId,
            block_id: 'card',
            text: { type: 'plain_text', text: 'button' },
            value: click.value,
            action_ts: String(Date.now() / 1000),
          },
        ],
      };
      const request = await post(
        new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
        'application/x-www-form-urlencoded',
      );
      return { ...request, responseUrl };
    },
    botMessages: () =>
      fakeSlack.calls.map((call, i, calls) => toBotMessage(call, i, calls)).filter((m): m is BotMessage => m !== null),
    idle: () => app.idle(),
    async close() {
      await app.stop();
      if (!options.fakeSlack) await fakeSlack.close();
      await removeStore();
      // Every test and demo run that sent a message Slack would refuse fails here, naming the limit.
      if (fakeSlack.limitProblems.length > 0) {
        throw new Error(`payloads Slack would refuse:\n${fakeSlack.limitProblems.join('\n')}`);
      }
    },
  };
}
