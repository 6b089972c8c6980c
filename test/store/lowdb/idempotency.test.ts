import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSaveInput, sha256Of, useTempStore } from '../store-fixtures.js';

const temp = useTempStore();

describe('the same file read twice', () => {
  it('is stored once, and the second save says it is already held', async () => {
    const input = makeSaveInput({ file: 'nov' });
    await temp.store.save(input);
    const again = await temp.store.save({
      ...input,
      provenance: { ...input.provenance, readAt: '2024-05-01T00:00:00Z' },
    });
    expect(again.status).toBe('already-held');
    expect(again.stored.provenance.readAt).toBe('2023-12-06T02:00:00.000Z');
    expect(await temp.store.submissions('00020', '2023-11')).toHaveLength(1);
  });

  it('is recognised after the store is opened again', async () => {
    await temp.store.save(makeSaveInput({ file: 'nov' }));
    await temp.reopen();
    expect((await temp.store.save(makeSaveInput({ file: 'nov' }))).status).toBe('already-held');
  });

  it('is stored once when both saves run at the same time', async () => {
    const input = makeSaveInput({ file: 'nov' });
    const results = await Promise.all([temp.store.save(input), temp.store.save(input)]);
    expect(results.map((r) => r.status).sort()).toEqual(['already-held', 'stored']);
    expect(await temp.store.submissions('00020', '2023-11')).toHaveLength(1);
  });
});

describe('saves running at the same time', () => {
  it('do not lose each other, in one month file or in one index shard', async () => {
    // 00020 and 00120 share index shard "20"; ten submissions share one month file.
    const inputs = [
      ...Array.from({ length: 10 }, (_, i) =>
        makeSaveInput({ file: `resub-${i}`, status: 'resubmission', dateSubmitted: `2023-12-${10 + i}` }),
      ),
      ...Array.from({ length: 10 }, (_, i) =>
        makeSaveInput({ stockCode: '00120', month: `2023-0${(i % 9) + 1}`, file: `m-${i}` }),
      ),
    ];
    await Promise.all(inputs.map((input) => temp.store.save(input)));
    expect(await temp.store.submissions('00020', '2023-11')).toHaveLength(10);
    expect((await temp.store.forMonth('00020', '2023-11'))?.id).toBe(sha256Of('resub-9'));
    await temp.reopen();
    expect(await temp.store.submissions('00020', '2023-11')).toHaveLength(10);
    expect((await temp.store.history('00120')).length).toBe(9);
    for (const input of inputs) expect(await temp.store.findBySha256(input.provenance.sha256)).not.toBeNull();
    expect(await readdir(path.join(temp.dir, 'journal'))).toEqual([]);
  });
});

describe('Slack file ids', () => {
  it('are claimed once: Slack retries an event, the second claim is refused', async () => {
    expect(await temp.store.claimSlackFile('F0123ABCDEF')).toBe(true);
    expect(await temp.store.claimSlackFile('F0123ABCDEF')).toBe(false);
    expect(await temp.store.claimSlackFile('F0999')).toBe(true);
  });

  it('are claimed by one of two claims made at the same time', async () => {
    const claims = await Promise.all([temp.store.claimSlackFile('F1'), temp.store.claimSlackFile('F1')]);
    expect(claims.sort()).toEqual([false, true]);
  });

  it('stay claimed after a restart', async () => {
    await temp.store.claimSlackFile('F1');
    await temp.reopen();
    expect(await temp.store.claimSlackFile('F1')).toBe(false);
  });

  it('can be claimed again once released, so that a failed file can be retried', async () => {
    await temp.store.claimSlackFile('F1');
    await temp.store.releaseSlackFile('F1');
    expect(await temp.store.claimSlackFile('F1')).toBe(true);
  });

  it('are forgotten after the retention period', async () => {
    let now = new Date('2024-01-01T00:00:00Z');
    await temp.reopen({ now: () => now, slackClaimRetentionDays: 30 });
    await temp.store.claimSlackFile('F-old');
    now = new Date('2024-01-20T00:00:00Z');
    await temp.store.claimSlackFile('F-mid');
    now = new Date('2024-02-05T00:00:00Z');
    await temp.store.claimSlackFile('F-new');
    expect(await temp.store.claimSlackFile('F-mid')).toBe(false);
    expect(await temp.store.claimSlackFile('F-old')).toBe(true);
  });
});
