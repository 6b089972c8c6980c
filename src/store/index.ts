/**
 * The filing store: the interface callers use, and the factory that opens one: the PostgreSQL store where a
 * database URL is given (DATABASE_URL), else the lowdb store in its directory, the default.
 */
import type { FilingStore } from './filing-store.js';
import { type OpenFilingStoreOptions, openLowdbFilingStore } from './lowdb/open-lowdb-store.js';
import { openPostgresFilingStore } from './postgres/open-postgres-store.js';

export type { FilingStore, SaveInput, SaveResult } from './filing-store.js';
export { DEFAULT_STORE_DIR, type OpenFilingStoreOptions } from './lowdb/open-lowdb-store.js';

export function openFilingStore(
  options: OpenFilingStoreOptions & { readonly databaseUrl?: string | null } = {},
): Promise<FilingStore> {
  const { databaseUrl, ...lowdb } = options;
  if (!databaseUrl) return openLowdbFilingStore(lowdb);
  return openPostgresFilingStore({ url: databaseUrl, ...(options.now ? { now: options.now } : {}) });
}
