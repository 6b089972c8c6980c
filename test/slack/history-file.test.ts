/**
 * The files a history is posted as, end to end: `/shares 00020 history csv` (the CSV), and `/shares 00020 history`
 * and the card's Chart button (the chart as a PNG). The real app over HTTP posts them through files.uploadV2 (upload
 * URL, the bytes, completion) at the fake Slack, which keeps the bytes it received; the test parses and decodes them.
 */
import { parse } from 'csv-parse/sync';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_ACTIONS } from '../../src/format/card-actions.js';
import type { PostedFile } from '../helpers/fake-slack.js';
import { saveSenseTimeOctoberAndNovember } from '../helpers/sample-returns.js';
import { startTestApp, type TestApp } from '../helpers/slack-harness.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await saveSenseTimeOctoberAndNovember(t.store);
});

afterAll(async () => {
  await t.close();
});

async function answerTo(text: string, channel: string) {
  const sent = await t.sendCommand(text, { channel });
  await t.idle();
  return t.fakeSlack.callsTo('response_url').filter((c) => c.url === sent.responseUrl);
}

describe('/shares CODE history csv', () => {
  it('posts the history as a CSV file in the conversation, one row per month and class', async () => {
    const answers = await answerTo('00020 history csv', 'C0CSV');
    const file = t.fakeSlack.postedFiles.find((f) => f.channel === 'C0CSV');
    expect(file?.filename).toBe('00020_history_2023-10_2023-11.csv');
    expect(file?.initialComment).toContain('SenseTime Group Inc. (00020) · issued shares by month: 2 months, 4 rows');
    const rows = parse(file?.bytes ?? '', { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.month, r.class, r.closing])).toEqual([
      ['2023-10', 'Class B ordinary shares', '25948000000'],
      ['2023-10', 'Class A ordinary shares', '7520115072'],
      ['2023-11', 'Class B ordinary shares', '25948809928'],
      ['2023-11', 'Class A ordinary shares', '7520115072'],
    ]);
    expect(rows[2]?.preceding).toBe('25948000000');
    expect(rows[2]?.movement).toBe('809928');
    expect(answers.map((a) => a.body.text)).toEqual([`Posted ${file?.filename} in this conversation.`]);
    expect(t.fakeSlack.callsTo('files.getUploadURLExternal').at(-1)?.body).toMatchObject({
      filename: '00020_history_2023-10_2023-11.csv',
      length: String(file?.bytes.byteLength),
    });
  });

  it('keeps to a range of months', async () => {
    await answerTo('history 00020 csv 2023-11..2023-11', 'C0RANGE');
    const file = t.fakeSlack.postedFiles.find((f) => f.channel === 'C0RANGE');
    expect(file?.filename).toBe('00020_history_2023-11_2023-11.csv');
    expect(file?.initialComment).toContain('(2023-11 to 2023-11): 1 month, 2 rows');
  });

  it('says what to do where the bot may not post, and posts nothing', async () => {
    t.fakeSlack.failNext('files.completeUploadExternal', 'not_in_channel');
    const before = t.fakeSlack.postedFiles.length;
    const answers = await answerTo('00020 history csv', 'C0NOTIN');
    expect(t.fakeSlack.postedFiles).toHaveLength(before);
    expect(answers).toHaveLength(1);
    expect(answers[0]?.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(answers[0]?.body.text)).toContain(
      'the CSV 00020_history_2023-10_2023-11.csv was not posted (I can post files only where I am a member',
    );
  });

  it('answers a code not held as any question does, with no file', async () => {
    const before = t.fakeSlack.postedFiles.length;
    const answers = await answerTo('00700 history csv', 'C0CSV');
    expect(t.fakeSlack.postedFiles).toHaveLength(before);
    expect(String(answers[0]?.body.text)).toContain('00700');
  });
});

function postedIn(channel: string): PostedFile[] {
  return t.fakeSlack.postedFiles.filter((f) => f.channel === channel);
}

function decoded(file: PostedFile | undefined): PNG {
  return PNG.sync.read(file?.bytes ?? Buffer.alloc(0));
}

async function clickChart(click: { channel: string; messageTs: string; threadTs?: string; ephemeral?: boolean }) {
  const sent = await t.clickButton({ actionId: CARD_ACTIONS.chart, value: '00020:2023-11', ...click });
  expect(sent.status).toBe(200);
  await t.idle();
  return t.fakeSlack.callsTo('response_url').filter((c) => c.url === sent.responseUrl);
}

