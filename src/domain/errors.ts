/**
 * The one error vocabulary of the app. Each error is thrown where the problem is noticed, carries the facts
 * (file, stock code, page, field) and the original error as `cause`; `describeError` in format/ turns it into what
 * a user reads.
 */
export type AppErrorCode =
  /** A command or argument the user typed that we cannot act on. */
  | 'bad-input'
  /** Nothing held for what was asked. */
  | 'not-found'
  /** A readable PDF, but not a monthly return (facts.lookslike names what it is). */
  | 'not-a-monthly-return'
  /** Not a PDF, or a damaged one. */
  | 'unreadable-filing'
  /** A PDF that needs a password. */
  | 'encrypted-filing'
  /** A PDF with no text layer (a scan). */
  | 'no-text-layer'
  /** Over the configured size or page limit. */
  | 'filing-too-large'
  /** Extraction or parsing ran past its time limit. */
  | 'timeout'
  /** Reading needed more memory than a reader may use (READ_MEMORY_MB): a decompression bomb, say. */
  | 'filing-too-complex'
  /** A store file that fails validation; it is kept aside, never overwritten. */
  | 'store-corrupt'
  /** The store's files could not be written or read: disk full, read-only, no permission (facts.reason). */
  | 'store-failure'
  /** Slack answered with an error, or could not be reached. */
  | 'slack-failure'
  /** HKEXnews answered with an error or something other than what it serves, was too slow, or could not be reached. */
  | 'hkexnews-failure'
  /** Configuration missing or malformed. */
  | 'config-invalid';

export type ErrorFacts = Record<string, string | number | boolean | null | undefined>;

export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly facts: ErrorFacts = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

/**
 * What reading a file can end in when the file is the trouble, not the store or the network: damaged, locked, a
 * scan, too large, too slow or too complex to read. Bulk ingest counts these as unreadable files; an upload answers
 * them to the uploader alone unless the file showed itself to be a monthly return.
 */
export const FILE_READING_FAILURES: ReadonlySet<AppErrorCode> = new Set([
  'unreadable-filing',
  'encrypted-filing',
  'no-text-layer',
  'filing-too-large',
  'timeout',
  'filing-too-complex',
]);
