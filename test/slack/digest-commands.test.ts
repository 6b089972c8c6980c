/**
 * Watchlists and digests end to end: `/shares watch …` and `/shares digest …` over signed HTTP to the real Bolt app,
 * and the scheduler posting through the app's Web API client to the fake Slack.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DIGEST_SCHEDULE } from '../../src/digest/digest-schedule.js';
import { type RunningScheduler, startDigestScheduler } from '../../src/services/digest-scheduler.js';
import { createDigestPoster } from '../../src/slack/digest-poster.js';
import { type FilingStore, openFilingStore } from '../../src/store/index.js';
import { NOVEMBER_RETURNS, saveInputFor } from '../digest/digest-returns.js';
import { createFakeClock, type FakeClock } from '../digest/fake-clock.js';
import { createMemoryFilingStore } from '../helpers/memory-filing-store.js';
import { startTestApp, type TestApp } from '../helpers/slack-harness.js';

const DEC_3 = new Date('2023-12-03T04:00:00Z');

let t: TestApp | null = null;
let scheduler: RunningScheduler | null = null;
let dir: string | null = null;

afterEach(async () => {
  scheduler?.stop();
  await t?.close();
  await t?.store.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  t = null;
  scheduler = null;
  dir = null;
});

async function seeded(store: FilingStore): Promise<FilingStore> {
  for (const spec of NOVEMBER_RETURNS) await store.save(saveInputFor(spec));
  return store;
}

function startedApp(): TestApp {
  if (!t) throw new Error('the test app is not started');
  return t;
}

/** The scheduler as main.ts starts it, posting through the app's own Web API client. */
function startOver(testApp: TestApp, store: FilingStore, clock: FakeClock, log: string[]): RunningScheduler {
  return startDigestScheduler({
    store,
    poster: createDigestPoster(testApp.app.client),
    now: () => clock.now(),
    schedule: DEFAULT_DIGEST_SCHEDULE,
    timers: clock.timers,
    log: (line) => log.push(line),
  });
}

async function command(app: TestApp, text: string, channel = 'C0001') {
  const request = await app.sendCommand(text, { channel });
  expect(request.status).toBe(200);
  await app.idle();
  const answers = app.botMessages().filter((m) => m.via === 'response_url');
  return answers.at(-1);
}

describe('/shares watchlist commands over Slack', () => {
  it('watches codes, lists them, and posts last month’s digest to the channel on request', async () => {
    t = await startTestApp({ store: await seeded(createMemoryFilingStore()), now: () => DEC_3 });

    const watched = await command(t, 'watch 20 700 9988 01234');
    expect(watched?.responseType).toBe('ephemeral');
    expect(watched?.plain).toContain('01234 no return held yet: it counts once one is read');

    const list = await command(t, 'watchlist');
    expect(list?.plain).toContain('This channel watches 4 companies:');
    expect(list?.plain).toContain(
      'Next digest: November 2023, on Thu 7 Dec 2023 at 10:00 (Asia/Hong_Kong), the filing deadline.',
    );

    const digest = await command(t, 'digest');
    expect(digest?.responseType).toBe('in_channel');
    expect(digest?.text).toBe(
      'November 2023 digest: 2 of 4 watched companies have filed; largest change Example Holdings Limited (00020) +5.00%; not held yet: 01234, 09988.',
    );
    expect(digest?.plain).toContain('Ordinary shares: 1,050,000,000 (+50,000,000, +5.00% vs Oct 2023)');
    expect(digest?.plain).toContain('• Placings: +50,000,000 issued');
  });

  it('explains a malformed code and a month that has not ended, to the asker only', async () => {
    t = await startTestApp({ store: await seeded(createMemoryFilingStore()), now: () => DEC_3 });
    const malformed = await command(t, 'watch tencent');
    expect(malformed?.responseType).toBe('ephemeral');
    expect(malformed?.text).toContain('"tencent" is not a stock code: HKEX codes have one to five digits');

    await command(t, 'watch 700');
    const future = await command(t, 'digest 2024-01');
    expect(future?.responseType).toBe('ephemeral');
    expect(future?.text).toBe('January 2024 has not ended yet: the latest month to ask for is November 2023.');
  });

  it('turns the scheduled digest off for one channel only', async () => {
    t = await startTestApp({ store: await seeded(createMemoryFilingStore()), now: () => DEC_3 });
    await command(t, 'watch 700', 'C0001');
    await command(t, 'watch 700', 'C0002');
    const off = await command(t, 'digest off', 'C0002');
    expect(off?.plain).toContain('Scheduled digests are now off in this channel.');
    expect((await t.store.getWatchlist('C0001'))?.digestEnabled).toBe(true);
    expect((await t.store.getWatchlist('C0002'))?.digestEnabled).toBe(false);
  });
});

describe('the scheduled digest over Slack', () => {
  it('posts with chat.postMessage at the due time to the channels that asked for it, once', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hkex-digest-slack-'));
    const clock = createFakeClock(DEC_3);
    const store = await seeded(await openFilingStore({ dir, durable: false, now: () => clock.now() }));
    t = await startTestApp({ store, now: () => clock.now() });
    await command(t, 'watch 20 700 9988', 'C0001');
    await command(t, 'watch 5', 'C0002');
    await command(t, 'digest off', 'C0002');

    const log: string[] = [];
    scheduler = startOver(startedApp(), store, clock, log);
    await scheduler.idle();
    expect(t.fakeSlack.callsTo('chat.postMessage')).toHaveLength(0);

    clock.fireNext();
    await scheduler.idle();
    const posts = t.botMessages().filter((m) => m.via === 'chat.postMessage');
    expect(posts.map((p) => [p.channel, p.text.slice(0, 62)])).toEqual([
      ['C0001', 'November 2023 digest: 2 of 3 watched companies have filed; lar'],
    ]);
    expect(clock.now().toISOString()).toBe('2023-12-07T02:00:00.000Z');
    const record = await store.findDigestRecord('C0001', '2023-11');
    expect(record?.messageTs).toHaveLength(1);
    expect(log).toEqual(['C0001 2023-11: sent (1 message(s))']);

    // A restart five minutes later finds the record and posts nothing.
    scheduler.stop();
    clock.set(new Date('2023-12-07T02:05:00Z'));
    scheduler = startOver(startedApp(), store, clock, log);
    await scheduler.idle();
    expect(t.fakeSlack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('keeps the claim and logs Slack’s refusal when the bot is not in the channel', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hkex-digest-slack-'));
    const clock = createFakeClock(new Date('2023-12-07T02:00:00Z'));
    const store = await seeded(await openFilingStore({ dir, durable: false, now: () => clock.now() }));
    t = await startTestApp({ store, now: () => clock.now() });
    await store.saveWatchlist({
      channelId: 'C0009',
      stockCodes: ['00700'],
      digestEnabled: true,
      updatedAt: '2023-11-20T00:00:00.000Z',
      digestSince: '2023-11-20T00:00:00.000Z',
    });
    t.fakeSlack.failNext('chat.postMessage', 'not_in_channel');
    const log: string[] = [];
    scheduler = startOver(startedApp(), store, clock, log);
    await scheduler.idle();
    expect(log).toEqual(['C0009 2023-11: posting failed after 0 message(s), not retried: could not post to C0009']);
    expect(await store.findDigestRecord('C0009', '2023-11')).toMatchObject({ messageTs: [], trigger: 'catch-up' });
  });
});
