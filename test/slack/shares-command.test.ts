/**
 * `/shares` in each of its forms, end to end: a signed slash-command request to the real app, an empty 200 at once,
 * then the answer posted to the response URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APOLOGY } from '../../src/format/describe-error.js';
import { renderWatchAnswer } from '../../src/format/watch-answer.js';
import { runWatchCommand } from '../../src/services/watch-commands.js';
import type { FilingStore } from '../../src/store/filing-store.js';
import { makeMonthlyReturn } from '../helpers/factories.js';
import { saveSample, saveSenseTimeOctoberAndNovember } from '../helpers/sample-returns.js';
import { openTempFilingStore, startTestApp, type TestApp } from '../helpers/slack-harness.js';

let t: TestApp;

async function holdReturns(store: FilingStore): Promise<void> {
  await saveSenseTimeOctoberAndNovember(store);
  await saveSample(store, makeMonthlyReturn({ issuerName: 'Tencent Holdings Limited', stockCodes: ['00700'] }));
  await saveSample(
    store,
    makeMonthlyReturn({ issuerName: 'Tencent Music Entertainment Group', stockCodes: ['01698'] }),
  );
}

/** Sends `/shares <text>` and returns the one answer posted to its response URL. */
async function ask(text: string) {
  const sent = await t.sendCommand(text);
  expect(sent.status).toBe(200);
  expect(sent.body).toBe('');
  await t.idle();
  const answers = t.fakeSlack.callsTo('response_url').filter((c) => c.url === sent.responseUrl);
  expect(answers).toHaveLength(1);
  const answer = t.botMessages().find((m) => m.via === 'response_url' && m.text === answers[0]?.body.text);
  if (!answer) throw new Error('no answer');
  return answer;
}

beforeAll(async () => {
  t = await startTestApp();
  await holdReturns(t.store);
});

afterAll(async () => {
  await t.close();
});

describe('/shares', () => {
  it.each(['00020', '20', '0020'])('answers "%s" with the latest card, for the asker only', async (code) => {
    const answer = await ask(code);
    expect(answer.responseType).toBe('ephemeral');
    expect(answer.plain).toContain('SenseTime Group Inc. (00020) · November 2023');
    expect(answer.plain).toContain('Issued: 25,948,809,928 · +809,928 in the month · +809,928 vs Oct 2023');
    expect(answer.plain).toContain('[History] [Chart] [Previous month] [Show all] [Post to channel]');
  });

  it('answers "00020 2023-11 full" with the whole return, every part and row', async () => {
    const answer = await ask('00020 2023-11 full');
    expect(answer.responseType).toBe('ephemeral');
    expect(answer.text).toBe('SenseTime Group Inc. (00020), Nov 2023: the whole return');
    expect(answer.plain).toContain('00020 · Nov 2023 in full');
    expect(answer.plain).toContain('(A) Share options: 1 row');
    expect(answer.plain).toContain('outstanding 3,537,208,529 -> 3,525,018,981 (Other Sold -12,189,548)');
    expect(answer.plain).toContain('Checks: everything adds up.');
  });

  it('answers a code and a month with that month', async () => {
    const answer = await ask('00020 2023-10');
    expect(answer.plain).toContain('SenseTime Group Inc. (00020) · October 2023');
    expect(answer.plain).toContain('Issued: 25,948,000,000');
  });

  it('answers history with the months held and their changes', async () => {
    const answer = await ask('00020 history');
    expect(answer.plain).toMatch(/Nov 2023 +Class B ordinary shares +25,948,809,928 +\+809,928/);
    expect(answer.text).toContain('Oct 2023: Class B ordinary shares 25,948,000,000 (no change in the month)');
  });

  it('lists the codes held', async () => {
    const answer = await ask('list');
    expect(answer.plain).toContain('3 stock codes held:');
    expect(answer.plain).toContain('00020 SenseTime Group Inc. · latest Nov 2023 · 2 months');
  });

  it('finds an issuer by name', async () => {
    const answer = await ask('sensetime');
    expect(answer.plain).toContain('SenseTime Group Inc. (00020) · November 2023');
  });

  it('lists the issuers a name matches when it matches several', async () => {
    const answer = await ask('tencent');
    expect(answer.plain).toContain('2 issuers match “tencent”:');
    expect(answer.plain).toContain('00700 Tencent Holdings Limited');
  });

  it('answers help', async () => {
    const answer = await ask('help');
    expect(answer.plain).toContain('/shares 00020 2023-11 · the return for one month');
  });

  it('suggests the code held nearest to an unknown one', async () => {
    const answer = await ask('00021');
    expect(answer.plain).toContain('No returns are held for stock code 00021.');
    expect(answer.plain).toContain('Did you mean:\n00020 SenseTime Group Inc.');
  });

  it('suggests the issuer a misspelt name was meant to be', async () => {
    const answer = await ask('sensetme');
    expect(answer.plain).toContain('No issuer held matches “sensetme”.');
    expect(answer.plain).toContain('00020 SenseTime Group Inc.');
  });

  it('suggests the keyword a typo was meant to be', async () => {
    expect((await ask('lsit')).plain).toContain('Did you mean /shares list?');
    expect((await ask('20 histroy')).plain).toBe('Did you mean /shares 00020 history?');
  });

  it('says which months are held when the month asked for is not', async () => {
    const answer = await ask('00020 2024-01');
    expect(answer.plain).toContain('No return for 00020 for January 2024 is held.\nMonths held: Nov 2023, Oct 2023.');
  });

  it('hands watchlist words to the watchlist commands', async () => {
    const answer = await ask('watchlist');
    const expected = renderWatchAnswer(
      await runWatchCommand(
        { store: t.store, now: () => new Date() },
        { channelId: 'C0001', userId: 'U0001', query: { kind: 'watchlist' } },
      ),
    );
    expect(answer.text).toBe(expected.message.text);
  });
});

describe('/shares when something breaks', () => {
  it('apologises without details, logs the error, and keeps answering', async () => {
    // The app's own store, whose look-up breaks (the harness's `store` is a view of it).
    const { store, remove } = await openTempFilingStore();
    const app = await startTestApp({ store });
    await holdReturns(store);
    let broken = true;
    const latest = store.latest.bind(store);
    store.latest = async (code) => {
      if (broken) throw new TypeError("Cannot read properties of undefined (reading 'closing')");
      return latest(code);
    };
    try {
      const sent = await app.sendCommand('00020');
      await app.idle();
      const [answer] = app.botMessages();
      expect(sent.status).toBe(200);
      expect(answer?.text).toBe(APOLOGY);
      expect(JSON.stringify(answer?.blocks)).not.toContain('closing');
      expect(app.logs.some((l) => l.level === 'error' && l.text.includes("reading 'closing'"))).toBe(true);

      broken = false;
      await app.sendCommand('00020');
      await app.idle();
      expect(app.botMessages()[1]?.plain).toContain('SenseTime Group Inc. (00020) · November 2023');
    } finally {
      await app.close();
      await remove();
    }
  });
});
