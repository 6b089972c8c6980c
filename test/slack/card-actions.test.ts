/** The card's buttons, clicked end to end: signed block_actions payloads, answers through the response URL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_ACTIONS } from '../../src/format/card-actions.js';
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

async function click(actionId: string, value: string) {
  const sent = await t.clickButton({ actionId, value });
  expect(sent.status).toBe(200);
  await t.idle();
  return t.fakeSlack.callsTo('response_url').filter((c) => c.url === sent.responseUrl);
}

describe('the card buttons', () => {
  it('History answers the clicker with the month-by-month table', async () => {
    const [answer] = await click(CARD_ACTIONS.history, '00020:2023-11');
    expect(answer?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(answer?.body.text).toContain('Nov 2023: Class B ordinary shares 25,948,809,928 (+809,928)');
  });

  it('Previous month answers with the card of the month held before', async () => {
    const [answer] = await click(CARD_ACTIONS.previousMonth, '00020:2023-11');
    expect(answer?.body.response_type).toBe('ephemeral');
    expect(String(answer?.body.text)).toBe(
      'SenseTime Group Inc. (00020), Oct 2023: issued WVR ordinary shares – Class B ordinary shares 25,948,000,000 (no change in the month); WVR ordinary shares – Class A ordinary shares 7,520,115,072 (no change in the month)',
    );
  });

  it('Previous month says so when no earlier month is held', async () => {
    const [answer] = await click(CARD_ACTIONS.previousMonth, '00020:2023-10');
    expect(answer?.body.text).toContain('No return for 00020 for September 2023 is held.');
  });

  it('Post to channel posts the card for everyone and removes the private copy', async () => {
    const [posted, removed] = await click(CARD_ACTIONS.postToChannel, '00020:2023-11');
    expect(posted?.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(String(posted?.body.text)).toContain('SenseTime Group Inc. (00020), Nov 2023');
    expect(JSON.stringify(posted?.body.blocks)).not.toContain('Post to channel');
    expect(removed?.body).toEqual({ delete_original: true });
  });

  it('answers a button value it did not write with a sentence, not silence', async () => {
    const [answer] = await click(CARD_ACTIONS.history, 'nonsense');
    expect(answer?.body.text).toBe('That button no longer works: ask again with /shares.');
  });
});
