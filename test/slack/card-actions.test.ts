/** The card's buttons, clicked end to end: signed block_actions payloads, answers through the response URL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnownBlock } from '../../src/format/block-kit.js';
import { CARD_ACTIONS } from '../../src/format/card-actions.js';
import { makeMonthlyReturn, makeProvenance } from '../helpers/factories.js';
import { makeLargeReturn, makeNumberedFlag } from '../helpers/large-return.js';
import { renderPlainText } from '../helpers/plain-text.js';
import { saveSample, saveSenseTimeOctoberAndNovember } from '../helpers/sample-returns.js';
import { startTestApp, type TestApp } from '../helpers/slack-harness.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await saveSenseTimeOctoberAndNovember(t.store);
  await saveSample(t.store, makeMonthlyReturn({ issuerName: 'Tencent Holdings Limited', stockCodes: ['00700'] }));
  await saveSample(
    t.store,
    makeMonthlyReturn({ issuerName: 'Tencent Music Entertainment Group', stockCodes: ['01698'] }),
  );
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

  it('Post to channel on a return no longer held tells the clicker alone, and leaves their copy', async () => {
    const answers = await click(CARD_ACTIONS.postToChannel, '00020:2023-09');
    expect(answers).toHaveLength(1);
    expect(answers[0]?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(answers[0]?.body.text).toContain('No return for 00020 for September 2023 is held.');
  });

  it('History answers with a Post to channel button of its own', async () => {
    const [answer] = await click(CARD_ACTIONS.history, '00020:2023-11');
    expect(postButtonOf(answer?.body)).toBe('00020 history');
  });

  it("Show all opens the whole return in a modal with the click's trigger", async () => {
    const before = t.fakeSlack.views.length;
    const sent = await t.clickButton({ actionId: CARD_ACTIONS.showAll, value: '00020:2023-11' });
    expect(sent.status).toBe(200);
    await t.idle();
    const opened = t.fakeSlack.views.slice(before);
    expect(opened).toHaveLength(1);
    const call = t.fakeSlack.callsTo('views.open').at(-1);
    expect(call?.response).toMatchObject({ ok: true, view: { id: opened[0]?.id } });
    expect(opened[0]?.triggerId).toMatch(/^trigger-/);
    const view = opened[0]?.view as { title: { text: string }; blocks: KnownBlock[] };
    expect(view.title.text).toBe('00020 · Nov 2023');
    const plain = renderPlainText({ text: '', blocks: view.blocks });
    expect(plain).toContain(
      'WVR ordinary shares – Class B ordinary shares (00020, 80020 RMB): 25,948,000,000 -> +809,928 -> 25,948,809,928',
    );
    expect(plain).toContain('Other Sold -12,189,548');
  });

  it("Show all posts what a modal cannot hold in the card's thread", async () => {
    const flags = Array.from({ length: 120 }, (_, i) => makeNumberedFlag(i + 1, `Flag ${i + 1}. ${'x'.repeat(2_000)}`));
    const big = makeLargeReturn(30, { stockCodes: ['00777'], issuerName: 'Large Holdings Limited' });
    await t.store.save({ monthlyReturn: big, flags, provenance: makeProvenance({ sha256: '7'.repeat(64) }) });
    const posts = t.fakeSlack.callsTo('chat.postMessage').length;
    await t.clickButton({ actionId: CARD_ACTIONS.showAll, value: '00777:2023-11', messageTs: '1700000123.000100' });
    await t.idle();
    const view = t.fakeSlack.views.at(-1)?.view as { blocks: KnownBlock[] };
    expect(view.blocks).toHaveLength(100);
    const rest = t.fakeSlack.callsTo('chat.postMessage').slice(posts);
    expect(rest.length).toBeGreaterThan(1);
    for (const call of rest) expect(call.body).toMatchObject({ channel: 'C0001', thread_ts: '1700000123.000100' });
    const reachable = [
      renderPlainText({ text: '', blocks: view.blocks }),
      ...rest.map((c) => renderPlainText({ text: '', blocks: c.body.blocks as KnownBlock[] })),
    ].join('\n');
    for (let i = 1; i <= 120; i++) expect(reachable).toContain(`Scheme ${i} · Flag ${i}. x`);
    expect(reachable).toContain('Share Option Scheme 30 (adopted on 3 June 2019)');
  });

  it('answers a button value it did not write with a sentence, not silence', async () => {
    const [answer] = await click(CARD_ACTIONS.history, 'nonsense');
    expect(answer?.body.text).toBe('That button no longer works: ask again with /shares.');
  });
});

/** The value of an answer's Post to channel button (the `/shares` words it asks again), or null where it has none. */
function postButtonOf(body: Record<string, unknown> | undefined): string | null {
  const blocks = (body?.blocks ?? []) as { type: string; elements?: { action_id: string; value?: string }[] }[];
  const buttons = blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
  return buttons.find((b) => b.action_id === CARD_ACTIONS.postAnswer)?.value ?? null;
}

async function command(text: string) {
  const sent = await t.sendCommand(text, { channel: 'C0POST' });
  await t.idle();
  const [answer] = t.fakeSlack.callsTo('response_url').filter((c) => c.url === sent.responseUrl);
  return answer?.body;
}

describe('Post to channel on every answer to /shares that is not an error', () => {
  it.each([
    ['00020 history', '00020 history', 'SenseTime Group Inc. (00020) · issued shares by month'],
    ['history 00020 2023-11..', '00020 history 2023-11..', 'issued shares by month, from 2023-11'],
    ['00020 2023-11 full', '00020 2023-11 full', 'SenseTime Group Inc. (00020), Nov 2023: the whole return'],
    // 00777 is the large return the Show all test above stores.
    ['list', 'list', '4 stock codes held: 00020, 00700, 00777, 01698'],
    ['tencent', 'tencent', '2 issuers match “tencent”: 00700, 01698'],
  ])('"/shares %s" carries it, and it posts the same answer for everyone', async (text, value, shown) => {
    const answer = await command(text);
    expect(answer?.response_type).toBe('ephemeral');
    expect(postButtonOf(answer)).toBe(value);
    const [posted, removed, ...more] = await click(CARD_ACTIONS.postAnswer, value);
    expect(posted?.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(String(posted?.body.text)).toContain(shown);
    expect(postButtonOf(posted?.body)).toBeNull();
    expect(removed?.body).toEqual({ delete_original: true });
    expect(more).toEqual([]);
  });

  it('is not on an answer that says something is not held', async () => {
    const answer = await command('00021');
    expect(String(answer?.text)).toContain('00021');
    expect(JSON.stringify(answer?.blocks ?? [])).not.toContain('Post to channel');
  });

  it('tells the clicker alone when what it asks again is no longer held', async () => {
    const answers = await click(CARD_ACTIONS.postAnswer, '00005 history');
    expect(answers).toHaveLength(1);
    expect(answers[0]?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(answers[0]?.body.text)).toContain('00005');
  });

  it('never posts a value that is not a question for everyone, nor an error', async () => {
    for (const value of ['watch 00020', 'digest', '00020 history csv', '00020 history 2024-13..']) {
      const answers = await click(CARD_ACTIONS.postAnswer, value);
      expect(answers.map((a) => a.body.response_type)).toEqual(['ephemeral']);
    }
  });
});
