/**
 * A failure of the file system under the store (disk full, read-only, no permission) becomes one error of the
 * app's vocabulary, AppError('store-failure'), carrying the reason and the original error as its cause, so that
 * the Slack side can say "could not save: the disk is full — nothing was stored" and start-up can say in one line
 * why DATA_DIR cannot be used.
 */
import { AppError, isAppError } from '../../domain/errors.js';
import { storageReason } from '../../domain/storage-failure.js';
import type { FilingStore } from '../filing-store.js';

/** The kind of each failure, by the error codes of the operating system; domain/storage-failure.ts words it. */
const KINDS: Record<string, string> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EROFS: 'read-only',
  EACCES: 'no-permission',
  EPERM: 'no-permission',
  EIO: 'io-error',
};

/** The store-failure a file-system error stands for, or null for any other error. */
export function storageFailureOf(error: unknown, dir: string, doing: string): AppError | null {
  if (isAppError(error)) return null;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const kind = code ? KINDS[code] : undefined;
  const text = code ? storageReason(code) : null;
  if (!kind || !text) return null;
  const file = (error as NodeJS.ErrnoException).path ?? dir;
  return new AppError(
    'store-failure',
    `The store in DATA_DIR ${dir} could not ${doing}: ${text} (${code}).`,
    { dir, file, reason: kind, errno: code },
    { cause: error },
  );
}

/** The methods that write: their failure means nothing was stored. */
const WRITERS = new Set(['save', 'saveWatchlist', 'recordDigest', 'claimSlackFile', 'releaseSlackFile']);

/** The store, with every file-system failure of every method turned into AppError('store-failure'). */
export function guardStorage(store: FilingStore, dir: string): FilingStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const doing = WRITERS.has(String(property)) ? 'save' : 'be read';
      return (...args: unknown[]) =>
        Promise.resolve(value.apply(target, args)).catch((error: unknown) => {
          throw storageFailureOf(error, dir, doing) ?? error;
        });
    },
  });
}
