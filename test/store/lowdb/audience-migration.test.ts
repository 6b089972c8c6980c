import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { onlyIn, viewerIn, WORKSPACE } from '../../../src/domain/audience.js';
import { makeSaveInput, useTempStore } from '../store-fixtures.js';

const temp = useTempStore();

/** Rewrites a JSON file of the store as a version that did not record audiences wrote it. */
async function strip(file: string, change: (json: unknown) => void): Promise<void> {
  const json = JSON.parse(await readFile(file, 'utf8'));
  change(json);
  await writeFile(file, JSON.stringify(json));
}

describe('a store written before audiences were recorded', () => {
  it('keeps a Slack upload to the conversation it was shared in, a file read from disk public, and says so', async () => {
    const slack = makeSaveInput({ month: '2023-11' });
    await temp.store.save({
      ...slack,
      provenance: {
        ...slack.provenance,
        source: {
          kind: 'slack',
          fileId: 'F1',
          fileName: 'a.pdf',
          channelId: 'C0SOMEWHERE',
          userId: 'U1',
          permalink: null,
        },
      },
    });
    await temp.store.save(makeSaveInput({ month: '2023-10' }));
    for (const month of ['2023-10', '2023-11']) {
      await strip(path.join(temp.dir, 'returns', '00020', `${month}.json`), (json) => {
        for (const held of (json as { submissions: { audience?: unknown }[] }).submissions) delete held.audience;
      });
    }
    await strip(path.join(temp.dir, 'index', 'codes-20.json'), (json) => {
      delete (json as { codes: Record<string, { conversations?: unknown }> }).codes['00020']?.conversations;
    });
    const logged: string[] = [];
    await temp.reopen({ log: (message) => logged.push(message) });
    expect(logged).toEqual([
      "recording who may see each return and other exchanges' codes of 1 codes (index written before)",
    ]);
    expect(await temp.store.monthsHeld('00020', WORKSPACE)).toEqual(['2023-10']);
    expect(await temp.store.monthsHeld('00020', viewerIn('C0SOMEWHERE'))).toEqual(['2023-11', '2023-10']);
  });

  it('reads a return held for one conversation as held for a set of one, widened by the next private share', async () => {
    const draft = { ...makeSaveInput({ file: 'draft' }), audience: onlyIn('G0DRAFTS') };
    await temp.store.save(draft);
    const id = draft.provenance.sha256;
    await strip(path.join(temp.dir, 'returns', '00020', '2023-11.json'), (json) => {
      for (const held of (json as { submissions: { audience?: unknown }[] }).submissions) {
        held.audience = { kind: 'conversation', channelId: 'G0DRAFTS' };
      }
    });
    await strip(path.join(temp.dir, 'index', 'codes-20.json'), (json) => {
      const entry = (json as { codes: Record<string, { conversations: Record<string, unknown> }> }).codes['00020'];
      if (entry) entry.conversations[id] = 'G0DRAFTS';
    });
    const logged: string[] = [];
    await temp.reopen({ log: (message) => logged.push(message) });
    expect(logged).toEqual([]);
    expect((await temp.store.latest('00020', viewerIn('G0DRAFTS')))?.audience).toEqual(onlyIn('G0DRAFTS'));
    expect(await temp.store.monthsHeld('00020', viewerIn('G0BOARD'))).toEqual([]);
    await temp.store.save({ ...draft, audience: onlyIn('G0BOARD') });
    await temp.reopen();
    expect(await temp.store.monthsHeld('00020', viewerIn('G0BOARD'))).toEqual(['2023-11']);
    expect(await temp.store.monthsHeld('00020', viewerIn('G0DRAFTS'))).toEqual(['2023-11']);
    expect(await temp.store.monthsHeld('00020', WORKSPACE)).toEqual([]);
    const month = JSON.parse(await readFile(path.join(temp.dir, 'returns', '00020', '2023-11.json'), 'utf8'));
    expect(month.submissions[0].audience).toEqual({ kind: 'conversations', channelIds: ['G0DRAFTS', 'G0BOARD'] });
  });
});
