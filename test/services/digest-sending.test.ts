import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StockCode } from '../../src/domain/stock-code.js';
import { sendDigest } from '../../src/services/digest-sending.js';
import { type FilingStore, openFilingStore } from '../../src/store/index.js';
import { saveInputFor } from '../digest/digest-returns.js';
import { createRecordingPoster } from '../digest/recording-poster.js';

const NOW = new Date('2023-12-07T02:00:00Z');

let dir: string;
let store: FilingStore;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hkex-digest-send-'));
  store = await openFilingStore({ dir, durable: false, now: () => NOW });
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

/** 120 companies that each moved in November: too many sections for one message. */
async function seedLongWatchlist(): Promise<StockCode[]> {
  const codes: StockCode[] = [];
  for (let i = 0; i < 120; i += 1) {
    const stockCode = String(10_000 + i);
    codes.push(stockCode);
    const spec = { stockCode, issuerName: `Company ${i} Limited`, preceding: 1_000_000 };
    await store.save(saveInputFor({ ...spec, month: '2023-10', closing: 1_000_000 }));
    await store.save(saveInputFor({ ...spec, month: '2023-11', closing: 1_000_000 + 1_000 * (i + 1) }));
  }
  return codes;
}

describe('sendDigest', () => {
  it('posts a long digest as several messages and records every ts', async () => {
    const stockCodes = await seedLongWatchlist();
    const poster = createRecordingPoster();
    const result = await sendDigest(
      { store, poster, now: () => NOW },
      { channelId: 'C1', stockCodes, month: '2023-11', trigger: 'scheduled' },
    );
    expect(poster.posts.length).toBeGreaterThan(1);
    expect(result).toEqual({ status: 'sent', messageTs: poster.posts.map((p) => p.ts) });
    expect((await store.findDigestRecord('C1', '2023-11'))?.messageTs).toEqual(poster.posts.map((p) => p.ts));
  });

  it('records what was posted when Slack refuses a later part, and does not post it again', async () => {
    const stockCodes = await seedLongWatchlist();
    const poster = createRecordingPoster();
    const deps = { store, poster, now: () => NOW };
    const input = { channelId: 'C1', stockCodes, month: '2023-11', trigger: 'scheduled' } as const;
    // The first message goes through, the second is refused.
    const postOnce = poster.postMessage.bind(poster);
    let calls = 0;
    poster.postMessage = async (channelId, message) => {
      calls += 1;
      if (calls === 2) poster.failNext();
      return postOnce(channelId, message);
    };
    const result = await sendDigest(deps, input);
    expect(result.status).toBe('post-failed');
    expect((await store.findDigestRecord('C1', '2023-11'))?.messageTs).toEqual([poster.posts[0]?.ts]);

    const again = await sendDigest(deps, input);
    expect(again.status).toBe('already-recorded');
    expect(poster.posts).toHaveLength(1);
  });
});
