/**
 * A late filer's follow-up that Slack refuses, end to end through the real Bolt app's Web API client and the fake
 * Slack: two digest schedulers on the app's store fill March 2012 from the fake HKEXnews; the digest names Gamma
 * (01003) late on Wed 11 April, Gamma files the next morning, and Slack refuses the follow-up once
 * (`not_in_channel`: the bot was removed, then invited back). Like a refused digest it is tried again the next
 * business day, Fri 13 April, by one scheduler, and never again after; refused then too, it is left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  WATCH_CHANNEL as CHANNEL,
  type LateFilingScenario,
  startLateFilingScenario,
} from '../helpers/late-filing-scenario.js';

let scenario: LateFilingScenario;

beforeAll(async () => {
  scenario = await startLateFilingScenario();
});

afterAll(async () => {
  await scenario?.close();
});

const channelPosts = () => scenario.channelPosts();
/** The texts of the channel's posts that Slack took (ok) or refused. */
const answered = (ok: boolean, { t } = scenario) =>
  t.fakeSlack
    .callsTo('chat.postMessage')
    .filter((call) => call.body.channel === CHANNEL && call.response?.ok === ok)
    .map((call) => call.body.text);

describe('a late filer’s follow-up that Slack refuses', () => {
  it('is tried again the next business day, once, and posted then', async () => {
    const watch = await scenario.t.sendCommand('watch 01001 01003', { channel: CHANNEL, user: 'U0001' });
    expect(watch.status).toBe(200);
    await scenario.t.idle();
    await scenario.runBothUntil(new Date('2012-04-11T02:00:00Z'));
    expect(channelPosts().map((m) => m.text)).toEqual([
      'March 2012 digest: 1 of 2 watched companies have filed; late: 01003.',
    ]);

    scenario.fake.addDocument(scenario.gamma);
    scenario.t.fakeSlack.failNext('chat.postMessage', 'not_in_channel');
    await scenario.runBothUntil(new Date('2012-04-12T02:00:00Z'));
    expect(await scenario.t.store.monthsHeld('01003')).toEqual(['2012-03']);
    expect(answered(false)).toEqual(['01003 filed late: March 2012 (issued shares 300,000,000)']);
    expect(answered(true)).toHaveLength(1);
    expect(scenario.log.filter((line) => line.includes('follow-up for 01003'))).toEqual([
      `${CHANNEL} 2012-03: follow-up for 01003 could not be posted, and is tried again at 2012-04-13T02:00:00.000Z: could not post to C0WATCH (not_in_channel)`,
    ]);

    // Fri 13 April at 10:00 in Hong Kong, the next business day: posted, once, by one of the two.
    await scenario.runBothUntil(new Date('2012-04-13T02:00:00Z'));
    expect(answered(true)).toEqual([
      'March 2012 digest: 1 of 2 watched companies have filed; late: 01003.',
      '01003 filed late: March 2012 (issued shares 300,000,000)',
    ]);
    expect(channelPosts().at(-1)?.plain).toContain(
      'Gamma Holdings Limited (01003) · submitted 2012-04-12 · ⏳ filed late',
    );
    expect(scenario.log.filter((line) => line.includes('follow-up for 01003')).at(-1)).toBe(
      `${CHANNEL} 2012-03: follow-up for 01003, tried again, posted`,
    );
    // Gamma's return was downloaded once, by the fill that found it.
    expect(scenario.fake.downloads.get(scenario.gamma.path)).toBe(1);
  });

  it('is not posted again by the fills and wakes of the days after', async () => {
    await scenario.runBothUntil(new Date('2012-04-23T02:00:00Z'));
    expect(answered(true)).toHaveLength(2);
    expect(answered(false)).toHaveLength(1);
    expect(scenario.log.filter((line) => line.includes('follow-up for 01003'))).toHaveLength(2);
  });
});

describe('a late filer’s follow-up that Slack refuses twice', () => {
  let twice: LateFilingScenario;
  beforeAll(async () => {
    twice = await startLateFilingScenario();
  });
  afterAll(async () => {
    await twice?.close();
  });

  it('is left after the second refusal, and said so in the log', async () => {
    await twice.t.sendCommand('watch 01001 01003', { channel: CHANNEL, user: 'U0001' });
    await twice.t.idle();
    await twice.runBothUntil(new Date('2012-04-11T02:00:00Z'));
    twice.fake.addDocument(twice.gamma);
    twice.t.fakeSlack.failNext('chat.postMessage', 'not_in_channel', 2);
    await twice.runBothUntil(new Date('2012-04-23T02:00:00Z'));
    const followUp = '01003 filed late: March 2012 (issued shares 300,000,000)';
    expect(answered(false, twice)).toEqual([followUp, followUp]);
    expect(answered(true, twice)).toEqual(['March 2012 digest: 1 of 2 watched companies have filed; late: 01003.']);
    expect(twice.log.filter((line) => line.includes('follow-up for 01003'))).toEqual([
      `${CHANNEL} 2012-03: follow-up for 01003 could not be posted, and is tried again at 2012-04-13T02:00:00.000Z: could not post to C0WATCH (not_in_channel)`,
      `${CHANNEL} 2012-03: follow-up for 01003, tried again, could not be posted, and is not tried again: could not post to C0WATCH (not_in_channel)`,
    ]);
  });
});
