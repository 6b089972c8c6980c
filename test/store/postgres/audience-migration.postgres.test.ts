/**
 * A database written when a private return had one conversation (schema version 2, `audience_channel`): migration
 * 3 moves it to the set of conversations, and a later private share widens it like any other.
 */
import { describe, expect, it } from 'vitest';
import { onlyIn, viewerIn, WORKSPACE } from '../../../src/domain/audience.js';
import { connectDatabase } from '../../../src/store/postgres/database.js';
import { MIGRATIONS, migrate } from '../../../src/store/postgres/migrations.js';
import { openPostgresFilingStore } from '../../../src/store/postgres/open-postgres-store.js';
import { toValidStoredReturn } from '../../../src/store/submissions.js';
import { postgresSkipReason, testDatabaseUrl } from '../../helpers/postgres-database.js';
import { makeSaveInput, sha256Of } from '../store-fixtures.js';

describe.skipIf(postgresSkipReason !== null)(
  'a PostgreSQL store written before a return had several conversations',
  () => {
    it('keeps a private return to its conversation, and widens it to the next private one it is shared in', async () => {
      const url = await testDatabaseUrl();
      const db = connectDatabase(url, { maxConnections: 1 });
      const draft = { ...makeSaveInput({ file: 'draft', closing: 777 }), audience: onlyIn('G1') };
      try {
        await migrate(
          db,
          MIGRATIONS.filter((m) => m.version <= 2),
        );
        const record = { ...toValidStoredReturn(draft), audience: { kind: 'conversation', channelId: 'G1' } };
        await db.query(
          `INSERT INTO returns (sha256, stock_code, report_month, date_submitted, status, content_identity,
           audience_channel, position, superseded_by, record)
         VALUES ($1, '00020', '2023-11', '2023-12-06', 'new', 'identity', 'G1', 0, NULL, $2)`,
          [sha256Of('draft'), JSON.stringify(record)],
        );
        const entry = {
          stockCode: '00020',
          issuerName: 'Example Holdings Limited',
          names: ['Example Holdings Limited'],
          latestDateSubmitted: '2023-12-06',
          months: { '2023-11': [sha256Of('draft')] },
          setAside: {},
          conversations: { [sha256Of('draft')]: 'G1' },
        };
        await db.query(`INSERT INTO issuers (stock_code, entry) VALUES ('00020', $1)`, [JSON.stringify(entry)]);
      } finally {
        await db.close();
      }

      const store = await openPostgresFilingStore({ url });
      try {
        expect((await store.latest('00020', viewerIn('G1')))?.audience).toEqual(onlyIn('G1'));
        expect(await store.latest('00020', WORKSPACE)).toBeNull();
        expect(await store.listIssuers(viewerIn('D1'))).toEqual([]);
        await store.save({ ...draft, audience: onlyIn('D1') });
        for (const channelId of ['G1', 'D1']) {
          expect((await store.forMonth('00020', '2023-11', viewerIn(channelId)))?.id).toBe(sha256Of('draft'));
          expect((await store.listIssuers(viewerIn(channelId))).map((i) => i.returnsHeld)).toEqual([1]);
        }
        expect(await store.latest('00020', viewerIn('G2'))).toBeNull();
        expect(await store.latest('00020', WORKSPACE)).toBeNull();
      } finally {
        await store.close();
      }
    });
  },
);
