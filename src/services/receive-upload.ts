/**
 * What reading a monthly return shared in Slack needs from the rest of the app: the store, and `ingestFiling` bound
 * to its dependencies. Slack's part (the claim, the download, the answer) is in src/slack/uploads/.
 */
import type { FilingStore, SaveResult } from '../store/filing-store.js';
import type { IngestInput } from './ingest-filing.js';

export interface UploadDeps {
  readonly store: FilingStore;
  /** `ingestFiling` bound to its dependencies; throws AppError (not a monthly return, unreadable ...) with nothing stored. */
  readonly ingest: (input: IngestInput) => Promise<SaveResult>;
}
