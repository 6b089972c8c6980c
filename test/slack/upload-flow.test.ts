/**
 * The Slack side of an upload, end to end over HTTP: the `file_shared` event, the reaction while reading, the
 * download, the card in the file's thread, retries and several files at once. The returns come from a table keyed by file name, so
 * that these tests stand apart from the parser (test/slack/upload-real-pdfs.test.ts reads real PDFs).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import type { SlackUploadStep } from '../../src/domain/slack-upload.js';
import { createTableIngest, makeSenseTimeReturn, samplePdfBytes, saveSample } from '../helpers/sample-returns.js';
import { fileSharedEvent, openTempFilingStore, startTestApp, type TestApp } from '../helpers/slack-harness.js';

const NOVEMBER = '00020_2023-11.pdf';
const OCTOBER = '00020_2023-10.pdf';
const RESUBMITTED = '00020_2023-11_resubmitted.pdf';

const returns = {
  [OCTOBER]: makeSenseTimeReturn({ month: '2023-10', classBClosing: 25_948_000_000 }),
  [NOVEMBER]: makeSenseTimeReturn({ classBPreceding: 25_948_000_000 }),
  [RESUBMITTED]: makeSenseTimeReturn({
    classBPreceding: 25_948_000_000,
    classBClosing: 25_948_900_000,
    overrides: {
      status: 'resubmission',
      dateSubmitted: '2023-12-11',
      remarks: 'This return replaces the one of 6 December 2023: the Class B closing balance was misstated.',
    },
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
  it('gets a reaction while it is read, then the card in its thread', async () => {
    await start();
    const { request } = await t.uploadFile(
      { name: NOVEMBER, bytes: samplePdfBytes(NOVEMBER) },
      { channel: 'C42', ts: '1700001000.000100' },
    );
    expect(request.status).toBe(200);
    await t.idle();

    const reactions = [...t.fakeSlack.callsTo('reactions.add'), ...t.fakeSlack.callsTo('reactions.remove')];
    expect(reactions.map((c) => [c.method, c.body.channel, c.body.timestamp, c.body.name])).toEqual([
      ['reactions.add', 'C42', '1700001000.000100', 'hourglass_flowing_sand'],
      ['reactions.remove', 'C42', '1700001000.000100', 'hourglass_flowing_sand'],
    ]);
    const messages = t.botMessages();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ via: 'chat.postMessage', channel: 'C42', threadTs: '1700001000.000100' });
    expect(messages[0]?.plain).toContain('SenseTime Group Inc. (00020) · November 2023');
    expect(messages[0]?.plain).toContain('Issued: 25,948,809,928');
    expect(await t.store.unfinishedSlackUploads()).toEqual([]);
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
    expect(t.botMessages().at(-1)?.plain).toContain(
      'Issued: 25,948,809,928 · +809,928 in the month · +809,928 vs Oct 2023',
    );
  });

  it('says which return a resubmission supersedes', async () => {
    await start();
    await t.uploadFile({ name: NOVEMBER, bytes: samplePdfBytes(NOVEMBER) });
    await t.idle();
    await t.uploadFile({ name: RESUBMITTED, bytes: samplePdfBytes(RESUBMITTED) });
    await t.idle();
    // The last message is the first card, updated to say it is superseded: the new card is the last posted.
    const card = t.botMessages().findLast((m) => m.via === 'chat.postMessage');
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
    t.fakeSlack.addShare(file.id, { channel: 'C2', ts: '1700003000.000001' });
    await t.sendEvent(fileSharedEvent(file.id, 'C2', 'U2', '1700003000.000001'));
    await t.idle();
    const card = t.botMessages().at(-1);
    expect(card).toMatchObject({ via: 'chat.postMessage', channel: 'C2', threadTs: '1700003000.000001' });
    expect(card?.plain).toContain('ℹ Already held');
    expect(await t.store.submissions('00020', '2023-11')).toHaveLength(1);
  });

  it('stores one return and answers once when Slack retries the event', async () => {
    await start();
    const { file, event } = await t.uploadFile({ name: NOVEMBER, bytes: samplePdfBytes(NOVEMBER) }, { channel: 'C7' });
    // Slack sends the same event again, with X-Slack-Retry-Num.
    const retried = await Promise.all([t.sendEvent(event, { retryNum: 1 }), t.sendEvent(event, { retryNum: 2 })]);
    expect(retried.map((r) => r.status)).toEqual([200, 200]);
    await t.idle();
    await t.sendEvent(event, { retryNum: 3 });
    await t.idle();
    expect(t.fakeSlack.downloads.get(file.id)).toBe(1);
    expect(t.fakeSlack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await t.store.submissions('00020', '2023-11')).toHaveLength(1);
  });

  it('answers every file of several shared at once, one card each in the thread', async () => {
    await start();
    const ts = '1700002000.000001';
    for (const name of [OCTOBER, NOVEMBER]) {
      const file = t.fakeSlack.addFile({ name, bytes: samplePdfBytes(name) });
      t.fakeSlack.addShare(file.id, { channel: 'C1', ts });
      await t.sendEvent(fileSharedEvent(file.id, 'C1', 'U1', ts));
    }
    await t.idle();
    const cards = t.botMessages().filter((m) => m.via === 'chat.postMessage' && m.threadTs === ts);
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
    expect(t.fakeSlack.callsTo('reactions.add')).toEqual([]);
    expect(t.fakeSlack.downloads.size).toBe(0);
  });

  it('is answered in a DM with the bot', async () => {
    await start();
    await t.uploadFile(
      { name: NOVEMBER, bytes: samplePdfBytes(NOVEMBER) },
      { channel: 'D0001', ts: '1700004000.000001' },
    );
    await t.idle();
    expect(t.botMessages()).toMatchObject([{ via: 'chat.postMessage', channel: 'D0001' }]);
    expect(t.botMessages()[0]?.plain).toContain('SenseTime Group Inc. (00020) · November 2023');
  });
});

describe('a PDF that is not a monthly return, or not a PDF', () => {
  it('gets a note to the uploader alone, and nothing in the channel', async () => {
    await start({
      ingest: async ({ fileName }) => {
        throw new AppError('not-a-monthly-return', `${fileName} is not a monthly return`, {
          fileName,
          looksLike: '"Annual Report 2023"',
        });
      },
    });
    await t.uploadFile({ name: 'annual-report.pdf', bytes: samplePdfBytes('annual') }, { user: 'U9', channel: 'C5' });
    await t.idle();
    expect(t.fakeSlack.callsTo('chat.postMessage')).toEqual([]);
    const notes = t.botMessages();
    expect(notes).toMatchObject([{ via: 'chat.postEphemeral', channel: 'C5' }]);
    expect(notes[0]?.plain).toBe(
      'annual-report.pdf is not an HKEX monthly return: its title reads "Annual Report 2023". Nothing was stored.',
    );
    expect(t.fakeSlack.callsTo('chat.postEphemeral')[0]?.body.user).toBe('U9');
  });

  it('names a web page saved as .pdf as such, to the uploader', async () => {
    await start();
    const page = new TextEncoder().encode('<!DOCTYPE html><html><body>Results</body></html>');
    await t.uploadFile({
      name: 'results.pdf',
      bytes: page,
      signInPage: false,
      mimetype: 'text/html',
      filetype: 'html',
    });
    await t.idle();
    expect(t.fakeSlack.callsTo('chat.postMessage')).toEqual([]);
    expect(t.botMessages().at(-1)?.plain).toContain(
      'results.pdf is a web page (HTML) saved under a .pdf name, not a PDF',
    );
    expect(t.botMessages().at(-1)?.plain).not.toContain('files:read');
  });
});

describe('a download that must not happen', () => {
  it('checks the size Slack reports before downloading', async () => {
    await start({ limits: { maxBytes: 1024 * 1024, maxPages: 60, timeoutMs: 15_000 } });
    const { file } = await t.uploadFile({ name: NOVEMBER, bytes: samplePdfBytes(NOVEMBER), size: 5 * 1024 * 1024 });
    await t.idle();
    expect(t.fakeSlack.downloads.get(file.id)).toBeUndefined();
    expect(t.botMessages().at(-1)).toMatchObject({ via: 'chat.postEphemeral' });
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

  it('recognises the sign-in page Slack sends instead of the file', async () => {
    await start();
    await t.uploadFile({ name: NOVEMBER, bytes: samplePdfBytes(NOVEMBER), signInPage: true });
    await t.idle();
    expect(t.botMessages().at(-1)?.plain).toContain('Slack sent a sign-in page instead of 00020_2023-11.pdf');
    expect(t.botMessages().at(-1)?.plain).toContain('files:read');
    expect(await t.store.unfinishedSlackUploads()).toEqual([]);
  });

  it('gives up a file host that trickles, and tells the uploader', async () => {
    await start({ download: { timeoutMs: 60_000, stallMs: 200 } });
    const bytes = samplePdfBytes(NOVEMBER);
    // Two bytes, then a pause far longer than the stall limit before each next two.
    await t.uploadFile({ name: NOVEMBER, bytes, trickle: { bytes: 2, everyMs: 5_000 } });
    await t.idle();
    expect(t.botMessages().at(-1)?.plain).toBe(
      "⚠ Slack did not let me finish: Slack's file host sent nothing for 0.2 s while I downloaded 00020_2023-11.pdf.",
    );
    expect(await t.store.history('00020')).toEqual([]);
  });
});

/** Shares a file in C42 and returns the card posted in its thread. */
async function share(name: string, ts: string) {
  await t.uploadFile({ name, bytes: samplePdfBytes(name) }, { channel: 'C42', ts });
  await t.idle();
  const card = t.botMessages().find((m) => m.via === 'chat.postMessage' && m.threadTs === ts);
  if (!card?.ts) throw new Error(`no card for ${name}`);
  return card;
}

