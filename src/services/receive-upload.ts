/**
 * A monthly return shared in Slack: fetch its bytes, read and store it once, and build its card. Slack's part (the
 * thread reply, the download) is passed in, so this runs the same in tests and in the demo.
 */
import type { ProvenanceSource } from '../domain/stored-return.js';
import type { FilingStore, SaveResult } from '../store/filing-store.js';
import type { FilingCard } from '../view-models/filing-card.js';
import { buildFilingCardForSave } from './filing-card.js';
import type { IngestInput } from './ingest-filing.js';

export interface UploadDeps {
  readonly store: FilingStore;
  /** `ingestFiling` bound to its dependencies. */
  readonly ingest: (input: IngestInput) => Promise<SaveResult>;
}

export interface UploadInput {
  readonly fileName: string;
  readonly source: Extract<ProvenanceSource, { kind: 'slack' }>;
  readonly fetchBytes: () => Promise<Uint8Array>;
}

/** Throws AppError (not a monthly return, unreadable, too large ...) with nothing stored. */
export async function receiveUpload(deps: UploadDeps, input: UploadInput): Promise<FilingCard> {
  const bytes = await input.fetchBytes();
  const result = await deps.ingest({ bytes, fileName: input.fileName, source: input.source });
  return buildFilingCardForSave(deps.store, result);
}
