/**
 * The bot's own process with 2,600 issuers held: a /shares that used to hold the event loop for minutes (a
 * 4,000-character query, a long misspelt name) is answered, and a probe sent the moment it is acknowledged is
 * acknowledged within a second. The bound is generous on purpose: the ack p99 target (50 ms) is the shares-burst
 * bench's to measure, not a test's.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, startBotProcess } from '../helpers/bot-process.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { type MarketStore, writeMarketStore } from '../helpers/market-store.js';

const PROBE_BOUND_MS = 1_000;

let fakeSlack: FakeSlack;
let market: MarketStore;
let bot: BotProcess;

beforeAll(async () => {
  [fakeSlack, market] = await Promise.all([startFakeSlack(), writeMarketStore(2_600)]);
  bot = await startBotProcess(fakeSlack, market.dir);
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await fakeSlack?.close();
  if (market) await rm(market.dir, { recursive: true, force: true });
});

describe('/shares on a market-sized store, in the bot process', () => {
  it.each([
    ['a 4,000-character query', `x${' sensetme'.repeat(444)}`, 'That is 3,997 characters'],
    ['a misspelt name as long as a name may be', 'pacifc dargon holdngs '.repeat(5).trim(), 'No issuer held matches'],
    ['an ordinary typo', 'pacifc dargon', 'Pacific Dragon'],
  ])('answers %s and acknowledges a probe sent just after it within a second', async (_, text, answer) => {
    const slow = await bot.sendCommand(text);
    expect(slow.status).toBe(200);
    const probe = await bot.sendCommand('list');
    expect(probe.status).toBe(200);
    expect(probe.ackedAt - slow.ackedAt).toBeLessThan(PROBE_BOUND_MS);
    expect(await bot.answerTo(slow.responseUrl)).toContain(answer);
    expect(await bot.answerTo(probe.responseUrl)).toContain('2600 stock codes held');
  });
});
