import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FilingStore } from '../../../src/store/filing-store.js';
import { makeTempDir, openTestStore, removeTempDir } from '../store-fixtures.js';
import { describeFilingStoreContract } from './filing-store-contract.js';

describeFilingStoreContract('lowdb store in a temporary folder', async () => {
  const dir = await makeTempDir();
  let store: FilingStore = (await openTestStore(dir)).store;
  const reopen = async () => {
    await store.close();
    store = (await openTestStore(dir)).store;
    return store;
  };
  return {
    get store() {
      return store;
    },
    reopen,
    async damageMonth(stockCode, month) {
      await store.close();
      const file = path.join(dir, 'returns', stockCode, `${month}.json`);
      // Torn as a write cut off half way would leave it.
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.slice(0, Math.floor(text.length / 2)));
      store = (await openTestStore(dir)).store;
      return store;
    },
    async cleanup() {
      await store.close();
      await removeTempDir(dir);
    },
  };
});
