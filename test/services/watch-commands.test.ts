import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/domain/errors.js';
import { parseSharesQuery, parseStockCodes, type WatchQuery } from '../../src/domain/shares-query.js';
import { renderWatchAnswer, type WatchCommandReply } from '../../src/format/watch-answer.js';
import { runWatchCommand, type WatchCommandDeps } from '../../src/services/watch-commands.js';
import type { FilingStore } from '../../src/store/filing-store.js';
import { MAX_WATCHED_CODES } from '../../src/view-models/watchlist-change.js';
import { NOVEMBER_RETURNS, saveInputFor } from '../digest/digest-returns.js';
import { createMemoryFilingStore } from '../helpers/memory-filing-store.js';
import { renderPlainText } from '../helpers/plain-text.js';

const DEC_3 = new Date('2023-12-03T04:00:00Z');

async function storeWithNovember(): Promise<FilingStore> {
  const store = createMemoryFilingStore();
  for (const spec of NOVEMBER_RETURNS) await store.save(saveInputFor(spec));
  return store;
}

function deps(store: FilingStore, now = DEC_3): WatchCommandDeps {
  return { store, now: () => now };
}

async function run(d: WatchCommandDeps, text: string, channelId = 'C1'): Promise<WatchCommandReply> {
  const query = parseSharesQuery(text) as WatchQuery;
  return renderWatchAnswer(await runWatchCommand(d, { channelId, userId: 'U1', query }));
}

