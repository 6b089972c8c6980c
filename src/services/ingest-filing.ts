/**
 * Read one filing into the store: the path shared by Slack uploads and bulk ingest. Nothing is parsed twice: a
 * file whose sha256 is already held is answered from the store.
 */
import { createHash } from 'node:crypto';
import { type Audience, readerOf, WORKSPACE } from '../domain/audience.js';
import { hkexnewsListingOf, type ProvenanceSource } from '../domain/stored-return.js';
import { PARSER_VERSION } from '../parse/index.js';
import type { ExtractLimits } from '../pdf/extract-text.js';
import type { FilingStore, SaveResult } from '../store/filing-store.js';
import { readFiling } from './read-filing.js';

export interface IngestDeps {
  readonly store: FilingStore;
  readonly limits?: ExtractLimits;
  /** Injected clock, for provenance timestamps. */
  readonly now: () => Date;
  /** Bytes -> parsed return; readFiling on this thread unless given (bulk ingest reads on worker threads). */
  readonly read?: typeof readFiling;
}

export interface IngestInput {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly source: ProvenanceSource;
  /** Who may see the return: the workspace unless it was read in a private conversation. */
  readonly audience?: Audience;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Throws AppError (not-a-monthly-return, unreadable-filing, ...) without touching the store. */
export async function ingestFiling(deps: IngestDeps, input: IngestInput): Promise<SaveResult> {
  const sha256 = sha256Of(input.bytes);
  const audience = input.audience ?? WORKSPACE;
  // Held where this audience can see it: answered as held. Held only elsewhere: read, so the save can widen it.
  const held = await deps.store.findBySha256(sha256, readerOf(audience));
  const provenance = { source: input.source, sha256, readAt: deps.now().toISOString(), parserVersion: PARSER_VERSION };
  if (held && input.source.kind === 'hkexnews' && !hkexnewsListingOf(held)) {
    // A file shared before, now seen on HKEXnews: saved again from there, so that the store links it to the listing.
    return deps.store.save({ monthlyReturn: held.monthlyReturn, flags: held.flags, provenance, audience });
  }
  if (held) return { status: 'already-held', stored: held, match: 'same-file' };
  const parsed = await (deps.read ?? readFiling)(input.bytes, { fileName: input.fileName, limits: deps.limits });
  return deps.store.save({ monthlyReturn: parsed.monthlyReturn, flags: parsed.flags, provenance, audience });
}
