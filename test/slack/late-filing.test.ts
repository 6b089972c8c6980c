/**
 * A late filer's follow-up, end to end: `/shares watch` over signed HTTP to the real Bolt app, and two digest
 * schedulers on its store (as two bots would run) posting through the app's Web API client to the fake Slack,
 * filling from the fake HKEXnews on a clock the test moves. March 2012's deadline is Wed 11 April 2012: the digest
 * names Gamma (01003) as late; Gamma files the next morning, and the channel is told once, in one short message.
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
describe('a late filer after the digest', () => {
  it('is named late in the digest at the deadline', async () => {
    const watch = await scenario.t.sendCommand('watch 01001 01003', { channel: CHANNEL, user: 'U0001' });
    expect(watch.status).toBe(200);
    await scenario.t.idle();
    expect((await scenario.t.store.getWatchlist(CHANNEL))?.stockCodes).toEqual(['01001', '01003']);
    await scenario.runBothUntil(new Date('2012-04-11T02:00:00Z'));
    expect(channelPosts().map((m) => m.text)).toEqual([
      'March 2012 digest: 1 of 2 watched companies have filed; late: 01003.',
    ]);
    expect(channelPosts()[0]?.plain).toContain(
      '⏳ Late: no March 2012 return on HKEXnews by the deadline (1): 01003 (no return held yet)',
    );
  });

  it('is told to the channel once, in one short message, when the next business day’s fill finds its return', async () => {
    scenario.fake.addDocument(scenario.gamma);
    await scenario.runBothUntil(new Date('2012-04-12T02:00:00Z'));
    expect(await scenario.t.store.monthsHeld('01003')).toEqual(['2012-03']);
    // Both schedulers filled; the site served Gamma's return once, and one follow-up went out.
    expect(scenario.fake.downloads.get(scenario.gamma.path)).toBe(1);
    const [, followUp, ...more] = channelPosts();
    expect(more).toEqual([]);
    expect(followUp?.text).toBe('01003 filed late: March 2012 (issued shares 300,000,000)');
    expect(followUp?.plain).toContain(
      "⏳ Gamma Holdings Limited (01003) filed late for March 2012 (deadline Wed 11 Apr 2012), after this channel's digest:",
    );
    expect(followUp?.plain).toContain('Gamma Holdings Limited (01003) · submitted 2012-04-12 · ⏳ filed late');
    expect(scenario.log.filter((line) => line.includes('follow-up for 01003'))).toEqual([
      `${CHANNEL} 2012-03: follow-up for 01003 posted`,
    ]);
  });

  it('is not told again by the fills of the days after', async () => {
    await scenario.runBothUntil(new Date('2012-04-19T02:00:00Z'));
    expect(channelPosts()).toHaveLength(2);
  });
});
