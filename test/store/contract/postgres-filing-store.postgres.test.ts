import { describe, expect, it } from 'vitest';
import type { FilingStore } from '../../../src/store/filing-store.js';
import { openPostgresFilingStore } from '../../../src/store/postgres/open-postgres-store.js';
import { emptyStoreTables, postgresSkipReason, testDatabaseUrl } from '../../helpers/postgres-database.js';
import { makeSaveInput } from '../store-fixtures.js';
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

  describe('the PostgreSQL store with two processes on one database', () => {
    it('lists and finds an issuer another process saved or renamed since this one last looked', async () => {
      const url = await testDatabaseUrl();
      const [here, there] = [await openPostgresFilingStore({ url }), await openPostgresFilingStore({ url })];
      try {
        await emptyStoreTables(url);
        await here.save(makeSaveInput({ month: '2023-11', issuerName: 'Old Name Limited' }));
        expect((await here.listIssuers()).map((i) => i.issuerName)).toEqual(['Old Name Limited']);
        await there.save(makeSaveInput({ month: '2023-12', issuerName: 'New Name Limited' }));
        await there.save(makeSaveInput({ stockCode: '00700', issuerName: 'Tencent Holdings Limited' }));
        expect((await here.listIssuers()).map((i) => [i.stockCode, i.issuerName, i.returnsHeld])).toEqual([
          ['00020', 'New Name Limited', 2],
          ['00700', 'Tencent Holdings Limited', 1],
        ]);
        expect((await here.searchIssuers('old name')).map((i) => i.issuerName)).toEqual(['New Name Limited']);
      } finally {
        await here.close();
        await there.close();
      }
    });
  });
}