describe('/shares CODE history', () => {
  it('answers with the table and posts the chart of every month held as a PNG in the conversation', async () => {
    const sent = await t.sendCommand('00020 history', { channel: 'C0HIST' });
    await t.idle();
    const [table] = t.fakeSlack.callsTo('response_url').filter((c) => c.url === sent.responseUrl);
    expect(table?.body.text).toContain('Nov 2023: Class B ordinary shares 25,948,809,928 (+809,928)');
    const [file] = postedIn('C0HIST');
    expect(file?.filename).toBe('00020_history_2023-10_2023-11.png');
    expect(file?.threadTs).toBeNull();
    expect(file?.initialComment).toBe(
      'SenseTime Group Inc. (00020): shares by month, Oct 2023 to Nov 2023 (2 months held).',
    );
    const png = decoded(file);
    // Three panels (Class B, Class A, Class B's options) of 80 px, drawn at 1.5 times the size.
    expect(png.width).toBeGreaterThan(1.5 * 700);
    expect(png.height).toBeGreaterThan(1.5 * 3 * 80);
    expect(png.data.some((byte, i) => i % 4 !== 3 && byte < 100)).toBe(true);
  });

  it('draws the months of a range only', async () => {
    await t.sendCommand('00020 history 2023-11..2023-11', { channel: 'C0CHARTRANGE' });
    await t.idle();
    expect(postedIn('C0CHARTRANGE').map((f) => f.filename)).toEqual(['00020_history_2023-11_2023-11.png']);
  });

  it('posts no chart for a code not held, and answers as any question does', async () => {
    const sent = await t.sendCommand('00700 history', { channel: 'C0NONE' });
    await t.idle();
    expect(postedIn('C0NONE')).toEqual([]);
    const answers = t.fakeSlack.callsTo('response_url').filter((c) => c.url === sent.responseUrl);
    expect(String(answers[0]?.body.text)).toContain('00700');
  });

  it('keeps the table where the chart may not be posted, and says why', async () => {
    t.fakeSlack.failNext('files.completeUploadExternal', 'not_in_channel');
    const sent = await t.sendCommand('00020 history', { channel: 'C0CHARTNOTIN' });
    await t.idle();
    const answers = t.fakeSlack.callsTo('response_url').filter((c) => c.url === sent.responseUrl);
    expect(answers).toHaveLength(2);
    expect(answers[0]?.body.text).toContain('Nov 2023: Class B ordinary shares 25,948,809,928');
    expect(answers[1]?.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(answers[1]?.body.text)).toContain(
      'the chart 00020_history_2023-10_2023-11.png was not posted (I can post files only where I am a member',
    );
    expect(postedIn('C0CHARTNOTIN')).toEqual([]);
  });
});

describe('the Chart button', () => {
  it("posts the chart in the thread of a card that answered an upload (the file's thread)", async () => {
    const answers = await clickChart({
      channel: 'C0FILE',
      messageTs: '1700000200.000300',
      threadTs: '1700000200.000100',
    });
    expect(answers).toEqual([]);
    const [file] = postedIn('C0FILE');
    expect(file?.threadTs).toBe('1700000200.000100');
    expect(file?.filename).toBe('00020_history_2023-10_2023-11.png');
    expect(decoded(file).height).toBeGreaterThan(1.5 * 3 * 80);
  });

  it('starts a thread under a card posted in the channel', async () => {
    await clickChart({ channel: 'C0TOP', messageTs: '1700000300.000300' });
    expect(postedIn('C0TOP').map((f) => f.threadTs)).toEqual(['1700000300.000300']);
  });

  it('posts in the conversation from a card only the clicker sees, which has no thread to post in', async () => {
    await clickChart({ channel: 'C0EPH', messageTs: '1700000400.000300', ephemeral: true });
    expect(postedIn('C0EPH').map((f) => f.threadTs)).toEqual([null]);
  });

  it('is on every card, beside History', async () => {
    const sent = await t.sendCommand('00020', { channel: 'C0CARD' });
    await t.idle();
    const [answer] = t.fakeSlack.callsTo('response_url').filter((c) => c.url === sent.responseUrl);
    const buttons = (
      (answer?.body.blocks ?? []) as { type: string; elements?: { action_id: string; value: string }[] }[]
    )
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? []);
    expect(buttons.map((b) => b.action_id)).toContain(CARD_ACTIONS.chart);
    expect(buttons.find((b) => b.action_id === CARD_ACTIONS.chart)?.value).toBe('00020:2023-11');
  });
});
