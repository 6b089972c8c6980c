/**
 * runClaimed forgets the finished claims of the kind it takes, a day after they finished: a month's fill kept from
 * yesterday is gone at the next fill, while a fill in hand and a younger one are kept.
 */
import { describe, expect, it } from 'vitest';
import { FINISHED_CLAIM_KEPT_MS, runClaimed } from '../../src/services/claimed-work.js';
import { createLocalFetchClaims, type FetchClaims } from '../../src/store/fetch-claims.js';

const HOUR_MS = 3_600_000;

async function finishWith(claims: FetchClaims, key: string, result: unknown): Promise<void> {
  const claim = await claims.claim(key, 60_000);
  if (claim.outcome !== 'claimed') throw new Error(`claimed expected, got ${claim.outcome}`);
  await claims.finish(key, claim.token, result);
}

describe('claimed HKEXnews work', () => {
  it('forgets a finished claim of its kind a day old, and keeps a live lease and a younger one', async () => {
    let now = Date.parse('2023-12-07T02:00:00Z');
    const claims = createLocalFetchClaims(() => new Date(now));
    await finishWith(claims, 'hkexnews-fill 2023-10', { checked: ['00020'] });
    now += FINISHED_CLAIM_KEPT_MS - HOUR_MS;
    await finishWith(claims, 'hkexnews-fill 2023-09', { checked: ['00700'] });
    const live = await claims.claim('hkexnews-fill 2023-08', 10 * HOUR_MS);
    await finishWith(claims, 'link-unfurl C1 1.1', { unfurled: 1 });
    now += HOUR_MS;

    const filled = await runClaimed(claims, 'hkexnews-fill 2023-11', async () => ['00005'], {
      toRecord: (checked) => ({ checked }),
      fromRecord: () => null,
    });
    expect(filled).toEqual(['00005']);
    // A day after it finished: forgotten, so the month is filled afresh when next asked.
    expect(await claims.kept('hkexnews-fill 2023-10')).toBeNull();
    expect(await claims.kept('hkexnews-fill 2023-09')).toEqual({ checked: ['00700'] });
    expect(await claims.kept('hkexnews-fill 2023-11')).toEqual({ checked: ['00005'] });
    expect(live.outcome).toBe('claimed');
    expect((await claims.claim('hkexnews-fill 2023-08', 60_000)).outcome).toBe('in-hand');
    // Another kind is pruned where claims of that kind are taken, not here.
    expect(await claims.kept('link-unfurl C1 1.1')).toEqual({ unfurled: 1 });
  });
});
