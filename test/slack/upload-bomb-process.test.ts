/**
 * The bot as `npm start` runs it, sent a decompression bomb in Slack: a 1 MB PDF whose page inflates to 1 GiB. Its
 * reader process hits the memory limit the operating system enforces (READ_MEMORY_MB) and is replaced; the bot's own
 * resident memory never passes 300 MB, the uploader is told why, and the next upload is read as usual.
 * `npm run build` first. The peak is the kernel's high-water mark of the bot process (VmHWM), so Linux only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, startBotProcess } from '../helpers/bot-process.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { makeDecompressionBomb } from '../pdf/make-bomb.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const ON_LINUX = existsSync('/proc/self/status');

/** The most resident memory the process has had over its whole life, in kilobytes. */
function peakResidentKb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match?.[1]) throw new Error(`no VmHWM for process ${pid}`);
  return Number(match[1]);
}

let fakeSlack: FakeSlack;
let dataDir: string;
let bot: BotProcess | undefined;

beforeAll(async () => {
  fakeSlack = await startFakeSlack();
  dataDir = await mkdtemp(path.join(tmpdir(), 'hkex-shares-bomb-'));
});

afterAll(async () => {
  await bot?.stop();
  await fakeSlack?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe.skipIf(!ON_LINUX)('a decompression bomb shared with the bot', () => {
  it('is refused as too complex with the bot under 300 MB, and the next upload is read', {
    timeout: 120_000,
  }, async () => {
    const bomb = await makeDecompressionBomb(1024);
    expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
    bot = await startBotProcess(fakeSlack, dataDir);
    const pid = bot.child.pid as number;

    const bombFile = fakeSlack.addFile({ name: 'bomb.pdf', bytes: Buffer.from(bomb) });
    fakeSlack.addShare(bombFile.id, { channel: 'C1', ts: '1700030000.000001' });
    expect(await bot.shareFile(bombFile.id, 'C1', '1700030000.000001')).toBe(200);
    const refusal = await fakeSlack.waitFor(
      () => fakeSlack.callsTo('chat.postEphemeral').find((call) => String(call.body.text).includes('bomb.pdf')),
      60_000,
    );
    expect(refusal.body.user).toBe('U0001');
    expect(String(refusal.body.text)).toContain('needs more memory to read than I allow one file');
    expect(String(refusal.body.text)).toContain('Nothing was stored');
    // Nothing about a file that is not known to be a return goes to the channel.
    expect(fakeSlack.callsTo('chat.postMessage').filter((call) => call.body.thread_ts === '1700030000.000001')).toEqual(
      [],
    );
    expect(bot.output()).toMatch(/bomb\.pdf[^\n]*(needs more memory|more than the \d+ MB)/);

    // A fresh reader reads the next file.
    const next = fakeSlack.addFile({
      name: '00020_2023-11.pdf',
      bytes: readFileSync(path.join(FIXTURES, '00020_2023-11.pdf')),
    });
    fakeSlack.addShare(next.id, { channel: 'C1', ts: '1700030000.000002' });
    expect(await bot.shareFile(next.id, 'C1', '1700030000.000002')).toBe(200);
    const card = await fakeSlack.waitFor(
      () => fakeSlack.callsTo('chat.postMessage').find((call) => call.body.thread_ts === '1700030000.000002'),
      60_000,
    );
    expect(String(card.body.text)).toContain('00020');

    expect(peakResidentKb(pid)).toBeLessThan(300 * 1024);
  });
});
