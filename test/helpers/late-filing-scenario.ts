/**
 * March 2012 watched by one channel, as the late filer's tests run it: the real Bolt app over the fake Slack, and
 * two digest schedulers on its store (as two bots would run) posting through the app's Web API client and filling
 * from the fake HKEXnews, on a clock the test moves. Alpha (01001) has filed by the deadline, Wed 11 April 2012;
 * Gamma (01003) is listed on the site by a Next Day Disclosure Return only, until the test adds `gamma`.
 */
import { DEFAULT_DIGEST_SCHEDULE } from '../../src/digest/digest-schedule.js';
import { createHkexnewsClient } from '../../src/hkexnews/hkexnews-client.js';
import { createRateLimiter } from '../../src/hkexnews/rate-limiter.js';
import { startDigestScheduler } from '../../src/services/digest-scheduler.js';
import { fillWatchlists } from '../../src/services/watchlist-fill.js';
import { createDigestPoster } from '../../src/slack/digest-poster.js';
import { createFakeClock } from '../digest/fake-clock.js';
import { type FakeDocument, type FakeHkexnews, startFakeHkexnews } from './fake-hkexnews.js';
import { marchNextDayDisclosure, marchReturn } from './march-returns.js';
import { startTestApp, type TestApp } from './slack-harness.js';

/** The channel that watches March 2012. */
export const WATCH_CHANNEL = 'C0WATCH';

export interface LateFilingScenario {
  readonly t: TestApp;
  readonly fake: FakeHkexnews;
  /** Gamma's March return, not on the site until added. */
  readonly gamma: FakeDocument;
  /** Every line either scheduler logged. */
  readonly log: string[];
  /** Runs the clock to `target`, firing every timer due by then and letting both schedulers finish their runs. */
  runBothUntil(target: Date): Promise<void>;
  /** What the bot posted to the watching channel, in order. */
  channelPosts(): ReturnType<TestApp['botMessages']>;
  close(): Promise<void>;
}

export async function startLateFilingScenario(): Promise<LateFilingScenario> {
  const clock = createFakeClock(new Date('2012-04-10T00:00:00Z'));
  const alpha = await marchReturn('01001', 'Alpha', '500,000,000', '2012-04-05 16:30');
  const gamma = await marchReturn('01003', 'Gamma', '300,000,000', '2012-04-12 09:15');
  const fake = await startFakeHkexnews({ documents: [alpha, marchNextDayDisclosure(gamma)] });
  const t = await startTestApp({ hkexnewsUrl: fake.url, now: () => clock.now() });
  const log: string[] = [];
  const schedulers = [0, 1].map(() => {
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
  return {
    t,
    fake,
    gamma,
    log,
    channelPosts: () => t.botMessages().filter((m) => m.via === 'chat.postMessage' && m.channel === WATCH_CHANNEL),
    async runBothUntil(target) {
      for (;;) {
        await Promise.all(schedulers.map((scheduler) => scheduler.idle()));
        const next = clock.nextTimerAt();
        if (next === null || next.getTime() > target.getTime()) break;
        clock.fireNext();
      }
    },
    async close() {
      for (const scheduler of schedulers) scheduler.stop();
      await t.close();
      await fake.close();
    },
  };
}
