import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SlackShare } from '../../../src/domain/slack-upload.js';
import { makeSaveInput, sha256Of, useTempStore } from '../store-fixtures.js';

const temp = useTempStore();

// The same file saved twice, and claims made twice, are in test/store/contract; these are the lowdb store's own.
describe('saves running at the same time', () => {
  it('do not lose each other, in one month file or in one index shard', async () => {
    // 00020 and 00120 share index shard "20"; ten submissions share one month file.
    const inputs = [
      ...Array.from({ length: 10 }, (_, i) =>
        makeSaveInput({ file: `resub-${i}`, status: 'resubmission', dateSubmitted: `2023-12-${10 + i}` }),
      ),
      ...Array.from({ length: 10 }, (_, i) =>
        makeSaveInput({ stockCode: '00120', month: `2023-0${(i % 9) + 1}`, file: `m-${i}`, closing: 1000 + i }),
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

describe('Slack uploads', () => {
  const share = (fileId: string): SlackShare => ({
    fileId,
    fileName: `${fileId}.pdf`,
    channelId: 'C1',
    shareTs: '1.1',
    threadTs: '1.1',
    userId: null,
  });

  it('are forgotten after the retention period', async () => {
    let now = new Date('2024-01-01T00:00:00Z');
    await temp.reopen({ now: () => now, slackClaimRetentionDays: 30 });
    const answer = async (fileId: string) => {
      const { upload } = await temp.store.claimSlackUpload(share(fileId), 60_000);
      await temp.store.recordSlackUpload(upload?.key ?? '', { stage: 'answered', replyTs: null }, 60_000);
    };
    await answer('F-old');
    now = new Date('2024-01-20T00:00:00Z');
    await answer('F-mid');
    now = new Date('2024-02-05T00:00:00Z');
    await answer('F-new');
    expect((await temp.store.claimSlackUpload(share('F-mid'), 60_000)).outcome).toBe('answered');
    expect((await temp.store.claimSlackUpload(share('F-old'), 60_000)).outcome).toBe('claimed');
  });

  it('hold their lease for the time given from their last step', async () => {
    let now = new Date('2024-01-01T00:00:00Z');
    await temp.reopen({ now: () => now });
    await temp.store.claimSlackUpload(share('F1'), 60_000);
    now = new Date('2024-01-01T00:00:59Z');
    expect((await temp.store.claimSlackUpload(share('F1'), 60_000)).outcome).toBe('in-hand');
    now = new Date('2024-01-01T00:01:01Z');
    const takeover = await temp.store.claimSlackUpload(share('F1'), 60_000);
    expect(takeover).toMatchObject({ outcome: 'taken-over', upload: { leaseUntil: '2024-01-01T00:02:01.000Z' } });
  });
});
