/**
 * The bot as `npm start` runs it (dist/main.js, HTTP mode) in its own process over a data folder, against a fake
 * Slack: for the findings that were about the real process (an event loop held, an ack late, a crash, a setting
 * refused). `npm run build` first.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import type { FakeSlack } from './fake-slack.js';
import { fileSharedEvent, signSlackRequest } from './slack-harness.js';

const MAIN = path.resolve(import.meta.dirname, '../../dist/main.js');
const SECRET = 'bot-process-secret';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface SpawnedBot {
  readonly child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
  /** Its exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

/** dist/main.js with exactly `env` (and PATH): nothing of the developer's environment or .env reaches it. */
export function spawnBot(env: Record<string, string>, cwd: string): SpawnedBot {
  const child = spawn(process.execPath, [MAIN], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: unknown) => {
    output += String(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => {
      // A death by signal leaves no line of its own: say which, so a failing assertion shows it beside the output.
      if (signal) output += `\n[the bot was ended by ${signal}]\n`;
      resolve(code);
    }),
  );
  return { child, output: () => output, exited };
}

/** The settings of an HTTP-mode bot on `port` against `fakeSlack`, downloading files from it. */
export function httpBotEnv(
  fakeSlack: FakeSlack,
  { port, dataDir, secret }: { port: number; dataDir: string; secret: string },
): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: fakeSlack.botToken,
    SLACK_MODE: 'http',
    SLACK_SIGNING_SECRET: secret,
    PORT: String(port),
    SLACK_API_URL: fakeSlack.apiUrl,
    SLACK_FILE_HOSTS: fakeSlack.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
  };
}

/** Resolves once the bot says it listens on `port`; fails at once if it exits first. */
export async function waitUntilListening(fakeSlack: FakeSlack, bot: SpawnedBot, port: number): Promise<void> {
  await fakeSlack.waitFor(() => {
    if (bot.child.exitCode !== null) throw new Error(`the bot exited: ${bot.output()}`);
    return bot.output().includes(`listening for Slack on port ${port}`);
  }, 30_000);
}

/** Posts `/shares <text>` to the bot on `port`, signed with `secret` as Slack signs it; resolves at the ack. */
export async function postSharesCommand(
  fakeSlack: FakeSlack,
  { port, secret }: { port: number; secret: string },
  text: string,
): Promise<{ status: number; responseUrl: string }> {
  const responseUrl = fakeSlack.responseUrl();
  const body = new URLSearchParams({
    command: '/shares',
    text,
    user_id: 'U1',
    channel_id: 'C1',
    team_id: 'T0001',
    response_url: responseUrl,
  }).toString();
  const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...signSlackRequest(secret, body) },
    body,
  });
  await response.text();
  return { status: response.status, responseUrl };
}

/**
 * Posts the `file_shared` event of a file the fake Slack holds to the bot on `port`, signed with `secret`; with
 * `retryNum`, as Slack's redelivery (X-Slack-Retry-Num). Resolves with the response, or null when the bot was not
 * there to answer.
 */
export async function postFileShared(
  fakeSlack: FakeSlack,
  { port, secret }: { port: number; secret: string },
  { fileId, channel, ts, retryNum = 0 }: { fileId: string; channel: string; ts: string; retryNum?: number },
): Promise<Response | null> {
  const body = JSON.stringify({
    type: 'event_callback',
    team_id: fakeSlack.teamId,
    api_app_id: 'A0001',
    event_id: `Ev-${fileId}`,
    event_time: Math.floor(Date.now() / 1000),
    event: fileSharedEvent(fileId, channel, 'U0001', ts),
  });
  const retry: Record<string, string> =
    retryNum > 0 ? { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_error' } : {};
  const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signSlackRequest(secret, body), ...retry },
    body,
  }).catch(() => null);
  await response?.text();
  return response;
}

export interface RunningBot {
  readonly bot: SpawnedBot;
  readonly port: number;
}

/** A bot in HTTP mode on a port of its own over `dataDir`, with `env` added (DATABASE_URL, say); once it listens. */
export async function startHttpBot(
  fakeSlack: FakeSlack,
  { dataDir, secret, env = {} }: { dataDir: string; secret: string; env?: Record<string, string> },
): Promise<RunningBot> {
  const port = await freePort();
  const bot = spawnBot({ ...httpBotEnv(fakeSlack, { port, dataDir, secret }), ...env }, dataDir);
  await waitUntilListening(fakeSlack, bot, port);
  return { bot, port };
}

/** Ends each bot with SIGKILL, resolving once all have exited. */
export async function killBots(bots: readonly RunningBot[]): Promise<void> {
  for (const { bot } of bots) bot.child.kill('SIGKILL');
  await Promise.all(bots.map(({ bot }) => bot.exited));
}

export interface BotProcess {
  readonly child: ChildProcess;
  /** Posts `/shares <text>` signed as Slack signs it; resolves at the acknowledgement, with its time. */
  sendCommand(text: string): Promise<{ status: number; ackedAt: number; responseUrl: string }>;
  /** Sends the `file_shared` event of a file the fake Slack holds, signed; resolves with the HTTP status. */
  shareFile(fileId: string, channel: string, ts: string): Promise<number>;
  /** What the bot has written to its standard output and error so far. */
  output(): string;
  /** The text of the answer posted to a command's response URL. */
  answerTo(responseUrl: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startBotProcess(fakeSlack: FakeSlack, dataDir: string): Promise<BotProcess> {
  const port = await freePort();
  const bot = spawnBot(httpBotEnv(fakeSlack, { port, dataDir, secret: SECRET }), dataDir);
  await waitUntilListening(fakeSlack, bot, port);
  return {
    child: bot.child,
    async sendCommand(text) {
      const sent = await postSharesCommand(fakeSlack, { port, secret: SECRET }, text);
      return { ...sent, ackedAt: performance.now() };
    },
    async shareFile(fileId, channel, ts) {
      const response = await postFileShared(fakeSlack, { port, secret: SECRET }, { fileId, channel, ts });
      return response?.status ?? 0;
    },
    output: bot.output,
    async answerTo(responseUrl) {
      const call = await fakeSlack.waitFor(() => fakeSlack.calls.find((c) => c.url === responseUrl), 60_000);
      return String(call.body.text);
    },
    async stop() {
      if (bot.child.exitCode !== null) return;
      bot.child.kill('SIGTERM');
      await bot.exited;
    },
  };
}
