import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SlackShare } from '../../../src/domain/slack-upload.js';
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

const LEASE_MS = 60_000;

function shareOf(fileId: string, overrides: Partial<SlackShare> = {}): SlackShare {
  return {
    fileId,
    fileName: `${fileId}.pdf`,
    channelId: 'C1',
    shareTs: '1700000000.000100',
    threadTs: '1700000000.000100',
    userId: 'U1',
    ...overrides,
  };
}

describe('Slack uploads', () => {
  it('are claimed once: Slack retries an event, the second claim finds it in hand', async () => {
    expect((await temp.store.claimSlackUpload(shareOf('F0123ABCDEF'), LEASE_MS)).outcome).toBe('claimed');
    expect((await temp.store.claimSlackUpload(shareOf('F0123ABCDEF'), LEASE_MS)).outcome).toBe('in-hand');
    expect((await temp.store.claimSlackUpload(shareOf('F0999'), LEASE_MS)).outcome).toBe('claimed');
  });

  it('are claimed by one of two claims made at the same time', async () => {
    const claims = await Promise.all([
      temp.store.claimSlackUpload(shareOf('F1'), LEASE_MS),
      temp.store.claimSlackUpload(shareOf('F1'), LEASE_MS),
    ]);
    expect(claims.map((c) => c.outcome).sort()).toEqual(['claimed', 'in-hand']);
  });

  it('are one claim per share: the same file shared in another channel is claimed again', async () => {
    await temp.store.claimSlackUpload(shareOf('F1'), LEASE_MS);
    const other = await temp.store.claimSlackUpload(shareOf('F1', { channelId: 'C2' }), LEASE_MS);
    expect(other.outcome).toBe('claimed');
    expect(other.upload?.key).toBe('F1:C2:1700000000.000100');
  });

  it('keep their steps across a restart, and a start-up finds those not answered', async () => {
    const { upload } = await temp.store.claimSlackUpload(shareOf('F1'), LEASE_MS);
    await temp.store.claimSlackUpload(shareOf('F2'), LEASE_MS);
    const key = upload?.key ?? '';
    await temp.store.recordSlackUpload(key, { stage: 'read', sha256: 'a'.repeat(64), heldBefore: false }, LEASE_MS);
    await temp.store.recordSlackUpload('F2:C1:1700000000.000100', { stage: 'answered', replyTs: '1.2' }, LEASE_MS);
    await temp.reopen();
    const unfinished = await temp.store.unfinishedSlackUploads();
    expect(unfinished.map((u) => [u.fileId, u.stage, u.sha256])).toEqual([['F1', 'read', 'a'.repeat(64)]]);
    expect((await temp.store.claimSlackUpload(shareOf('F2'), LEASE_MS)).outcome).toBe('answered');
  });

  it('are taken over once the lease has run out, from the step recorded', async () => {
    let now = new Date('2024-01-01T00:00:00Z');
    await temp.reopen({ now: () => now });
    const { upload } = await temp.store.claimSlackUpload(shareOf('F1'), LEASE_MS);
    await temp.store.recordSlackUpload(upload?.key ?? '', { stage: 'stored' }, LEASE_MS);
    now = new Date('2024-01-01T00:00:59Z');
    expect((await temp.store.claimSlackUpload(shareOf('F1'), LEASE_MS)).outcome).toBe('in-hand');
    now = new Date('2024-01-01T00:01:01Z');
    const takeover = await temp.store.claimSlackUpload(shareOf('F1'), LEASE_MS);
    expect(takeover.outcome).toBe('taken-over');
    expect(takeover.upload).toMatchObject({ stage: 'stored', attempts: 2, leaseUntil: '2024-01-01T00:02:01.000Z' });
  });

  it('refuse a step for an upload never claimed', async () => {
    await expect(temp.store.recordSlackUpload('F9:C1:1', { stage: 'stored' }, LEASE_MS)).rejects.toThrow(
      'No unfinished Slack upload F9:C1:1 is held.',
    );
  });

  it('are forgotten after the retention period', async () => {
    let now = new Date('2024-01-01T00:00:00Z');
    await temp.reopen({ now: () => now, slackClaimRetentionDays: 30 });
    const answer = async (fileId: string) => {
      const { upload } = await temp.store.claimSlackUpload(shareOf(fileId), LEASE_MS);
      await temp.store.recordSlackUpload(upload?.key ?? '', { stage: 'answered', replyTs: null }, LEASE_MS);
    };
    await answer('F-old');
    now = new Date('2024-01-20T00:00:00Z');
    await answer('F-mid');
    now = new Date('2024-02-05T00:00:00Z');
    await answer('F-new');
    expect((await temp.store.claimSlackUpload(shareOf('F-mid'), LEASE_MS)).outcome).toBe('answered');
    expect((await temp.store.claimSlackUpload(shareOf('F-old'), LEASE_MS)).outcome).toBe('claimed');
  });
});
