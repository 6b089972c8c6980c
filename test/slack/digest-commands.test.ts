/**
 * Watchlists and digests end to end: `/shares watch …` and `/shares digest …` over signed HTTP to the real Bolt app,
 * and the scheduler posting through the app's Web API client to the fake Slack, which knows which conversations the
 * bot is in (conversations.info; chat.postMessage answers not_in_channel elsewhere). Digests arrive: a watch where
 * the bot cannot post is refused with how to invite it; a scheduled post Slack refuses reaches the list's owner in
 * a DM and goes out the next business day; a digest asked for before it is due, with nobody filed, is for the
 * asker alone.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DIGEST_SCHEDULE } from '../../src/digest/digest-schedule.js';
import { type RunningScheduler, startDigestScheduler } from '../../src/services/digest-scheduler.js';
import { createDigestPoster, createOwnerTeller } from '../../src/slack/digest-poster.js';
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
    tellOwner: createOwnerTeller(testApp.app.client),
    now: () => clock.now(),
    schedule: DEFAULT_DIGEST_SCHEDULE,
    timers: clock.timers,
    log: (line) => log.push(line),
  });
}

async function command(app: TestApp, text: string, channel = 'C0001', user = 'U0001') {
  const request = await app.sendCommand(text, { channel, user });
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
    const record = await startedApp().store.findDigestRecord('C0001', '2023-11');
    expect(record?.messageTs).toHaveLength(1);
    expect(log).toEqual(['C0001 2023-11: sent (1 message(s))']);

    // A restart five minutes later finds the record and posts nothing.
    scheduler.stop();
    clock.set(new Date('2023-12-07T02:05:00Z'));
    scheduler = startOver(startedApp(), store, clock, log);
    await scheduler.idle();
    expect(t.fakeSlack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('records Slack’s refusal when the bot is not in the channel, to try again the next business day', async () => {
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
    expect(log).toEqual([
      'C0009 2023-11: posting failed after 0 message(s) (attempt 1), tried again at 2023-12-08T02:00:00.000Z: could not post to C0009 (not_in_channel)',
    ]);
    expect(await store.findDigestRecord('C0009', '2023-11')).toMatchObject({
      messageTs: [],
      trigger: 'catch-up',
      failure: { reason: 'could not post to C0009 (not_in_channel)', retryAt: '2023-12-08T02:00:00.000Z', attempts: 1 },
    });
  });
});

describe('/shares watch where the bot is not', () => {
  it('is refused in a public channel the bot has not joined, with how to invite it, and saves nothing', async () => {
    t = await startTestApp({ store: createMemoryFilingStore(), now: () => DEC_3 });
    t.fakeSlack.addConversation('C0LOBBY', { type: 'public', botIsMember: false });
    const answer = await command(t, 'watch 20 700', 'C0LOBBY');
    expect(answer?.responseType).toBe('ephemeral');
    expect(answer?.plain).toBe(
      [
        'I am not in this channel, so I could not post its digests: nothing was added.',
        'Invite me with /invite @shares (or the channel’s settings › Integrations › Add apps), then /shares watch again.',
      ].join('\n'),
    );
    expect(await t.store.getWatchlist('C0LOBBY')).toBeNull();

    // Invited: the next watch is taken at once (a refusal is never kept in the cache).
    t.fakeSlack.addConversation('C0LOBBY', { type: 'public', botIsMember: true });
    expect((await command(t, 'watch 20 700', 'C0LOBBY'))?.plain).toContain('Now watching');
    expect((await t.store.getWatchlist('C0LOBBY'))?.stockCodes).toEqual(['00020', '00700']);
  });

  it('is refused in a private channel Slack does not describe to the bot (channel_not_found)', async () => {
    t = await startTestApp({ store: createMemoryFilingStore(), now: () => DEC_3 });
    t.fakeSlack.addConversation('C0SECRET', { type: 'private', botIsMember: false });
    const answer = await command(t, 'watch 20', 'C0SECRET');
    expect(answer?.plain).toContain('I am not in this channel');
    expect(t.fakeSlack.callsTo('conversations.info').at(-1)?.response).toEqual({
      ok: false,
      error: 'channel_not_found',
    });
  });
});

describe('a scheduled digest Slack refuses', () => {
  it('reaches the owner in a DM, and is posted the next business day once the bot is back', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hkex-digest-delivery-'));
    const clock = createFakeClock(DEC_3);
    const store = await openFilingStore({ dir, durable: false, now: () => clock.now() });
    for (const spec of NOVEMBER_RETURNS) await store.save(saveInputFor(spec));
    t = await startTestApp({ store, now: () => clock.now() });
    t.fakeSlack.addConversation('C0TEAM', { type: 'public' });
    await command(t, 'watch 20 700', 'C0TEAM', 'U0OWNER');
    await command(t, 'watch 5', 'C0TEAM', 'U0OTHER');
    expect((await startedApp().store.getWatchlist('C0TEAM'))?.ownerUserId).toBe('U0OWNER');
    // Then someone removes the bot from the channel.
    t.fakeSlack.addConversation('C0TEAM', { type: 'public', botIsMember: false });

    const log: string[] = [];
    scheduler = startOver(t, store, clock, log);
    await scheduler.idle();
    expect(clock.nextTimerAt()?.toISOString()).toBe('2023-12-07T02:00:00.000Z');
    clock.fireNext();
    await scheduler.idle();

    expect(t.fakeSlack.callsTo('conversations.open').map((c) => c.body.users)).toEqual(['U0OWNER']);
    const dm = t.botMessages().filter((m) => m.channel === 'D0OWNER');
    expect(dm[0]?.text).toContain('<#C0TEAM>');
    expect(dm.map((m) => m.plain)).toEqual([
      [
        'I could not post the November 2023 digest of your watchlist in #C0TEAM: I am not a member of that channel. Invite me there with /invite @shares.',
        'I will try again on Fri 8 Dec 2023 at 10:00 (Asia/Hong_Kong), and each business day after until the next digest is due.',
      ].join('\n'),
    ]);
    expect(log).toContain('C0TEAM 2023-11: told U0OWNER in a DM why the digest was not posted');
    expect(log.some((line) => line.includes('not retried'))).toBe(false);

    // Invited back before Friday: the retry posts it, and nobody is told again.
    t.fakeSlack.addConversation('C0TEAM', { type: 'public', botIsMember: true });
    expect(clock.nextTimerAt()?.toISOString()).toBe('2023-12-08T02:00:00.000Z');
    clock.fireNext();
    await scheduler.idle();
    const posted = t.fakeSlack
      .callsTo('chat.postMessage')
      .filter((c) => c.body.channel === 'C0TEAM' && c.response?.ok === true);
    expect(posted.map((c) => String(c.body.text).slice(0, 48))).toEqual([
      'November 2023 digest: 3 of 3 watched companies h',
    ]);
    expect(t.fakeSlack.callsTo('conversations.open')).toHaveLength(1);
    const record = await startedApp().store.findDigestRecord('C0TEAM', '2023-11');
    expect(record?.messageTs).toHaveLength(1);
    expect(record?.failure).toBeUndefined();
  });
});

describe('/shares digest for a month not yet due', () => {
  it('tells the asker alone when none of the watched companies has filed, instead of an empty digest', async () => {
    t = await startTestApp({ store: createMemoryFilingStore(), now: () => DEC_3 });
    await command(t, 'watch 388 941', 'C0001');
    const answer = await command(t, 'digest', 'C0001');
    expect(answer?.responseType).toBe('ephemeral');
    expect(answer?.plain).toBe(
      [
        'The November 2023 digest is not due yet, and none of the companies watched here has filed for it.',
        'It goes out on Thu 7 Dec 2023 at 10:00 (Asia/Hong_Kong), the filing deadline.',
      ].join('\n'),
    );
    expect(t.botMessages().some((m) => m.responseType === 'in_channel')).toBe(false);
  });
});
