/**
 * A database written before each submission kept its history entry (schema version 7): migration 8 fills the
 * entries in from the records held, so that the history read from them is the one built from the records before.
 */
import { describe, expect, it } from 'vitest';
import { connectDatabase } from '../../../src/store/postgres/database.js';
import { openPostgresFilingStore } from '../../../src/store/postgres/open-postgres-store.js';
import { postgresSkipReason, testDatabaseUrl } from '../../helpers/postgres-database.js';
import { makeSaveInput, sha256Of } from '../store-fixtures.js';

describe.skipIf(postgresSkipReason !== null)('a PostgreSQL store written before history entries were kept', () => {
  it('gives the same history once migration 8 has filled in the entries, and keeps them at the next save', async () => {
    const url = await testDatabaseUrl();
    const first = await openPostgresFilingStore({ url });
    let before: Awaited<ReturnType<typeof first.history>>;
    try {
      await first.save(makeSaveInput({ month: '2023-10', closing: 100 }));
      await first.save(makeSaveInput({ file: 'original', closing: 200 }));
      await first.save(
        makeSaveInput({ file: 'corrected', status: 'resubmission', dateSubmitted: '2023-12-20', closing: 250 }),
      );
      before = await first.history('00020');
    } finally {
      await first.close();
    }
    expect(before.map((h) => [h.id, h.supersedes])).toEqual([
      [sha256Of('corrected'), sha256Of('original')],
      [sha256Of('00020-2023-10-new'), null],
    ]);
    const db = connectDatabase(url, { maxConnections: 1 });
    try {
      await db.query('DROP INDEX returns_newest_first');
      await db.query('ALTER TABLE returns DROP COLUMN history_entry');
      await db.query('DELETE FROM schema_migrations WHERE version = 8');
    } finally {
      await db.close();
    }

    const store = await openPostgresFilingStore({ url });
    try {
      expect(await store.history('00020')).toEqual(before);
      await store.save(makeSaveInput({ month: '2023-12', closing: 300 }));
      expect(
        (await store.history('00020', { limit: 2 })).map((h) => [
          h.reportMonth,
          h.monthlyReturn.issuedShares.classes[0]?.issuedShares.closing,
        ]),
      ).toEqual([
        ['2023-12', 300],
        ['2023-11', 250],
      ]);
    } finally {
      await store.close();
    }
  });
});
