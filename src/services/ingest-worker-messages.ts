/** What the ingest pool and its worker threads say to each other: plain data, copied between threads. */
import type { AppErrorCode, ErrorFacts } from '../domain/errors.js';
import type { ParsedFiling } from '../domain/parsed-filing.js';
import type { ExtractLimits } from '../pdf/extract-text.js';

export interface ReadRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly limits?: ExtractLimits;
}

/** Sent once the worker has loaded the reader, so that a file's time limit counts reading only. */
export interface WorkerReady {
  readonly ready: true;
}

export type ReadReply =
  | { readonly id: number; readonly ok: true; readonly parsed: ParsedFiling }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { readonly code: AppErrorCode; readonly message: string; readonly facts: ErrorFacts };
    };