/**
 * Cards posted earlier are kept true: October shared after November redraws November's card against October
 * (chat.update of the card in its thread), and a resubmission marks the first card superseded, with a link to the
 * new card (chat.getPermalink), while the new card says what changed.
 */
describe('cards posted earlier', () => {
  it("are redrawn against October when October is shared after November: November's card is updated", async () => {
    await start();
    const november = await share(NOVEMBER, '1700001000.000100');
    expect(november.plain).toContain('No earlier month is held for 00020: nothing to compare with.');
    expect(november.plain).toContain('Issued: 25,948,809,928 · +809,928 in the month\n');

    const october = await share(OCTOBER, '1700002000.000100');
    expect(october.plain).toContain('SenseTime Group Inc. (00020) · October 2023');
    const updates = t.fakeSlack.callsTo('chat.update');
    expect(updates).toHaveLength(1);
    expect(updates[0]?.body).toMatchObject({ channel: 'C42', ts: november.ts });
    const updated = t.botMessages().find((m) => m.via === 'chat.update');
    expect(updated?.plain).toContain('SenseTime Group Inc. (00020) · November 2023');
    expect(updated?.plain).toContain('Issued: 25,948,809,928 · +809,928 in the month · +809,928 vs Oct 2023');
    expect(updated?.plain).toContain(
      '↻ Updated: the Oct 2023 return arrived after this card was posted; the comparison and the continuity check are now against it.',
    );
    expect(updated?.plain).toContain('Every check passed and it follows on from Oct 2023.');
    expect(updated?.plain).not.toContain('nothing to compare with');
    expect(updated?.text).toContain('(+809,928 vs Oct 2023)');
  });

  it("are checked once posted: October stored while November's card was on its way still updates it", async () => {
    const temp = await openTempFilingStore();
    removeStore = temp.remove;
    // October lands (as another upload of the same message would) after November's card is drawn, before it is
    // posted: at the step that records "answering" for November.
    const store = new Proxy(temp.store, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (name !== 'recordSlackUpload') return typeof value === 'function' ? value.bind(target) : value;
        return async (key: string, step: SlackUploadStep, leaseMs: number) => {
          if (step.stage === 'answering') await saveSample(target, returns[OCTOBER]);
          return target.recordSlackUpload(key, step, leaseMs);
        };
      },
    });
    t = await startTestApp({ store, ingest: createTableIngest(store, returns) });
    const november = await share(NOVEMBER, '1700001000.000100');
    expect(november.plain).toContain('No earlier month is held for 00020: nothing to compare with.');
    const updates = t.fakeSlack.callsTo('chat.update');
    expect(updates.map((c) => [c.body.channel, c.body.ts])).toEqual([['C42', november.ts]]);
    const updated = t.botMessages().find((m) => m.via === 'chat.update');
    expect(updated?.plain).toContain('Issued: 25,948,809,928 · +809,928 in the month · +809,928 vs Oct 2023');
    expect(updated?.plain).toContain('↻ Updated: the Oct 2023 return arrived after this card was posted');
  });

  it('leave a card alone when the month shared is not the one the later month is compared with', async () => {
    await start();
    await share(OCTOBER, '1700001000.000100');
    await share(NOVEMBER, '1700002000.000100');
    expect(t.fakeSlack.callsTo('chat.update')).toEqual([]);
  });

  it('are marked superseded, with a link to the new card, when a resubmission is shared', async () => {
    await start();
    const first = await share(NOVEMBER, '1700001000.000100');
    const second = await share(RESUBMITTED, '1700002000.000100');
    expect(second.plain).toContain('What changed from the submission of 2023-12-06 (was → now):');
    expect(second.plain).toContain('• date submitted: 2023-12-06 → 2023-12-11');
    expect(second.plain).toMatch(
      /• II · WVR ordinary shares · issued shares · closing: 25,948,809,928 → 25,948,900,000\n/,
    );
    expect(second.plain).toContain(
      "Filer's remark: “This return replaces the one of 6 December 2023: the Class B closing balance was misstated.”",
    );

    const permalink = t.fakeSlack.callsTo('chat.getPermalink');
    expect(permalink.map((c) => c.body)).toEqual([{ channel: 'C42', message_ts: second.ts }]);
    const updates = t.fakeSlack.callsTo('chat.update');
    expect(updates.map((c) => [c.body.channel, c.body.ts])).toEqual([['C42', first.ts]]);
    const marked = t.botMessages().find((m) => m.via === 'chat.update');
    const link = `https://example.slack.com/archives/C42/p${second.ts?.replace('.', '')}`;
    expect(JSON.stringify(marked?.blocks)).toContain(`<${link}|its card>`);
    expect(marked?.plain).toContain(
      '⚠ Superseded: a later submission for November 2023 is held (submitted 2023-12-11) (its card); that one counts, this one is kept in the history.',
    );
    expect(marked?.plain).toContain('↻ Updated: a resubmission for Nov 2023 (submitted 2023-12-11) replaced this one.');
    expect(t.botMessages().find((m) => m.ts === first.ts && m.via === 'chat.postMessage')?.superseded).toBe(true);
  });
});
