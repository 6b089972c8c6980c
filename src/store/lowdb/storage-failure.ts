/**
 * A failure of the file system under the store (disk full, read-only, no permission) becomes one error of the
 * app's vocabulary, AppError('store-failure'), carrying the reason and the original error as its cause, so that
 * the Slack side can say "could not save: the disk is full — nothing was stored" and start-up can say in one line
 * why DATA_DIR cannot be used.
 */
import { AppError, isAppError } from '../../domain/errors.js';
import { storageFailureOf } from '../../domain/storage-failure.js';
import type { FilingStore } from '../filing-store.js';

/** The store-failure a file-system error stands for, or null for any other error (an AppError stays as it is). */
export function toStoreFailure(error: unknown, dir: string, doing: string): AppError | null {
  if (isAppError(error)) return null;
  const failure = storageFailureOf(error);
  if (!failure) return null;
  return new AppError(
    'store-failure',
    `The store in DATA_DIR ${dir} could not ${doing}: ${failure.reason} (${failure.code}).`,
    { dir, file: failure.path ?? dir, reason: failure.kind, errno: failure.code },
    { cause: error },
  );
}

/** The methods that write: their failure means nothing was stored. */
const WRITERS = new Set<keyof FilingStore>([
  'save',
  'saveWatchlist',
  'recordDigest',
  'claimDigest',
  'claimSlackUpload',
  'recordSlackUpload',
  'adoptTeamless',
]);

/** The store, with every file-system failure of every method turned into AppError('store-failure'). */
export function guardStorage(store: FilingStore, dir: string): FilingStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      // Not a promise: the contents' readers are for a copy, whose command names any failure itself.
      if (property === 'contents') return value.bind(target);
      const doing = WRITERS.has(property as keyof FilingStore) ? 'save' : 'be read';
      return (...args: unknown[]) =>
        Promise.resolve(value.apply(target, args)).catch((error: unknown) => {
          throw toStoreFailure(error, dir, doing) ?? error;
        });
    },
  });
}
