import { describe, expect, it } from 'vitest';
import type { DigestRecord, Watchlist } from '../../../src/domain/stored-return.js';
import { useTempStore } from '../store-fixtures.js';

const temp = useTempStore();

const watchlist = (channelId: string, stockCodes: string[]): Watchlist => ({
  channelId,
  stockCodes,
  digestEnabled: true,
  updatedAt: '2024-01-02T03:04:05.000Z',
});

const digest = (channelId: string, reportMonth: string, messageTs: string[]): DigestRecord => ({
  channelId,
  reportMonth,
  sentAt: '2024-01-08T01:00:00.000Z',
  messageTs,
  trigger: 'scheduled',
});

describe('watchlists', () => {
  it('are kept per channel, replaced on save, and listed by channel', async () => {
    await temp.store.saveWatchlist(watchlist('C2', ['00700']));
    await temp.store.saveWatchlist(watchlist('C1', ['00020', '00005']));
    await temp.store.saveWatchlist({ ...watchlist('C2', ['00700', '09988']), digestEnabled: false });
    expect(await temp.store.getWatchlist('C2')).toEqual({
      ...watchlist('C2', ['00700', '09988']),
      digestEnabled: false,
    });
    expect(await temp.store.getWatchlist('C3')).toBeNull();
    expect((await temp.store.listWatchlists()).map((w) => [w.channelId, w.stockCodes])).toEqual([
      ['C1', ['00020', '00005']],
      ['C2', ['00700', '09988']],
    ]);
  });

  it('survive a restart', async () => {
    await temp.store.saveWatchlist(watchlist('C1', ['00020']));
    await temp.reopen();
    expect((await temp.store.getWatchlist('C1'))?.stockCodes).toEqual(['00020']);
  });

  it('refuse a stock code that is not five digits', async () => {
    await expect(temp.store.saveWatchlist(watchlist('C1', ['20']))).rejects.toMatchObject({ code: 'bad-input' });
    expect(await temp.store.getWatchlist('C1')).toBeNull();
  });
});

describe('digest records', () => {
  it('are found by channel and month, and survive a restart', async () => {
    await temp.store.recordDigest(digest('C1', '2023-11', ['1700000000.000100']));
    await temp.store.recordDigest(digest('C1', '2023-12', ['1700000000.000200']));
    await temp.reopen();
    expect((await temp.store.findDigestRecord('C1', '2023-11'))?.messageTs).toEqual(['1700000000.000100']);
    expect(await temp.store.findDigestRecord('C2', '2023-11')).toBeNull();
  });

  it('hold one record per channel and month: recording again replaces it', async () => {
    await temp.store.recordDigest(digest('C1', '2023-11', ['1']));
    await temp.store.recordDigest({ ...digest('C1', '2023-11', ['2', '3']), trigger: 'command' });
    expect(await temp.store.findDigestRecord('C1', '2023-11')).toMatchObject({
      messageTs: ['2', '3'],
      trigger: 'command',
    });
  });
});
