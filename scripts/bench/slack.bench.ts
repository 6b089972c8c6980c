/**
 * The Slack app with 100,000 returns in the store (built by the store bench's generator): the time from a
 * `file_share` event to the card in the thread, and how fast `/shares` is acknowledged (Slack gives up at 3 s).
 * The app runs over HTTP on 127.0.0.1 against the local fake Slack, which answers in about a millisecond: the times
 * are the app's own, Slack's latency excluded.
 *
 * `npm run bench -- slack`, or `tsx scripts/bench/slack.bench.ts [returns]` for another store size.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createReadPool } from '../../src/services/ingest-worker-pool.js';
import { openFilingStore } from '../../src/store/index.js';
import { signSlackRequest, startTestApp, type TestApp } from '../../test/helpers/slack-harness.js';

const RETURNS = Number((isMainThread && process.argv[2]) || 100_000);
const TARGET = { cardP50: 500, ackP99: 50 };
const UPLOADS = 40;
const COMMANDS = 600;
const BURST = 25;

const ROOT = path.join(import.meta.dirname, '..', '..');
const CORPUS = process.env.HKEX_FILINGS_DIR ?? path.join(ROOT, '..', 'shared', 'filings');

function percentiles(times: number[]): [number, number] {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return [at(0.5), at(0.99)];
}

/** "p50 / p99 ms". */
function milliseconds(times: number[], digits: number): string {
  return `${percentiles(times)
    .map((v) => v.toFixed(digits))
    .join(' / ')} ms`;
}

/** Monthly returns to upload: the real filings of the corpus (its top level), else the bundled fixtures. */
function returnPdfs(): { name: string; bytes: Uint8Array }[] {
  for (const dir of [CORPUS, path.join(ROOT, 'fixtures')]) {
    if (!existsSync(dir)) continue;
    const names = readdirSync(dir).filter((n) => n.endsWith('.pdf') && !/nddr|not-a|corrupt|damaged/i.test(n));
    if (names.length > 0) return names.sort().map((name) => ({ name, bytes: readFileSync(path.join(dir, name)) }));
  }
  throw new Error('no monthly-return PDFs: run `npm run fixtures`, or set HKEX_FILINGS_DIR');
}

/** The same PDF with a comment after %%EOF: readers ignore it, but it is a new file to the store (a new sha256). */
function variant(bytes: Uint8Array, nonce: number): Uint8Array {
  return Buffer.concat([Buffer.from(bytes), Buffer.from(`\n% bench upload ${nonce}\n`)]);
}

function buildStore(dir: string): number {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'store.bench.ts'), 'generate', String(RETURNS), dir],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (run.status !== 0) throw new Error(`building the store failed (exit ${run.status})`);
  return (performance.now() - started) / 1000;
}

/** Uploads a PDF and returns the time from the event to the card, or null when the upload got no card. */
async function uploadToCard(
  t: TestApp,
  pdf: { name: string; bytes: Uint8Array },
  nonce: number,
): Promise<number | null> {
  const calls = t.fakeSlack.calls.length;
  const started = performance.now();
  await t.uploadFile({ name: pdf.name, bytes: variant(pdf.bytes, nonce) });
  await t.idle();
  const card = t.fakeSlack.calls.slice(calls).find((c) => c.method === 'chat.postMessage');
  return card && /: issued /.test(String(card.body.text)) ? card.at - started : null;
}

async function timeUploads(t: TestApp): Promise<number[]> {
  // One pass over every PDF warms the PDF reader up and keeps only those that make a card (the store files a
  // return under a listed stock code, which an HDR-only return lacks).
  const pdfs: { name: string; bytes: Uint8Array }[] = [];
  for (const [i, pdf] of returnPdfs().entries()) {
    if ((await uploadToCard(t, pdf, -1 - i)) !== null) pdfs.push(pdf);
  }
  if (pdfs.length === 0) throw new Error('no PDF made a card');
  const times: number[] = [];
  for (let i = 0; i < UPLOADS; i++) {
    const pdf = pdfs[i % pdfs.length] as (typeof pdfs)[number];
    const time = await uploadToCard(t, pdf, i);
    if (time === null) throw new Error(`no card for ${pdf.name}`);
    times.push(time);
  }
  return times;
}

function commandText(i: number, codes: string[]): string {
  const code = codes[(i * 7919) % codes.length] as string;
  switch (i % 10) {
    case 0:
      return 'pacific dragon';
    case 1:
    case 2:
      return `${code} history`;
    case 3:
      return `${Number(code)} 2023-06`;
    default:
      return code;
  }
}

interface CommandTimes {
  readonly ack: number[];
  readonly answer: number[];
  readonly burstAck: number[];
}

