import { createMemoryFilingStore } from '../../helpers/memory-filing-store.js';
import { describeFilingStoreContract } from './filing-store-contract.js';

describeFilingStoreContract('in-memory test store', async () => {
  const store = createMemoryFilingStore();
  return { store, cleanup: () => store.close() };
});
