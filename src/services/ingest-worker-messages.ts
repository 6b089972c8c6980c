/** What the read pool and its reader processes say to each other: plain data, copied between processes. */
import type { AppErrorCode, ErrorFacts } from '../domain/errors.js';
import type { ParsedFiling } from '../domain/parsed-filing.js';
import type { ExtractLimits } from '../pdf/extract-text.js';

export interface ReadRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly limits?: ExtractLimits;
}

/** Sent once the reader has loaded pdf.js (one read), so that a file's time limit counts reading only. */
export interface ReaderReady {
  readonly ready: true;
}

/** Sent once a reader asked for the thorough warm-up has finished it, between the files it was given meanwhile. */
export interface ReaderWarmed {
  readonly warmed: true;
}

export type ReadReply =
  | { readonly id: number; readonly ok: true; readonly parsed: ParsedFiling }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { readonly code: AppErrorCode; readonly message: string; readonly facts: ErrorFacts };
    };
