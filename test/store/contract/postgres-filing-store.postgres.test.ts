import { describe, it } from 'vitest';
import type { FilingStore } from '../../../src/store/filing-store.js';
import { openPostgresFilingStore } from '../../../src/store/postgres/open-postgres-store.js';
import { emptyStoreTables, postgresSkipReason, testDatabaseUrl } from '../../helpers/postgres-database.js';
import { describeFilingStoreContract } from './filing-store-contract.js';

if (postgresSkipReason) {
  describe.skip(`FilingStore contract: PostgreSQL store (skipped: ${postgresSkipReason})`, () => {
    it('needs a PostgreSQL server', () => {});
  });
} else {
  // One database for the file; each test starts from empty tables, the schema kept.
  describeFilingStoreContract('PostgreSQL store on a real server', async () => {
    const url = await testDatabaseUrl();
    let store: FilingStore = await openPostgresFilingStore({ url });
    await emptyStoreTables(url);
    return {
      get store() {
        return store;
      },
      async reopen() {
        await store.close();
        store = await openPostgresFilingStore({ url });
        return store;
      },
      cleanup: () => store.close(),
    };
  });
}
