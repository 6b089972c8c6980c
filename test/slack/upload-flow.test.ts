/**
 * The Slack side of an upload, end to end over HTTP: the "Reading …" reply in the file's thread, the download, the
 * card replacing the reply, retries and several files at once. The returns come from a table keyed by file name, so
 * that these tests stand apart from the parser (test/slack/upload-real-pdfs.test.ts reads real PDFs).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTableIngest, makeSenseTimeReturn, samplePdfBytes } from '../helpers/sample-returns.js';
import { openTempFilingStore, startTestApp, type TestApp } from '../helpers/slack-harness.js';

const NOVEMBER = '00020_2023-11.pdf';
const OCTOBER = '00020_2023-10.pdf';
const RESUBMITTED = '00020_2023-11_resubmitted.pdf';

const returns = {
  [OCTOBER]: makeSenseTimeReturn({ month: '2023-10', classBClosing: 25_948_000_000 }),
  [NOVEMBER]: makeSenseTimeReturn({ classBPreceding: 25_948_000_000 }),
  [RESUBMITTED]: makeSenseTimeReturn({
    classBPreceding: 25_948_000_000,
    classBClosing: 25_948_900_000,
    overrides: { status: 'resubmission', dateSubmitted: '2023-12-11' },
  }),
};

let t: TestApp;
let removeStore: () => Promise<void>;

async function start(options: Parameters<typeof startTestApp>[0] = {}) {
  const temp = await openTempFilingStore();
  removeStore = temp.remove;
  t = await startTestApp({ store: temp.store, ingest: createTableIngest(temp.store, returns), ...options });
  return t;
}

afterEach(async () => {
  await t?.close();
  await removeStore?.();
});

describe('a PDF shared in a channel', () => {
  it('is acknowledged in its thread at once, then the reply becomes the card', async () => {
    await start();
    const { request } = await t.uploadFile({ name: NOVEMBER, bytes: samplePdfBytes(NOVEMBER) }, { channel: 'C42' });
    expect(request.status).toBe(200);
    await t.idle();

    const [reading, card] = t.botMessages();
    expect(reading).toMatchObject({
      via: 'chat.postMessage',
      channel: 'C42',
      text: ':hourglass_flowing_sand: Reading 00020_2023-11.pdf…',
    });
    expect(reading?.threadTs).toMatch(/^1700001000\./);
    // The card replaces the reply: chat.update of the ts the fake Slack gave the reply.
    expect(card).toMatchObject({ via: 'chat.update', channel: 'C42', ts: '1700000000.000001' });
    expect(card?.plain).toContain('SenseTime Group Inc. (00020) · November 2023');
    expect(card?.plain).toContain('Issued: 25,948,809,928');
  });

  it('answers in the thread the file was shared in', async () => {
    await start();
    await t.uploadFile({ name: NOVEMBER, bytes: samplePdfBytes(NOVEMBER) }, { threadTs: '1699999999.000100' });
    await t.idle();
    expect(t.botMessages()[0]?.threadTs).toBe('1699999999.000100');
  });

  it('sends the bot token with the download', async () => {
    await start();
    const { file } = await t.uploadFile({ name: NOVEMBER, bytes: samplePdfBytes(NOVEMBER) });
    await t.idle();
    expect(t.fakeSlack.downloads.get(file.id)).toBe(1);
    expect(t.botMessages().at(-1)?.plain).not.toContain('sign-in');
  });

  it('shows the change against the month held before', async () => {
    await start();
    await t.uploadFile({ name: OCTOBER, bytes: samplePdfBytes(OCTOBER) });
    await t.idle();
    await t.uploadFile({ name: NOVEMBER, bytes: samplePdfBytes(NOVEMBER) });
    await t.idle();
    expect(t.botMessages().at(-1)?.plain).toContain('Issued: 25,948,809,928 · +809,928 vs Oct 2023');
  });

  it('says which return a resubmission supersedes', async () => {
    await start();
    await t.uploadFile({ name: NOVEMBER, bytes: samplePdfBytes(NOVEMBER) });
    await t.idle();
    await t.uploadFile({ name: RESUBMITTED, bytes: samplePdfBytes(RESUBMITTED) });
    await t.idle();
    const card = t.botMessages().at(-1);
    expect(card?.plain).toContain('↻ Resubmission: supersedes the return for November 2023 submitted 2023-12-06');
    expect(card?.plain).toContain('Issued: 25,948,900,000');
    expect((await t.store.latest('00020'))?.monthlyReturn.dateSubmitted).toBe('2023-12-11');
  });

  it('says a file already held is held, and links to the original', async () => {
    await start();
    const { file } = await t.uploadFile({ name: NOVEMBER, bytes: samplePdfBytes(NOVEMBER) });
    await t.idle();
    // The same bytes shared again: a new Slack file id, the same sha256.
    await t.uploadFile({ name: NOVEMBER, bytes: samplePdfBytes(NOVEMBER) });
    await t.idle();
    const card = t.botMessages().at(-1);
    expect(card?.plain).toContain(`ℹ Already held: this file was read on`);
    expect(JSON.stringify(card?.blocks)).toContain(`<${file.permalink}|${NOVEMBER}>`);
    expect(await t.store.history('00020')).toHaveLength(1);
  });

  it('answers the same Slack file shared again in another channel as already held', async () => {
    await start();
    const { file } = await t.uploadFile({ name: NOVEMBER, bytes: samplePdfBytes(NOVEMBER) }, { channel: 'C1' });
    await t.idle();
    const share = {
      type: 'message',
      subtype: 'file_share',
      channel: 'C2',
      user: 'U2',
      ts: '1700003000.000001',
      files: [file],
    };
    await t.sendEvent(share);
    await t.idle();
    const card = t.botMessages().at(-1);
    expect(card).toMatchObject({ via: 'chat.update', channel: 'C2' });
    expect(card?.plain).toContain('ℹ Already held');
    expect(await t.store.submissions('00020', '2023-11')).toHaveLength(1);
  });

  it('stores one return when Slack retries the event', async () => {
    await start();
    const { file, event } = await t.uploadFile({ name: NOVEMBER, bytes: samplePdfBytes(NOVEMBER) }, { channel: 'C7' });
    // Slack sends the same event again, with X-Slack-Retry-Num.
    const retried = await Promise.all([t.sendEvent(event, { retryNum: 1 }), t.sendEvent(event, { retryNum: 2 })]);
    expect(retried.map((r) => r.status)).toEqual([200, 200]);
    await t.idle();
    expect(t.fakeSlack.downloads.get(file.id)).toBe(1);
    expect(t.fakeSlack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await t.store.submissions('00020', '2023-11')).toHaveLength(1);
  });

  it('answers every file of several shared at once', async () => {
    await start();
    const files = [OCTOBER, NOVEMBER].map((name) => t.fakeSlack.addFile({ name, bytes: samplePdfBytes(name) }));
    const event = { type: 'message', subtype: 'file_share', channel: 'C1', user: 'U1', ts: '1700002000.000001', files };
    await t.sendEvent(event);
    await t.idle();
    const cards = t.botMessages().filter((m) => m.via === 'chat.update');
    expect(cards.map((c) => c.plain.split('\n')[0]).sort()).toEqual([
      'SenseTime Group Inc. (00020) · November 2023',
      'SenseTime Group Inc. (00020) · October 2023',
    ]);
  });

  it('ignores files that are not PDFs', async () => {
    await start();
    await t.uploadFile({
      name: 'chart.png',
      bytes: new Uint8Array([137, 80, 78, 71]),
      mimetype: 'image/png',
      filetype: 'png',
    });
    await t.idle();
    expect(t.botMessages()).toEqual([]);
    expect(t.fakeSlack.downloads.size).toBe(0);
  });

  it('asks files.info when Slack leaves the file object out of the event', async () => {
    await start();
    await t.uploadFile({ name: NOVEMBER, bytes: samplePdfBytes(NOVEMBER) }, { fileAccessCheck: true });
    await t.idle();
    expect(t.fakeSlack.callsTo('files.info')).toHaveLength(1);
    expect(t.botMessages().at(-1)?.plain).toContain('Issued: 25,948,809,928');
  });
});

describe('a download that must not happen', () => {
  it('checks the size Slack reports before downloading', async () => {
    await start({ limits: { maxBytes: 1024 * 1024, maxPages: 60, timeoutMs: 15_000 } });
    const { file } = await t.uploadFile({ name: NOVEMBER, bytes: samplePdfBytes(NOVEMBER), size: 5 * 1024 * 1024 });
    await t.idle();
    expect(t.fakeSlack.downloads.get(file.id)).toBeUndefined();
    expect(t.botMessages().at(-1)?.plain).toBe(
      '⚠ 00020_2023-11.pdf is 5.0 MB; the limit is 1.0 MB. Nothing was stored.',
    );
  });

  it('never sends the bot token to a host off the allow-list', async () => {
    await start({ allowedOrigins: ['https://files.slack.com'] });
    const { file } = await t.uploadFile({ name: NOVEMBER, bytes: samplePdfBytes(NOVEMBER) });
    await t.idle();
    expect(t.fakeSlack.downloads.get(file.id)).toBeUndefined();
    expect(t.botMessages().at(-1)?.plain).toContain("is not on Slack's file host (127.0.0.1:");
    expect(await t.store.history('00020')).toEqual([]);
  });

  it('recognises the sign-in page Slack sends instead of the file, and lets a retry try again', async () => {
    await start();
    const { file } = await t.uploadFile({ name: NOVEMBER, bytes: samplePdfBytes(NOVEMBER), signInPage: true });
    await t.idle();
    expect(t.botMessages().at(-1)?.plain).toContain('Slack sent a sign-in page instead of 00020_2023-11.pdf');
    expect(t.botMessages().at(-1)?.plain).toContain('files:read');
    expect(await t.store.claimSlackFile(file.id)).toBe(true);
  });
});
