/** The filing store: the interface callers use, and the factory that opens the lowdb-backed one. */
export type { FilingStore, SaveInput, SaveResult } from './filing-store.js';
export {
  DEFAULT_STORE_DIR,
  type OpenFilingStoreOptions,
  openLowdbFilingStore as openFilingStore,
} from './lowdb/open-lowdb-store.js';
