import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeSaveInput, openTestStore, useTempStore } from '../store-fixtures.js';

const temp = useTempStore();

// What every store does is in test/store/contract; this is what the lowdb store does with its files.
describe('the lowdb filing store', () => {
  it('writes one file per code and month, with a schema version', async () => {
    await temp.store.save(makeSaveInput({ month: '2023-10' }));
    await temp.store.save(makeSaveInput({ month: '2023-11' }));
    const file = JSON.parse(await readFile(path.join(temp.dir, 'returns', '00020', '2023-11.json'), 'utf8'));
    expect(file.schemaVersion).toBe(1);
    expect(file.submissions).toHaveLength(1);
    const meta = JSON.parse(await readFile(path.join(temp.dir, 'store.json'), 'utf8'));
    expect(meta.schemaVersion).toBe(2);
  });

  it('creates its directory on first use', async () => {
    const nested = path.join(temp.dir, 'not', 'yet', 'there');
    const { store: other } = await openTestStore(nested);
    await other.close();
    expect((await stat(path.join(nested, 'store.json'))).isFile()).toBe(true);
  });
});
