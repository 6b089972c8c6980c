/** The sentence a user reads when the store could not save. */
import type { StorageFailure } from '../domain/storage-failure.js';

/** What the user reads: the save did not happen, and why. */
export function describeStorageFailure(failure: StorageFailure): string {
  return `:warning: Could not save: ${failure.reason} — nothing was stored. An administrator needs to look at the bot's DATA_DIR.`;
}
