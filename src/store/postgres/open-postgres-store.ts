/**
 * Opening the PostgreSQL store: connect to DATABASE_URL, check the server answers, and bring the schema up to date
 * (migrations.ts) before anything is read or written.
 */
import { AppError } from '../../domain/errors.js';
import { connectDatabase, describeDatabaseUrl } from './database.js';
import { migrate } from './migrations.js';
import { PostgresFilingStore } from './postgres-filing-store.js';

export interface OpenPostgresStoreOptions {
  /** postgres://user:password@host:port/database */
  readonly url: string;
  readonly now?: () => Date;
  /** Connections kept open at most (default 10). */
  readonly maxConnections?: number;
}

/** Throws AppError('store-failure'), in one line naming the database (never its password), when it cannot be used. */
export async function openPostgresFilingStore(options: OpenPostgresStoreOptions): Promise<PostgresFilingStore> {
  const db = connectDatabase(options.url, { maxConnections: options.maxConnections ?? 10 });
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => {});
    if (error instanceof AppError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError(
      'store-failure',
      `The store in the database ${describeDatabaseUrl(options.url)} could not be opened: ${reason}.`,
      { database: describeDatabaseUrl(options.url) },
      { cause: error },
    );
  }
  return new PostgresFilingStore(db, { now: options.now ?? (() => new Date()) });
}
