/**
 * Watchlists fill themselves: the digest scheduler, the real HKEXnews client and the project's fake HKEXnews, on a
 * clock the test moves. March 2012's deadline is Wed 11 April 2012 (Ching Ming on the 4th, Easter from the 6th to
 * the 9th); two of three watched companies have filed on HKEXnews by then, the third files a day late.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filingDeadline } from '../../src/digest/filing-deadline.js';
import { renderDigest } from '../../src/format/digest.js';
import { createHkexnewsClient } from '../../src/hkexnews/hkexnews-client.js';
import { createRateLimiter } from '../../src/hkexnews/rate-limiter.js';
import { loadDigest } from '../../src/services/digest-content.js';
import type { RunningScheduler } from '../../src/services/digest-scheduler.js';
import { fillWatchlists } from '../../src/services/watchlist-fill.js';
import { type FilingStore, openFilingStore } from '../../src/store/index.js';
import { createFakeClock, runUntil, startSchedulerOn } from '../digest/fake-clock.js';
import { createRecordingPoster } from '../digest/recording-poster.js';
import { type FakeDocument, type FakeHkexnews, startFakeHkexnews } from '../helpers/fake-hkexnews.js';
import { marchNextDayDisclosure, marchReturn } from '../helpers/march-returns.js';
import { renderPlainText } from '../helpers/plain-text.js';

const WATCHED = ['01001', '01002', '01003'];

let dir: string;
let fake: FakeHkexnews;
let store: FilingStore;
let scheduler: RunningScheduler;
let gamma: FakeDocument;
const clock = createFakeClock(new Date('2012-04-10T00:00:00Z'));
const poster = createRecordingPoster();
const log: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hkex-fill-'));
  store = await openFilingStore({ dir, durable: false, now: () => clock.now() });
  const alpha = await marchReturn('01001', 'Alpha', '500,000,000', '2012-04-05 16:30');
  // Published on the deadline morning, before 08:30: on time.
  const beta = await marchReturn('01002', 'Beta', '800,000,000', '2012-04-11 07:45');
  gamma = await marchReturn('01003', 'Gamma', '300,000,000', '2012-04-12 09:15');
  // Gamma is listed on the site (a Next Day Disclosure Return of March), but its monthly return is not there yet.
  fake = await startFakeHkexnews({
    documents: [alpha, beta, marchNextDayDisclosure(gamma)],
  });
  await store.saveWatchlist({
    channelId: 'C0WATCH',
    stockCodes: WATCHED,
    digestEnabled: true,
    updatedAt: '2012-03-20T00:00:00.000Z',
    digestSince: '2012-03-20T00:00:00.000Z',
  });
  const client = createHkexnewsClient({
    baseUrl: fake.url,
    maxBytes: 20 * 1024 * 1024,
    limiter: createRateLimiter({ perSecond: 1000 }),
  });
  const fill = (month: string) => fillWatchlists({ store, client, now: () => clock.now() }, month);
  scheduler = startSchedulerOn(clock, { store, poster, fill }, log);
});

afterAll(async () => {
  scheduler.stop();
  await store.close();
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a watchlist filled from HKEXnews', () => {
  it('asks HKEXnews nothing before the deadline', async () => {
    await runUntil(clock, scheduler, new Date('2012-04-11T01:59:00Z'));
    expect(filingDeadline('2012-03')).toBe('2012-04-11');
    expect(fake.requests).toEqual([]);
    expect(clock.nextTimerAt()?.toISOString()).toBe('2012-04-11T02:00:00.000Z');
  });

  it('fetches the watched returns at the deadline, and the digest names the one not on HKEXnews as late', async () => {
    await runUntil(clock, scheduler, new Date('2012-04-11T02:00:00Z'));
    expect(await store.monthsHeld('01001')).toEqual(['2012-03']);
    expect(await store.monthsHeld('01002')).toEqual(['2012-03']);
    expect(await store.monthsHeld('01003')).toEqual([]);
    expect(poster.posts).toHaveLength(1);
    const digest = renderPlainText(poster.posts[0]?.message ?? { text: '' });
    expect(digest).toContain(
      '2 of 3 watched companies have filed for March 2012 (deadline Wed 11 Apr 2012): 0 moved or flagged, 2 quiet, 1 late (not on HKEXnews), 0 not held yet.',
    );
    expect(digest).toContain('Quiet (no change): Alpha Holdings Limited (01001), Beta Holdings Limited (01002)\n');
    expect(digest).toContain(
      '⏳ Late: no March 2012 return on HKEXnews by the deadline (1): 01003 (no return held yet)',
    );
    expect(log).toContain('HKEXnews fill 2012-03: asked about 3 code(s), found 01001, 01002');
    // Only monthly returns were searched for: the Next Day Disclosure Return was never downloaded.
    expect([...fake.downloads.keys()].sort()).toEqual([
      '/listedco/listconews/sehk/2012/0405/010011630.pdf',
      '/listedco/listconews/sehk/2012/0411/010020745.pdf',
    ]);
  });

  it('fetches the late filer on the next business day, tells the channel once, and the digest of the month then names it as filed late', async () => {
    fake.addDocument(gamma);
    const before = fake.requests.length;
    await runUntil(clock, scheduler, new Date('2012-04-12T02:00:00Z'));
    expect(await store.monthsHeld('01003')).toEqual(['2012-03']);
    // Only the code still missing was asked about: one look-up, one search, one download.
    expect(fake.requests.slice(before).map((r) => r.endpoint)).toEqual(['prefix', 'search', 'document']);
    expect(log).toContain('HKEXnews fill 2012-03: asked about 1 code(s), found 01003');
    // The digest went out naming Gamma late; the return it then filed is told to the channel in one follow-up.
    expect(poster.posts.map((p) => [p.channelId, p.message.text])).toEqual([
      ['C0WATCH', expect.stringContaining('March 2012 digest')],
      ['C0WATCH', '01003 filed late: March 2012 (issued shares 300,000,000)'],
    ]);
    const asked = renderDigest(await loadDigest(store, WATCHED, '2012-03'))
      .map(renderPlainText)
      .join('\n');
    expect(asked).toContain('3 of 3 watched companies have filed for March 2012');
    expect(asked).toContain(
      'Quiet (no change): Alpha Holdings Limited (01001), Beta Holdings Limited (01002), Gamma Holdings Limited (01003) (filed late)',
    );
  });

  it('asks HKEXnews nothing more once every watched code has filed, and stops a week after the deadline', async () => {
    const before = fake.requests.length;
    await runUntil(clock, scheduler, new Date('2012-04-30T00:00:00Z'));
    expect(fake.requests.length).toBe(before);
    // Next: April 2012's digest on its deadline, Tue 8 May (Labour Day on the 1st).
    expect(clock.nextTimerAt()?.toISOString()).toBe('2012-05-08T02:00:00.000Z');
  });
});