function plain(reply: WatchCommandReply): string {
  return renderPlainText(reply.message);
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe('parseStockCodes', () => {
  it('normalises 700, 0005 and 5.HK, drops repeats and keeps what is not a code', () => {
    expect(parseStockCodes(['700,', '0005', '5.HK', 'ABC', '123456', '00700'])).toEqual({
      codes: ['00700', '00005'],
      malformed: ['ABC', '123456'],
    });
  });
});

describe('/shares watch', () => {
  it('adds codes, names the companies held, and says which code has no return held yet', async () => {
    const store = await storeWithNovember();
    const reply = await run(deps(store), 'watch 20 700 01234');
    expect(reply.responseType).toBe('ephemeral');
    expect(plain(reply)).toBe(
      [
        'Now watching in this channel (3 added):',
        '00020 Example Holdings Limited · latest Nov 2023',
        '00700 Tencent Holdings Limited · latest Nov 2023',
        '01234 no return held yet: it counts once one is read',
        '3 watched. Next digest: November 2023, on Thu 7 Dec 2023 at 10:00 (Asia/Hong_Kong), the filing deadline.',
      ].join('\n'),
    );
    expect(await store.getWatchlist('C1')).toEqual({
      channelId: 'C1',
      stockCodes: ['00020', '00700', '01234'],
      digestEnabled: true,
      updatedAt: DEC_3.toISOString(),
      digestSince: DEC_3.toISOString(),
      // Who set it up: told in a DM if its digest cannot be posted.
      ownerUserId: 'U1',
    });
  });

  it('adds the valid codes and names the words that are not codes', async () => {
    const store = await storeWithNovember();
    const reply = await run(deps(store), 'watch 00005 7OO');
    expect(plain(reply)).toContain(
      '⚠ Not stock codes, so not added: 7OO. HKEX codes have one to five digits, such as 00020 or 700.',
    );
    expect((await store.getWatchlist('C1'))?.stockCodes).toEqual(['00005']);
  });

  it('refuses a command with no stock code in it, saying why', async () => {
    const store = await storeWithNovember();
    const error = await failure(run(deps(store), 'watch tencent'));
    expect(isAppError(error, 'bad-input')).toBe(true);
    expect((error as Error).message).toBe(
      '"tencent" is not a stock code: HKEX codes have one to five digits, such as 00020 or 700. Try `/shares watch 00020 00700`.',
    );
    expect(await store.getWatchlist('C1')).toBeNull();
  });

  it('keeps the list sorted, says what was already watched, and keeps the digest start of the list', async () => {
    const store = await storeWithNovember();
    await run(deps(store), 'watch 700');
    const later = new Date('2023-12-05T00:00:00Z');
    const reply = await run(deps(store, later), 'watch 5 700');
    expect(plain(reply)).toContain('Already watched: 00700.');
    expect(await store.getWatchlist('C1')).toMatchObject({
      stockCodes: ['00005', '00700'],
      updatedAt: later.toISOString(),
      digestSince: DEC_3.toISOString(),
    });
  });

  it(`stops at ${MAX_WATCHED_CODES} codes and names the ones left out`, async () => {
    const store = createMemoryFilingStore();
    const codes = Array.from({ length: 99 }, (_, i) => String(i + 1));
    await run(deps(store), `watch ${codes.join(' ')}`);
    const reply = await run(deps(store), 'watch 500 501');
    expect(plain(reply)).toContain('⚠ Not added, the list is full at 100 codes: 00501.');
    expect((await store.getWatchlist('C1'))?.stockCodes).toHaveLength(100);
  });

  it('keeps each channel its own list', async () => {
    const store = await storeWithNovember();
    await run(deps(store), 'watch 700', 'C1');
    await run(deps(store), 'watch 5', 'C2');
    expect((await store.getWatchlist('C1'))?.stockCodes).toEqual(['00700']);
    expect((await store.getWatchlist('C2'))?.stockCodes).toEqual(['00005']);
  });
});

describe('/shares unwatch and /shares watchlist', () => {
  it('removes a code and says which were not on the list', async () => {
    const store = await storeWithNovember();
    await run(deps(store), 'watch 20 700');
    const reply = await run(deps(store), 'unwatch 00020 388');
    expect(plain(reply)).toBe(
      [
        'No longer watched in this channel: 00020.',
        'Not on this channel’s watchlist: 00388.',
        '1 still watched: /shares watchlist lists them.',
      ].join('\n'),
    );
    expect((await store.getWatchlist('C1'))?.stockCodes).toEqual(['00700']);
  });

  it('lists the watched companies and when the next digest comes', async () => {
    const store = await storeWithNovember();
    await run(deps(store), 'watch 9988 700');
    expect(plain(await run(deps(store), 'watchlist'))).toBe(
      [
        'This channel watches 2 companies:',
        '00700 Tencent Holdings Limited · latest Nov 2023',
        '09988 Alibaba Group Holding Limited · latest Oct 2023',
        'Next digest: November 2023, on Thu 7 Dec 2023 at 10:00 (Asia/Hong_Kong), the filing deadline.',
      ].join('\n'),
    );
  });

  it('says how to start when the channel watches nothing', async () => {
    const reply = await run(deps(createMemoryFilingStore()), 'watchlist');
    expect(plain(reply)).toMatch(/^This channel watches no companies yet\.\n`?\/shares watch 00020 00700`? adds some/);
  });
});

describe('/shares digest', () => {
  it('posts last month’s digest to the channel on request, without recording it', async () => {
    const store = await storeWithNovember();
    await run(deps(store), 'watch 20 700 9988');
    const reply = await run(deps(store), 'digest');
    expect(reply.responseType).toBe('in_channel');
    expect(reply.message.text).toBe(
      'November 2023 digest: 2 of 3 watched companies have filed; largest change Example Holdings Limited (00020) +5.00%; not held yet: 09988.',
    );
    expect(await store.findDigestRecord('C1', '2023-11')).toBeNull();
  });

  it('gives the digest of a month asked for', async () => {
    const store = await storeWithNovember();
    await run(deps(store), 'watch 20 700 9988');
    const reply = await run(deps(store), 'digest 2023-10');
    expect(reply.message.text).toMatch(/^October 2023 digest: 3 of 3 watched companies have filed/);
  });

  it('refuses a month that has not ended, and a word that is not a month', async () => {
    const store = await storeWithNovember();
    await run(deps(store), 'watch 20');
    const future = await failure(run(deps(store), 'digest 2023-12'));
    expect((future as Error).message).toBe(
      'December 2023 has not ended yet: the latest month to ask for is November 2023.',
    );
    const word = await failure(run(deps(store), 'digest november'));
    expect(isAppError(word, 'bad-input')).toBe(true);
    expect((word as Error).message).toMatch(/^"november" is not a month: try `\/shares digest 2023-11`/);
  });

  it('turns scheduled digests off and on, restarting their start on the way back', async () => {
    const store = await storeWithNovember();
    await run(deps(store), 'watch 20');
    const off = await run(deps(store), 'digest off');
    expect(plain(off)).toContain('Scheduled digests are now off in this channel.');
    expect((await store.getWatchlist('C1'))?.digestEnabled).toBe(false);
    expect(plain(await run(deps(store), 'watchlist'))).toContain('Scheduled digests are off in this channel');

    const later = new Date('2023-12-10T00:00:00Z');
    const on = await run(deps(store, later), 'digest ON');
    expect(plain(on)).toContain('Next digest: December 2023, on Mon 8 Jan 2024 at 10:00 (Asia/Hong_Kong)');
    expect(await store.getWatchlist('C1')).toMatchObject({ digestEnabled: true, digestSince: later.toISOString() });
  });
});
