/**
 * Two digest schedulers, each with its own connections to one PostgreSQL database and its own HKEXnews client, as
 * two bots have, wake together at November 2023's deadline and both fill the watched codes from the fake
 * HKEXnews: the site is asked about each code once and serves the return once, and both schedulers, and the one
 * digest, see what that one fill found (SenseTime filed; 01892, listed on the site, has not).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIGEST_SCHEDULE } from '../../src/digest/digest-schedule.js';
import { createHkexnewsClient } from '../../src/hkexnews/hkexnews-client.js';
import { createRateLimiter } from '../../src/hkexnews/rate-limiter.js';
import { startDigestScheduler } from '../../src/services/digest-scheduler.js';
import { fillWatchlists } from '../../src/services/watchlist-fill.js';
import type { FilingStore } from '../../src/store/filing-store.js';
import { openPostgresFilingStore } from '../../src/store/postgres/open-postgres-store.js';
import { createFakeClock } from '../digest/fake-clock.js';
import { createRecordingPoster } from '../digest/recording-poster.js';
import { type FakeHkexnews, fixtureDocuments, startFakeHkexnews } from '../helpers/fake-hkexnews.js';
import { renderPlainText } from '../helpers/plain-text.js';
import { emptyStoreTables, postgresSkipReason, testDatabaseUrl } from '../helpers/postgres-database.js';

/** November 2023's digest is due on Thu 7 Dec 2023 at 10:00 in Hong Kong. */
const NOVEMBER_DUE = new Date('2023-12-07T02:00:00Z');

describe.skipIf(postgresSkipReason !== null)(
  `two watchlist fills on one PostgreSQL database${postgresSkipReason ? ` (skipped: ${postgresSkipReason})` : ''}`,
  () => {
    const clock = createFakeClock(new Date('2023-12-01T00:00:00Z'));
    const stores: FilingStore[] = [];
    let fake: FakeHkexnews;

    beforeAll(async () => {
      // SenseTime's October and November returns, and 01892's June: only November's of 00020 is for this month.
      fake = await startFakeHkexnews({
        documents: fixtureDocuments().filter((d) => d.stockCode === '00020' || d.stockCode === '01892'),
      });
      const url = await testDatabaseUrl();
      const now = () => clock.now();
      stores.push(await openPostgresFilingStore({ url, now }), await openPostgresFilingStore({ url, now }));
      await emptyStoreTables(url);
    });
    afterAll(async () => {
      for (const store of stores) await store.close();
      await fake?.close();
    });

    it('ask HKEXnews about each watched code once and download its return once, for both', async () => {
      const [first] = stores as [FilingStore, FilingStore];
      await first.saveWatchlist({
        channelId: 'C1',
        stockCodes: ['00020', '01892'],
        digestEnabled: true,
        updatedAt: '2023-11-20T00:00:00.000Z',
        digestSince: '2023-11-20T00:00:00.000Z',
      });
      const poster = createRecordingPoster();
      const logs: string[][] = [[], []];
      const schedulers = stores.map((store, i) => {
        const client = createHkexnewsClient({
          baseUrl: fake.url,
          maxBytes: 20 * 1024 * 1024,
          limiter: createRateLimiter({ perSecond: 1000 }),
        });
        return startDigestScheduler({
          store,
          poster,
          now: () => clock.now(),
          schedule: DEFAULT_DIGEST_SCHEDULE,
          timers: clock.timers,
          log: (message) => logs[i]?.push(message),
          fill: (month) => fillWatchlists({ store, client, now: () => clock.now() }, month),
        });
      });
      try {
        await Promise.all(schedulers.map((s) => s.idle()));
        expect(clock.nextTimerAt()).toEqual(NOVEMBER_DUE);
        expect(fake.requests).toEqual([]);
        // Both wake at the deadline before either has filled anything.
        clock.fireNext();
        clock.fireNext();
        await Promise.all(schedulers.map((s) => s.idle()));
      } finally {
        for (const scheduler of schedulers) scheduler.stop();
      }

      expect(fake.requests.map((r) => `${r.endpoint} ${r.query.name ?? r.query.stockId ?? r.path}`)).toEqual([
        'prefix 00020',
        `search ${fake.stockIdOf('00020')}`,
        'prefix 01892',
        `search ${fake.stockIdOf('01892')}`,
        `document ${[...fake.downloads.keys()][0]}`,
      ]);
      expect([...fake.downloads.values()]).toEqual([1]);
      const november = await first.submissions('00020', '2023-11');
      expect(november.map((s) => s.monthlyReturn.issuedShares.classes[0]?.issuedShares.closing)).toEqual([
        25_948_809_928,
      ]);
      // Each scheduler reports the one fill: the one that ran it, and the one that took its result.
      for (const log of logs) {
        expect(log.filter((line) => line.startsWith('HKEXnews fill'))).toEqual([
          'HKEXnews fill 2023-11: asked about 2 code(s), found 00020',
        ]);
      }
      expect(poster.posts).toHaveLength(1);
      const digest = renderPlainText(poster.posts[0]?.message ?? { text: '' });
      expect(digest).toContain('1 of 2 watched companies have filed for November 2023');
      expect(digest).toContain('Late: no November 2023 return on HKEXnews by the deadline (1): 01892');
    });
  },
);