/**
 * `/shares` sent from a worker thread, as Slack sends it from another machine: a client in the app's own thread
 * would only read the ack once the app's event loop is free, and so would time the work done after the ack too.
 */
async function timeCommands(t: TestApp): Promise<CommandTimes> {
  const codes = (await t.store.listIssuers()).map((i) => i.stockCode);
  const commands = Array.from({ length: COMMANDS + BURST }, (_, i) => ({
    body: new URLSearchParams({
      command: '/shares',
      text: commandText(i, codes),
      user_id: 'U0001',
      channel_id: 'C0001',
      team_id: t.fakeSlack.teamId,
      response_url: t.fakeSlack.responseUrl(),
    }).toString(),
  }));
  // A worker is started from JavaScript: this file is TypeScript, so the worker registers tsx before importing it.
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(bootstrap, {
    eval: true,
    workerData: { appUrl: t.appUrl, signingSecret: t.signingSecret, commands, sequential: COMMANDS },
  });
  const ack: number[] = [];
  const answer: number[] = [];
  return new Promise((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', async (message: { i?: number; sentAt?: number; ms?: number; burst?: number[] }) => {
      try {
        if (message.burst) {
          await t.idle();
          await worker.terminate();
          resolve({ ack, answer, burstAck: message.burst });
          return;
        }
        const { i = 0, sentAt = 0, ms = 0 } = message;
        ack.push(ms);
        const url = new URLSearchParams(commands[i]?.body).get('response_url');
        const reply = await t.fakeSlack.waitFor(() => t.fakeSlack.calls.find((c) => c.url === url));
        await t.idle();
        answer.push(performance.timeOrigin + reply.at - sentAt);
        worker.postMessage('next');
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** The worker: signs and posts each command, timing the round trip to Slack's 200. */
async function sendCommands(): Promise<void> {
  const { appUrl, signingSecret, commands, sequential } = workerData as {
    appUrl: string;
    signingSecret: string;
    commands: { body: string }[];
    sequential: number;
  };
  const agent = new Agent({ keepAlive: true });
  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const req = request(appUrl, {
        agent,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...signSlackRequest(signingSecret, body) },
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`status ${res.statusCode}`)),
        );
      });
      req.on('error', reject);
      req.end(body);
    });
  const next = () => new Promise((resolve) => parentPort?.once('message', resolve));
  for (let i = 0; i < sequential; i++) {
    const sentAt = performance.timeOrigin + performance.now();
    const ms = await post(commands[i]?.body ?? '');
    parentPort?.postMessage({ i, sentAt, ms });
    await next();
  }
  const burst = await Promise.all(commands.slice(sequential).map((c) => post(c.body)));
  parentPort?.postMessage({ burst });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hkex-slack-bench-'));
  try {
    console.log(`building a store of ${RETURNS.toLocaleString('en')} returns…`);
    const buildS = buildStore(dir);
    const store = await openFilingStore({ dir });
    // As in the app: PDFs read on a worker thread.
    const readers = createReadPool({ size: 1 });
    const t = await startTestApp({ store, read: readers.read });
    try {
      const uploads = await timeUploads(t);
      const commands = await timeCommands(t);
      const [cardP50] = percentiles(uploads);
      const [, ackP99] = percentiles(commands.ack);
      const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
      const rows: [string, string, string][] = [
        ['store', `${RETURNS.toLocaleString('en')} returns (built in ${buildS.toFixed(0)} s)`, ''],
        [
          `upload -> card, p50 / p99 (${UPLOADS} PDFs)`,
          milliseconds(uploads, 0),
          `p50 <= ${TARGET.cardP50} ms: ${verdict(cardP50 <= TARGET.cardP50)}`,
        ],
        [
          `/shares ack, p50 / p99 (${COMMANDS} in turn)`,
          milliseconds(commands.ack, 1),
          `p99 <= ${TARGET.ackP99} ms: ${verdict(ackP99 <= TARGET.ackP99)}`,
        ],
        [`/shares ack, p50 / p99 (${BURST} at once)`, milliseconds(commands.burstAck, 1), ''],
        ['/shares answer posted, p50 / p99', milliseconds(commands.answer, 1), 'Slack allows 3,000 ms'],
      ];
      const widths = [0, 1].map((c) => Math.max(...rows.map((r) => r[c]?.length ?? 0)));
      for (const [name, value, target] of rows) {
        console.log(`${name.padEnd(widths[0] ?? 0)}   ${value.padStart(widths[1] ?? 0)}   ${target}`);
      }
      console.log(
        '(times on 127.0.0.1 against the local fake Slack; an upload is a real PDF read, stored and rendered)',
      );
    } finally {
      await t.close();
      await readers.close();
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMainThread) await main();
else await sendCommands();
