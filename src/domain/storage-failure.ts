/**
 * A write to the store that the operating system refused: the reason in a user's words, found on the error or its
 * causes (a store error wraps the file system's). Anything else is not a storage failure.
 */
const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the folder is read-only',
  EACCES: 'the bot may not write to its data folder',
  EPERM: 'the bot may not write to its data folder',
  EMFILE: 'too many files are open',
  EIO: 'the disk reported an input/output error',
};

/** The user's words for a system error code of the file system, or null for any other code. */
export function storageReason(code: string): string | null {
  return REASONS[code] ?? null;
}

export interface StorageFailure {
  /** The system's code, e.g. ENOSPC. */
  readonly code: string;
  readonly reason: string;
  /** The path the system named, where it did. */
  readonly path: string | null;
}

export function storageFailureOf(error: unknown): StorageFailure | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    const { code, path } = e as NodeJS.ErrnoException;
    if (typeof code === 'string' && REASONS[code]) {
      return { code, reason: REASONS[code], path: typeof path === 'string' ? path : null };
    }
  }
  return null;
}
