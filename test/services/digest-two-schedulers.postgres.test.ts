/**
 * Two digest schedulers, each with its own connections to one PostgreSQL database as two bots would have, wake at
 * the same due time: the digest goes out once. Both read "no digest recorded" before either claims; the claim in
 * the database (FilingStore.claimDigest) is what lets only one of them post.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DIGEST_SCHEDULE } from '../../src/digest/digest-schedule.js';
import { startDigestScheduler } from '../../src/services/digest-scheduler.js';
import type { FilingStore } from '../../src/store/filing-store.js';
import { openPostgresFilingStore } from '../../src/store/postgres/open-postgres-store.js';
import { NOVEMBER_RETURNS, NOVEMBER_WATCHLIST, saveInputFor } from '../digest/digest-returns.js';
import { createFakeClock } from '../digest/fake-clock.js';
import { createRecordingPoster } from '../digest/recording-poster.js';
import { emptyStoreTables, postgresSkipReason, testDatabaseUrl } from '../helpers/postgres-database.js';

/** November 2023's digest is due on Thu 7 Dec 2023 at 10:00 in Hong Kong. */
const NOVEMBER_DUE = new Date('2023-12-07T02:00:00Z');

describe.skipIf(postgresSkipReason !== null)(
  `two digest schedulers on one PostgreSQL database${postgresSkipReason ? ` (skipped: ${postgresSkipReason})` : ''}`,
  () => {
    const stores: FilingStore[] = [];
    beforeAll(async () => {
      const url = await testDatabaseUrl();
      stores.push(await openPostgresFilingStore({ url }), await openPostgresFilingStore({ url }));
      await emptyStoreTables(url);
    });
    afterAll(async () => {
      for (const store of stores) await store.close();
    });

    it('post the digest due at the time both wake at once, and record it once', async () => {
      const [first, second] = stores as [FilingStore, FilingStore];
      for (const spec of NOVEMBER_RETURNS) await first.save(saveInputFor(spec));
      await first.saveWatchlist({
        channelId: 'C1',
        stockCodes: [...NOVEMBER_WATCHLIST],
        digestEnabled: true,
        updatedAt: '2023-11-20T00:00:00.000Z',
        digestSince: '2023-11-20T00:00:00.000Z',
      });
      const clock = createFakeClock(new Date('2023-12-01T00:00:00Z'));
      const poster = createRecordingPoster();
      const log: string[] = [];
      const schedulers = [first, second].map((store, i) =>
        startDigestScheduler({
          store,
          poster,
          now: () => clock.now(),
          schedule: DEFAULT_DIGEST_SCHEDULE,
          timers: clock.timers,
          log: (message) => log.push(`${i}: ${message}`),
        }),
      );
      try {
        await Promise.all(schedulers.map((s) => s.idle()));
        expect(clock.pendingTimers()).toBe(2);
        expect(clock.nextTimerAt()).toEqual(NOVEMBER_DUE);
        // Both timers fire before either run has gone further than its first step.
        clock.fireNext();
        clock.fireNext();
        await Promise.all(schedulers.map((s) => s.idle()));
      } finally {
        for (const scheduler of schedulers) scheduler.stop();
      }
      expect(poster.posts.map((p) => [p.channelId, p.message.text.slice(0, 60)])).toEqual([
        ['C1', 'November 2023 digest: 6 of 8 watched companies have filed; l'],
      ]);
      expect(await first.findDigestRecord('C1', '2023-11')).toMatchObject({
        messageTs: [poster.posts[0]?.ts],
        trigger: 'scheduled',
      });
      expect(log.filter((line) => line.endsWith('sent (1 message(s))'))).toHaveLength(1);
    });
  },
);
