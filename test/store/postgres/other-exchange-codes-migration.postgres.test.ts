/**
 * A database whose issuer entries were written before they listed other exchanges' codes: migration 6 fills them
 * in from the returns held, so that an A+H issuer stored before is found by its A shares' Shanghai code.
 */
import { describe, expect, it } from 'vitest';
import { connectDatabase } from '../../../src/store/postgres/database.js';
import { openPostgresFilingStore } from '../../../src/store/postgres/open-postgres-store.js';
import { loadFixtureReturn } from '../../helpers/fixture-specs.js';
import { postgresSkipReason, testDatabaseUrl } from '../../helpers/postgres-database.js';
import { makeSaveInput } from '../store-fixtures.js';

const SSE_601338 = { exchange: 'SSE', stockCode: '601338' } as const;

describe.skipIf(postgresSkipReason !== null)(
  "a PostgreSQL store written before other exchanges' codes were indexed",
  () => {
    it('finds 01338 by SSE 601338 once migration 6 has run over its entry', async () => {
      const url = await testDatabaseUrl();
      const monthlyReturn = loadFixtureReturn('01338_2025-09_a-plus-h-sse');
      const first = await openPostgresFilingStore({ url });
      try {
        await first.save({ ...makeSaveInput({ file: 'a-plus-h' }), monthlyReturn });
        await first.save(makeSaveInput({ file: 'plain' }));
      } finally {
        await first.close();
      }
      const db = connectDatabase(url, { maxConnections: 1 });
      try {
        await db.query(`UPDATE issuers SET entry = entry - 'otherExchangeCodes'`);
        await db.query('DELETE FROM schema_migrations WHERE version = 6');
      } finally {
        await db.close();
      }

      const store = await openPostgresFilingStore({ url });
      try {
        expect((await store.findByOtherExchangeCode(SSE_601338)).map((issuer) => issuer.stockCode)).toEqual(['01338']);
        expect(await store.findByOtherExchangeCode({ exchange: 'SZSE', stockCode: '000333' })).toEqual([]);
        expect((await store.listIssuers()).map((issuer) => issuer.stockCode)).toEqual(['00020', '01338']);
      } finally {
        await store.close();
      }
    });
  },
);
