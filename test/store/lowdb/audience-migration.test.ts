import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { onlyIn, WORKSPACE } from '../../../src/domain/audience.js';
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
    expect(logged).toEqual(['recording who may see each return of 1 codes (index written before)']);
    expect(await temp.store.monthsHeld('00020', WORKSPACE)).toEqual(['2023-10']);
    expect(await temp.store.monthsHeld('00020', onlyIn('C0SOMEWHERE'))).toEqual(['2023-11', '2023-10']);
  });
});
