/**
 * A database of its own for one test file, on the server the `postgres` project's global setup started
 * (postgres-server.ts): created at first use, dropped when the file is done. Without a server, `postgresSkipReason`
 * says why and the file's suites skip (never in CI: the global setup fails there instead).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { connectDatabase, type Database } from '../../src/store/postgres/database.js';

export const postgresSkipReason: string | null = inject('postgres').skipReason;

/** postgres://… of a fresh, empty database for the calling file; the same one on every call in that file. */
export function testDatabaseUrl(): Promise<string> {
  created ??= createDatabase();
  return created;
}

let created: Promise<string> | null = null;
let dropDatabase: (() => Promise<void>) | null = null;

// Registered as the file is collected, so it runs once its tests are done.
afterAll(async () => {
  await created?.catch(() => null);
  await cleaner?.close();
  await dropDatabase?.();
});

async function createDatabase(): Promise<string> {
  const { adminUrl } = inject('postgres');
  if (!adminUrl) throw new Error(`No PostgreSQL server for the tests: ${postgresSkipReason}`);
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = connectDatabase(adminUrl, { maxConnections: 1 });
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  dropDatabase = async () => {
    const drop = connectDatabase(adminUrl, { maxConnections: 1 });
    try {
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await drop.close();
    }
  };
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Empties every table of the store's schema, keeping the schema: between the tests of one file. */
export async function emptyStoreTables(url: string): Promise<void> {
  cleaner ??= connectDatabase(url, { maxConnections: 1 });
  // DELETE, not TRUNCATE: on tables of a few rows it is the faster of the two by far.
  await cleaner.query(
    'DELETE FROM returns; DELETE FROM issuers; DELETE FROM slack_uploads; DELETE FROM watchlists; DELETE FROM digests; ' +
      'DELETE FROM hkexnews_claims; DELETE FROM installations',
  );
}

/** One connection per file for emptying tables: a new connection costs a server process each time. */
let cleaner: Database | null = null;
