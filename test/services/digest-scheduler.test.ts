import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Watchlist } from '../../src/domain/stored-return.js';
import type { RunningScheduler } from '../../src/services/digest-scheduler.js';
import { type FilingStore, openFilingStore } from '../../src/store/index.js';
import { NOVEMBER_RETURNS, NOVEMBER_WATCHLIST, saveInputFor } from '../digest/digest-returns.js';
import { createFakeClock, type FakeClock, runUntil, startSchedulerOn } from '../digest/fake-clock.js';
import { createRecordingPoster, type RecordingPoster } from '../digest/recording-poster.js';

/** November 2023's digest is due on Thu 7 Dec 2023 at 10:00 in Hong Kong. */
const NOVEMBER_DUE = new Date('2023-12-07T02:00:00Z');
/** December 2023's on Mon 8 Jan 2024 (1 Jan a holiday). */
const DECEMBER_DUE = new Date('2024-01-08T02:00:00Z');

let dir: string;
const opened: FilingStore[] = [];
const running: RunningScheduler[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hkex-digest-'));
});

afterEach(async () => {
  for (const scheduler of running.splice(0)) scheduler.stop();
  for (const store of opened.splice(0)) await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function openStore(clock: FakeClock): Promise<FilingStore> {
  const store = await openFilingStore({ dir, durable: false, now: () => clock.now() });
  opened.push(store);
  return store;
}

async function closeStore(store: FilingStore): Promise<void> {
  opened.splice(opened.indexOf(store), 1);
  await store.close();
}

function watchlist(channelId: string, overrides: Partial<Watchlist> = {}): Watchlist {
  return {
    channelId,
    stockCodes: [...NOVEMBER_WATCHLIST],
    digestEnabled: true,
    updatedAt: '2023-11-20T00:00:00.000Z',
    // After October's digest fell due (7 Nov), so that only November's is owed.
    digestSince: '2023-11-20T00:00:00.000Z',
    ...overrides,
  };
}

async function seed(store: FilingStore, ...watchlists: Watchlist[]): Promise<void> {
  for (const spec of NOVEMBER_RETURNS) await store.save(saveInputFor(spec));
  for (const list of watchlists) await store.saveWatchlist(list);
}

function start(store: FilingStore, clock: FakeClock, poster: RecordingPoster, log: string[] = []): RunningScheduler {
  const scheduler = startSchedulerOn(clock, { store, poster }, log);
  running.push(scheduler);
  return scheduler;
}

describe('startDigestScheduler', () => {
  it('posts November 2023 at 10:00 Hong Kong time on 7 December, not a second before', async () => {
    const clock = createFakeClock(new Date('2023-12-01T00:00:00Z'));
    const store = await openStore(clock);
    await seed(store, watchlist('C1'));
    const poster = createRecordingPoster();
    const scheduler = start(store, clock, poster);

    await runUntil(clock, scheduler, new Date(NOVEMBER_DUE.getTime() - 1000));
    expect(poster.posts).toHaveLength(0);
    expect(clock.nextTimerAt()).toEqual(NOVEMBER_DUE);

    await runUntil(clock, scheduler, NOVEMBER_DUE);
    expect(poster.posts.map((p) => [p.channelId, p.message.text.slice(0, 60)])).toEqual([
      ['C1', 'November 2023 digest: 6 of 8 watched companies have filed; l'],
    ]);
    expect(await store.findDigestRecord('C1', '2023-11')).toEqual({
      channelId: 'C1',
      reportMonth: '2023-11',
      sentAt: NOVEMBER_DUE.toISOString(),
      messageTs: [poster.posts[0]?.ts],
      trigger: 'scheduled',
    });
    // December's digest is 32 days away: the wait starts with a step as long as a timeout can be.
    expect(clock.nextTimerAt()).toEqual(new Date(NOVEMBER_DUE.getTime() + 2_147_483_647));
  });

  it('posts to every enabled list and skips one with digests off', async () => {
    const clock = createFakeClock(new Date('2023-12-06T00:00:00Z'));
    const store = await openStore(clock);
    await seed(
      store,
      watchlist('C1'),
      watchlist('C2', { stockCodes: ['00700'] }),
      watchlist('C3', { digestEnabled: false }),
    );
    const poster = createRecordingPoster();
    await runUntil(clock, start(store, clock, poster), NOVEMBER_DUE);
    expect(poster.posts.map((p) => p.channelId)).toEqual(['C1', 'C2']);
    expect(poster.posts[1]?.message.text).toBe(
      'November 2023 digest: 1 of 1 watched companies have filed; largest change Tencent Holdings Limited (00700) -0.08%.',
    );
  });

  it('sends each digest once across a restart over the same store directory', async () => {
    const clock = createFakeClock(new Date('2023-12-07T01:00:00Z'));
    const poster = createRecordingPoster();
    const first = await openStore(clock);
    await seed(first, watchlist('C1'));
    const before = start(first, clock, poster);
    await runUntil(clock, before, new Date('2023-12-07T02:01:00Z'));
    before.stop();
    await closeStore(first);
    expect(poster.posts).toHaveLength(1);

    clock.set(new Date('2023-12-07T02:05:00Z'));
    const second = await openStore(clock);
    const after = start(second, clock, poster);
    await after.idle();
    expect(poster.posts).toHaveLength(1);
    expect((await second.findDigestRecord('C1', '2023-11'))?.messageTs).toEqual([poster.posts[0]?.ts]);
  });

  it('catches up at start-up on a digest that fell due while the process was down', async () => {
    const clock = createFakeClock(new Date('2023-12-11T05:00:00Z'));
    const store = await openStore(clock);
    await seed(store, watchlist('C1'));
    const poster = createRecordingPoster();
    await start(store, clock, poster).idle();
    expect(poster.posts).toHaveLength(1);
    expect(poster.posts[0]?.message.text).toMatch(/^November 2023 digest/);
    expect((await store.findDigestRecord('C1', '2023-11'))?.trigger).toBe('catch-up');
  });

  it('catches up on the latest due month only after a downtime of several months', async () => {
    // Down from early November 2023 to 10 January 2024: October, November and December fell due meanwhile.
    const clock = createFakeClock(new Date('2024-01-10T00:00:00Z'));
    const store = await openStore(clock);
    await seed(store, watchlist('C1', { digestSince: '2023-09-01T00:00:00.000Z' }));
    const poster = createRecordingPoster();
    await start(store, clock, poster).idle();
    expect(poster.posts.map((p) => p.message.text.slice(0, 22))).toEqual(['December 2023 digest: ']);
    expect(await store.findDigestRecord('C1', '2023-11')).toBeNull();
    expect(await store.findDigestRecord('C1', '2023-10')).toBeNull();
  });

  it('does not send a list made after the due time the month that was already due', async () => {
    const clock = createFakeClock(new Date('2023-12-21T00:00:00Z'));
    const store = await openStore(clock);
    await seed(store, watchlist('C1', { digestSince: '2023-12-20T03:00:00.000Z' }));
    const poster = createRecordingPoster();
    const scheduler = start(store, clock, poster);
    await scheduler.idle();
    expect(poster.posts).toHaveLength(0);
    await runUntil(clock, scheduler, DECEMBER_DUE);
    expect(poster.posts.map((p) => p.message.text.slice(0, 22))).toEqual(['December 2023 digest: ']);
  });

  it('waits for a due time beyond the 24.8-day timeout limit in steps that post nothing', async () => {
    const clock = createFakeClock(new Date('2023-12-07T02:00:01Z'));
    const store = await openStore(clock);
    await seed(store);
    const poster = createRecordingPoster();
    const scheduler = start(store, clock, poster);
    await scheduler.idle();
    // 8 Jan is 31.99 days away: the first timer is the longest a timeout can be.
    expect(clock.nextTimerAt()).toEqual(new Date(clock.now().getTime() + 2_147_483_647));
    clock.fireNext();
    await scheduler.idle();
    expect(clock.nextTimerAt()).toEqual(DECEMBER_DUE);
    expect(clock.pendingTimers()).toBe(1);
  });

  it('does not post again a digest claimed by a run that stopped before confirming it', async () => {
    const clock = createFakeClock(new Date('2023-12-07T03:00:00Z'));
    const store = await openStore(clock);
    await seed(store, watchlist('C1'));
    await store.recordDigest({
      channelId: 'C1',
      reportMonth: '2023-11',
      sentAt: NOVEMBER_DUE.toISOString(),
      messageTs: [],
      trigger: 'scheduled',
    });
    const poster = createRecordingPoster();
    const log: string[] = [];
    await start(store, clock, poster, log).idle();
    expect(poster.posts).toHaveLength(0);
    expect(log).toContain('C1 2023-11: claimed at 2023-12-07T02:00:00.000Z but never confirmed; not posted again');
  });

  it('records a post Slack refused, posts nothing again at a restart, and tries again the next business day', async () => {
    const clock = createFakeClock(new Date('2023-12-07T02:00:00Z'));
    const poster = createRecordingPoster();
    poster.failNext();
    const log: string[] = [];
    const first = await openStore(clock);
    await seed(first, watchlist('C1'));
    const scheduler = start(first, clock, poster, log);
    await scheduler.idle();
    scheduler.stop();
    // Thursday 7 December 2023 at 10:00 in Hong Kong; Friday the 8th is the next business day.
    expect(log).toContain(
      'C1 2023-11: posting failed after 0 message(s) (attempt 1), tried again at 2023-12-08T02:00:00.000Z: Slack refused chat.postMessage: not_in_channel',
    );
    await closeStore(first);

    const second = await openStore(clock);
    const restarted = start(second, clock, poster);
    await restarted.idle();
    expect(poster.posts).toHaveLength(0);
    expect((await second.findDigestRecord('C1', '2023-11'))?.failure).toMatchObject({
      retryAt: '2023-12-08T02:00:00.000Z',
      attempts: 1,
    });
    expect(clock.nextTimerAt()?.toISOString()).toBe('2023-12-08T02:00:00.000Z');
    clock.fireNext();
    await restarted.idle();
    restarted.stop();
    expect(poster.posts.map((post) => post.channelId)).toEqual(['C1']);
    const record = await second.findDigestRecord('C1', '2023-11');
    expect(record?.messageTs).toHaveLength(1);
    expect(record?.failure).toBeUndefined();
  });

  it('tries again 15 minutes later when the store failed before anything was claimed', async () => {
    const clock = createFakeClock(new Date('2023-12-07T02:00:00Z'));
    const store = await openStore(clock);
    await seed(store, watchlist('C1'));
    let failures = 1;
    const flaky = new Proxy(store, {
      get(target, property) {
        if (property === 'forMonth' && failures-- > 0) return () => Promise.reject(new Error('EIO: i/o error, read'));
        const value = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const poster = createRecordingPoster();
    const log: string[] = [];
    const scheduler = start(flaky, clock, poster, log);
    await scheduler.idle();
    expect(poster.posts).toHaveLength(0);
    expect(log).toContain('C1 2023-11: not prepared, will retry: EIO: i/o error, read');
    expect(clock.nextTimerAt()).toEqual(new Date('2023-12-07T02:15:00Z'));
    await runUntil(clock, scheduler, new Date('2023-12-07T02:15:00Z'));
    expect(poster.posts).toHaveLength(1);
    expect((await store.findDigestRecord('C1', '2023-11'))?.trigger).toBe('catch-up');
  });

  it('sets no timer and posts nothing once stopped', async () => {
    const clock = createFakeClock(new Date('2023-12-01T00:00:00Z'));
    const store = await openStore(clock);
    await seed(store, watchlist('C1'));
    const poster = createRecordingPoster();
    const scheduler = start(store, clock, poster);
    await scheduler.idle();
    scheduler.stop();
    expect(clock.pendingTimers()).toBe(0);
    await runUntil(clock, scheduler, DECEMBER_DUE);
    expect(poster.posts).toHaveLength(0);
  });
});
