/**
 * A file-system failure under the store (disk full, read-only, no permission): its kind and the reason in a user's
 * words, found on the error or its causes (a store error wraps the file system's). The one table of these codes;
 * anything else is not a storage failure.
 */
export type StorageFailureKind = 'disk-full' | 'read-only' | 'no-permission' | 'too-many-files' | 'io-error';

const FAILURES: Readonly<Record<string, { readonly kind: StorageFailureKind; readonly reason: string }>> = {
  ENOSPC: { kind: 'disk-full', reason: 'the disk is full' },
  EDQUOT: { kind: 'disk-full', reason: 'the disk quota is used up' },
  EROFS: { kind: 'read-only', reason: 'the folder is read-only' },
  EACCES: { kind: 'no-permission', reason: 'the bot may not write to its data folder' },
  EPERM: { kind: 'no-permission', reason: 'the bot may not write to its data folder' },
  EMFILE: { kind: 'too-many-files', reason: 'too many files are open' },
  EIO: { kind: 'io-error', reason: 'the disk reported an input/output error' },
};

export interface StorageFailure {
  /** The system's code, e.g. ENOSPC. */
  readonly code: string;
  readonly kind: StorageFailureKind;
  readonly reason: string;
  /** The path the system named, where it did. */
  readonly path: string | null;
}

export function storageFailureOf(error: unknown): StorageFailure | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    const { code, path } = e as NodeJS.ErrnoException;
    const failure = typeof code === 'string' ? FAILURES[code] : undefined;
    if (code && failure) return { code, ...failure, path: typeof path === 'string' ? path : null };
  }
  return null;
}
