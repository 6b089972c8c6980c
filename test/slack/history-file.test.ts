/**
 * `/shares 00020 history csv` end to end: the real app over HTTP posts the CSV into the asking conversation through
 * files.uploadV2 (upload URL, the bytes, completion) at the fake Slack, which keeps the bytes it received.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
