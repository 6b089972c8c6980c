/**
 * The bot as `npm start` runs it (dist/main.js, HTTP mode) in its own process over a data folder, against a fake
 * Slack: for the findings that were about the real process (an event loop held, an ack late). `npm run build` first.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import type { FakeSlack } from './fake-slack.js';
import { fileSharedEvent, signSlackRequest } from './slack-harness.js';

const MAIN = path.resolve(import.meta.dirname, '../../dist/main.js');
const SECRET = 'bot-process-secret';

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

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startBotProcess(fakeSlack: FakeSlack, dataDir: string): Promise<BotProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: dataDir,
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: fakeSlack.botToken,
      SLACK_MODE: 'http',
      SLACK_SIGNING_SECRET: SECRET,
      PORT: String(port),
      SLACK_API_URL: fakeSlack.apiUrl,
      SLACK_FILE_HOSTS: fakeSlack.url,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: unknown) => {
    output += String(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  await fakeSlack.waitFor(() => {
    if (child.exitCode !== null) throw new Error(`the bot exited: ${output}`);
    return output.includes(`listening for Slack on port ${port}`);
  }, 30_000);

  return {
    child,
    async sendCommand(text) {
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
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...signSlackRequest(SECRET, body) },
        body,
      });
      await response.text();
      return { status: response.status, ackedAt: performance.now(), responseUrl };
    },
    async shareFile(fileId, channel, ts) {
      const body = JSON.stringify({
        type: 'event_callback',
        team_id: fakeSlack.teamId,
        api_app_id: 'A0001',
        event_id: `Ev-${fileId}`,
        event_time: Math.floor(Date.now() / 1000),
        event: fileSharedEvent(fileId, channel, 'U0001', ts),
      });
      const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signSlackRequest(SECRET, body) },
        body,
      });
      await response.text();
      return response.status;
    },
    output: () => output,
    async answerTo(responseUrl) {
      const call = await fakeSlack.waitFor(() => fakeSlack.calls.find((c) => c.url === responseUrl), 60_000);
      return String(call.body.text);
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
