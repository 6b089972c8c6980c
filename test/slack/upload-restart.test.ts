/**
 * The bot as `npm start` runs it (dist/main.js, HTTP mode, its reader threads, the real store), SIGKILLed with
 * uploads in flight and started again, twenty times: every upload is answered exactly once and stored once. The
 * kills land on events, not on times: while a download is under way, as the fake Slack receives the answer to an
 * upload (before it replies, so the bot never learns the post went through), and as a reading reaction arrives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inWorkspace } from '../../src/store/in-workspace.js';
import { openFilingStore } from '../../src/store/index.js';
import {
  freePort,
  httpBotEnv,
  postFileShared,
  type SpawnedBot,
  spawnBot,
  waitUntilListening,
} from '../helpers/bot-process.js';
import { type FakeSlack, type RecordedCall, startFakeSlack } from '../helpers/fake-slack.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'fixtures');
const SECRET = 'restart-secret';
const ROUNDS = 20;
const PER_ROUND = 2;
/**
 * The test's own bound, so the suite never waits on a bot that stopped answering: each round must be answered
 * within ROUND_MS, and the whole within the timeout. Bounds, not speed targets: a loaded machine takes 50-160 s.
 */
const ROUND_MS = 60_000;
const TIMEOUT_MS = 400_000;

// Returns filed under a stock code (an HDR-only return has none); each upload is a copy with its own bytes.
const originals = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.pdf') && !name.includes('hdr'))
  .sort()
  .map((name) => ({ name, bytes: readFileSync(path.join(FIXTURES, name)) }));

let fakeSlack: FakeSlack;
let dataDir: string;
let cwd: string;
let port: number;
let bot: SpawnedBot | null = null;

function startBot() {
  bot = spawnBot(httpBotEnv(fakeSlack, { port, dataDir, secret: SECRET }), cwd);
  return bot;
}

async function startAndWait() {
  const started = startBot();
  await waitUntilListening(fakeSlack, started, port);
  return started;
}

/** Sends the event; false when the bot gave no 2xx (Slack then delivers it again, with X-Slack-Retry-Num). */
async function share(fileId: string, channel: string, ts: string, retryNum = 0): Promise<boolean> {
  const response = await postFileShared(fakeSlack, { port, secret: SECRET }, { fileId, channel, ts, retryNum });
  return response?.ok ?? false;
}

const answersIn = (thread: string) =>
  fakeSlack.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C1' && c.body.thread_ts === thread);

beforeAll(async () => {
  fakeSlack = await startFakeSlack();
  dataDir = await mkdtemp(path.join(tmpdir(), 'hkex-shares-restart-'));
  cwd = await mkdtemp(path.join(tmpdir(), 'hkex-shares-cwd-'));
  port = await freePort();
});

afterAll(async () => {
  bot?.child.kill('SIGKILL');
  await bot?.exited;
  await fakeSlack.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(cwd, { recursive: true, force: true });
});

describe('a bot killed with uploads in flight', () => {
  // An event is acknowledged only once its claim is in the store, so a kill before the claim leaves it
  // unacknowledged (Slack delivers it again) and a kill after it leaves a claim the next start resumes.
  it(`answers every upload exactly once and stores it once, over ${ROUNDS} kills`, {
    timeout: TIMEOUT_MS,
  }, async () => {
    const threads: string[] = [];
    let running = await startAndWait();
    for (let round = 0; round < ROUNDS; round++) {
      const files = Array.from({ length: PER_ROUND }, (_, i) => {
        const original = originals[(round * PER_ROUND + i) % originals.length];
        if (!original) throw new Error('no fixture PDFs');
        const bytes = Buffer.concat([original.bytes, Buffer.from(`\n% upload ${round}-${i}\n`)]);
        const file = fakeSlack.addFile({ name: original.name, bytes });
        const ts = `1700020000.${String(round * 10 + i).padStart(6, '0')}`;
        fakeSlack.addShare(file.id, { channel: 'C1', ts });
        threads.push(ts);
        return { file, ts };
      });
      const target = files[round % PER_ROUND];
      if (!target) throw new Error('no upload to aim at');
      const killed = new Promise<void>((resolve) => {
        const victim = running.child;
        const kill = () => {
          fakeSlack.onCall = null;
          victim.kill('SIGKILL');
          resolve();
        };
        const when: Record<number, (call: RecordedCall) => boolean> = {
          // As the answer reaches Slack: the bot never hears that it went.
          1: (call) => call.method === 'chat.postMessage' && call.body.thread_ts === target.ts,
          // As the reading reaction arrives: claimed, nothing read yet.
          2: (call) => call.method === 'reactions.add' && call.body.timestamp === target.ts,
        };
        const kind = round % 3;
        if (kind === 0) void fakeSlack.downloadStarted(target.file.id).then(kill);
        else
          fakeSlack.onCall = (call) => {
            if (when[kind]?.(call)) kill();
          };
      });
      const delivered = await Promise.all(files.map(({ file, ts }) => share(file.id, 'C1', ts)));
      await killed;
      await running.exited;
      running = await startAndWait();
      // What the killed bot never acknowledged, Slack delivers again.
      await Promise.all(files.map(({ file, ts }, i) => (delivered[i] ? true : share(file.id, 'C1', ts, 1))));
      await fakeSlack
        .waitFor(() => threads.every((ts) => answersIn(ts).length > 0), ROUND_MS)
        .catch((error) => {
          const missing = threads.filter((ts) => answersIn(ts).length === 0);
          throw new Error(`round ${round}: no answer in ${missing.join(', ')}\n${running.output().slice(-3000)}`, {
            cause: error,
          });
        });
    }
    running.child.kill('SIGTERM');
    expect(await running.exited, running.output().slice(-4000)).toBe(0);

    expect(threads.map((ts) => answersIn(ts).length)).toEqual(threads.map(() => 1));
    const store = await openFilingStore({ dir: dataDir });
    try {
      expect(await store.unfinishedSlackUploads()).toEqual([]);
      // Read in a channel of the bot token's workspace: that workspace's returns.
      const seen = inWorkspace(store, fakeSlack.teamId);
      // Every return once: copies of one return are the same return, and a resubmission is the one other.
      expect(await seen.submissions('02288', '2025-03')).toHaveLength(2);
      expect(await seen.submissions('00020', '2023-11')).toHaveLength(1);
      const issuers = await seen.listIssuers();
      expect(issuers.reduce((n, issuer) => n + issuer.returnsHeld, 0)).toBe(originals.length - 1);
    } finally {
      await store.close();
    }
  });
});
