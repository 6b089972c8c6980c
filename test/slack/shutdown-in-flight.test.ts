/**
 * SIGTERM while a file host trickles an upload (2 bytes every 5 s): the bot used to wait on the download for a
 * minute and more. It now stops after its grace period (10 s), exits 0, and names the upload it abandoned, whose
 * claim stays in the store for the next start to resume.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFilingStore } from '../../src/store/index.js';
import { type BotProcess, startBotProcess } from '../helpers/bot-process.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { samplePdfBytes } from '../helpers/sample-returns.js';

let fakeSlack: FakeSlack;
let dataDir: string;
let bot: BotProcess;

beforeAll(async () => {
  fakeSlack = await startFakeSlack();
  dataDir = await mkdtemp(path.join(tmpdir(), 'hkex-shares-shutdown-'));
  bot = await startBotProcess(fakeSlack, dataDir);
}, 60_000);

afterAll(async () => {
  bot?.child.kill('SIGKILL');
  await fakeSlack?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a bot stopped with a download in flight', () => {
  it('exits 0 within its grace period and names the upload it abandoned', { timeout: 60_000 }, async () => {
    const file = fakeSlack.addFile({
      name: 'trickling.pdf',
      bytes: samplePdfBytes('trickling'),
      trickle: { bytes: 2, everyMs: 5_000 },
    });
    fakeSlack.addShare(file.id, { channel: 'C1', ts: '1700030000.000100' });
    const downloading = fakeSlack.downloadStarted(file.id);
    expect(await bot.shareFile(file.id, 'C1', '1700030000.000100')).toBe(200);
    await downloading;

    const exited = new Promise<number | null>((resolve) => bot.child.once('exit', (code) => resolve(code)));
    bot.child.kill('SIGTERM');
    expect(await exited, bot.output().slice(-3000)).toBe(0);
    expect(bot.output()).toContain('SIGTERM: finishing work in hand (10 s at most), then stopping');
    expect(bot.output()).toMatch(new RegExp(`abandoned 1 upload\\(s\\), resumed at the next start: .*${file.id}`));

    const store = await openFilingStore({ dir: dataDir });
    try {
      expect((await store.unfinishedSlackUploads()).map((upload) => upload.fileId)).toEqual([file.id]);
    } finally {
      await store.close();
    }
  });
});
