/**
 * A late filer's follow-up, end to end: `/shares watch` over signed HTTP to the real Bolt app, and two digest
 * schedulers on its store (as two bots would run) posting through the app's Web API client to the fake Slack,
 * filling from the fake HKEXnews on a clock the test moves. March 2012's deadline is Wed 11 April 2012: the digest
 * names Gamma (01003) as late; Gamma files the next morning, and the channel is told once, in one short message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIGEST_SCHEDULE } from '../../src/digest/digest-schedule.js';
import { createHkexnewsClient } from '../../src/hkexnews/hkexnews-client.js';
import { createRateLimiter } from '../../src/hkexnews/rate-limiter.js';
import { type RunningScheduler, startDigestScheduler } from '../../src/services/digest-scheduler.js';
import { fillWatchlists } from '../../src/services/watchlist-fill.js';
import { createDigestPoster } from '../../src/slack/digest-poster.js';
import { createFakeClock } from '../digest/fake-clock.js';
import { type FakeDocument, type FakeHkexnews, startFakeHkexnews } from '../helpers/fake-hkexnews.js';
import { marchNextDayDisclosure, marchReturn } from '../helpers/march-returns.js';
import { startTestApp, type TestApp } from '../helpers/slack-harness.js';

const CHANNEL = 'C0WATCH';
const clock = createFakeClock(new Date('2012-04-10T00:00:00Z'));
let fake: FakeHkexnews;
let t: TestApp;
let gamma: FakeDocument;
let schedulers: RunningScheduler[] = [];
const log: string[] = [];

/** Runs the clock to `target`, firing every timer due by then and letting both schedulers finish their runs. */
async function runBothUntil(target: Date): Promise<void> {
  for (;;) {
    await Promise.all(schedulers.map((scheduler) => scheduler.idle()));
    const next = clock.nextTimerAt();
    if (next === null || next.getTime() > target.getTime()) break;
    clock.fireNext();
  }
}

const channelPosts = () => t.botMessages().filter((m) => m.via === 'chat.postMessage' && m.channel === CHANNEL);

beforeAll(async () => {
  const alpha = await marchReturn('01001', 'Alpha', '500,000,000', '2012-04-05 16:30');
  gamma = await marchReturn('01003', 'Gamma', '300,000,000', '2012-04-12 09:15');
  // Gamma is listed on the site (a Next Day Disclosure Return of March), but its monthly return is not there yet.
  fake = await startFakeHkexnews({
    documents: [alpha, marchNextDayDisclosure(gamma)],
  });
  t = await startTestApp({ hkexnewsUrl: fake.url, now: () => clock.now() });
  schedulers = [0, 1].map(() => {
    const client = createHkexnewsClient({
      baseUrl: fake.url,
      maxBytes: 20 * 1024 * 1024,
      limiter: createRateLimiter({ perSecond: 1000 }),
    });
    return startDigestScheduler({
      store: t.store,
      poster: createDigestPoster(t.app.client),
      now: () => clock.now(),
      schedule: DEFAULT_DIGEST_SCHEDULE,
      timers: clock.timers,
      log: (message) => log.push(message),
      fill: (month) => fillWatchlists({ store: t.store, client, now: () => clock.now() }, month),
    });
  });
});

afterAll(async () => {
  for (const scheduler of schedulers) scheduler.stop();
  await t?.close();
  await fake?.close();
});

describe('a late filer after the digest', () => {
  it('is named late in the digest at the deadline', async () => {
    const watch = await t.sendCommand('watch 01001 01003', { channel: CHANNEL, user: 'U0001' });
    expect(watch.status).toBe(200);
    await t.idle();
    expect((await t.store.getWatchlist(CHANNEL))?.stockCodes).toEqual(['01001', '01003']);
    await runBothUntil(new Date('2012-04-11T02:00:00Z'));
    expect(channelPosts().map((m) => m.text)).toEqual([
      'March 2012 digest: 1 of 2 watched companies have filed; late: 01003.',
    ]);
    expect(channelPosts()[0]?.plain).toContain(
      '⏳ Late: no March 2012 return on HKEXnews by the deadline (1): 01003 (no return held yet)',
    );
  });

  it('is told to the channel once, in one short message, when the next business day’s fill finds its return', async () => {
    fake.addDocument(gamma);
    await runBothUntil(new Date('2012-04-12T02:00:00Z'));
    expect(await t.store.monthsHeld('01003')).toEqual(['2012-03']);
    // Both schedulers filled; the site served Gamma's return once, and one follow-up went out.
    expect(fake.downloads.get(gamma.path)).toBe(1);
    const [, followUp, ...more] = channelPosts();
    expect(more).toEqual([]);
    expect(followUp?.text).toBe('01003 filed late: March 2012 (issued shares 300,000,000)');
    expect(followUp?.plain).toContain(
      "⏳ Gamma Holdings Limited (01003) filed late for March 2012 (deadline Wed 11 Apr 2012), after this channel's digest:",
    );
    expect(followUp?.plain).toContain('Gamma Holdings Limited (01003) · submitted 2012-04-12 · ⏳ filed late');
    expect(log.filter((line) => line.includes('follow-up for 01003'))).toEqual([
      `${CHANNEL} 2012-03: follow-up for 01003 posted`,
    ]);
  });

  it('is not told again by the fills of the days after', async () => {
    await runBothUntil(new Date('2012-04-19T02:00:00Z'));
    expect(channelPosts()).toHaveLength(2);
  });
});
