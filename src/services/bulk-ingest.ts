/**
 * Bulk ingest: every PDF under the given files and folders into the store. Files are read on worker threads while
 * this thread saves, one bad file never stops the run, and a run can be stopped (AbortSignal) and started again:
 * the store knows each filing by its sha256, so what was saved is answered "already held" the second time and
 * nothing is read twice.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { type AppErrorCode, FILE_READING_FAILURES, isAppError } from '../domain/errors.js';
import type { ExtractLimits } from '../pdf/extract-text.js';
import type { FilingStore, SaveResult } from '../store/filing-store.js';
import { ingestFiling } from './ingest-filing.js';
import type { readFiling } from './read-filing.js';

export interface FoundFiles {
  /** Absolute paths, in the order they will be read. */
  readonly files: readonly string[];
  /** Files in the folders that are not PDFs (by name), left alone. */
  readonly skipped: readonly string[];
  /** Paths given that do not exist, and folders that could not be listed (no permission). */
  readonly missing: readonly string[];
}

/** PDFs under folders (recursively, by the .pdf extension); a file named on its own is taken whatever its name. */
export async function findPdfFiles(paths: readonly string[]): Promise<FoundFiles> {
  const files = new Set<string>();
  const skipped: string[] = [];
  const missing: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(given);
    const info = await stat(absolute).catch(() => null);
    if (!info) missing.push(given);
    else if (info.isDirectory()) await walk(absolute, files, skipped, missing);
    else files.add(absolute);
  }
  return { files: [...files], skipped: skipped.filter((file) => !files.has(file)), missing };
}

async function walk(dir: string, files: Set<string>, skipped: string[], missing: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => null);
  if (!entries) {
    missing.push(dir);
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, files, skipped, missing);
    else if (/\.pdf$/i.test(entry.name)) files.add(full);
    else if (entry.isFile() && !entry.name.startsWith('.')) skipped.push(full);
  }
}

export type SavedStatus = SaveResult['status'];

export type FileOutcome =
  | {
      readonly kind: 'saved';
      readonly file: string;
      readonly status: SavedStatus;
      readonly stockCode: string;
      readonly reportMonth: string;
      readonly issuerName: string;
      readonly dateSubmitted: string | null;
      /** The submission this one replaced (superseded-earlier) or that replaces it (older-than-held). */
      readonly otherDateSubmitted: string | null;
      /** Already held from another file of the same return (a re-saved PDF). */
      readonly sameContent: boolean;
      /** Errors the checks found (figures that do not add up); the return is stored with them. */
      readonly errorFlags: number;
    }
  | {
      readonly kind: 'not-a-monthly-return';
      readonly file: string;
      readonly message: string;
      readonly looksLike: string | null;
    }
  | { readonly kind: 'unreadable'; readonly file: string; readonly code: string; readonly message: string }
  /** Read, but the store could not keep it. */
  | { readonly kind: 'failed'; readonly file: string; readonly message: string };

export interface BulkIngestSummary {
  readonly found: FoundFiles;
  /** One per file read, in the order they finished. */
  readonly outcomes: readonly FileOutcome[];
  /** Stopped before every file was read. */
  readonly interrupted: boolean;
  readonly elapsedMs: number;
}

export interface BulkIngestDeps {
  readonly store: FilingStore;
  readonly now: () => Date;
  /** Reads a filing (a worker pool's read); bytes -> parsed, checked return. */
  readonly read: typeof readFiling;
  readonly limits?: ExtractLimits;
  /** Files in hand at once; twice the readers keeps each reader busy while the last result is saved. */
  readonly concurrency: number;
  readonly signal?: AbortSignal;
  /** Told how many PDFs were found, before the first is read. */
  readonly onStart?: (total: number) => void;
  /** Told of each file as it finishes, with how many are done of how many. */
  readonly onOutcome?: (outcome: FileOutcome, done: number, total: number) => void;
  /** Monotonic clock in ms, for the elapsed time. */
  readonly clock?: () => number;
}

class Interrupted extends Error {}

/**
 * What reading a file can say about it (a download from HKEXnews counts as part of reading it there); any other
 * error is the store's, and the file counts as failed.
 */
const READ_ERRORS: ReadonlySet<AppErrorCode> = new Set([...FILE_READING_FAILURES, 'hkexnews-failure']);

/** Ingests the PDFs under `paths`, or the files already found by findPdfFiles. */
export async function bulkIngest(
  deps: BulkIngestDeps,
  paths: readonly string[] | FoundFiles,
): Promise<BulkIngestSummary> {
  const clock = deps.clock ?? (() => performance.now());
  const started = clock();
  const found = isFound(paths) ? paths : await findPdfFiles(paths);
  deps.onStart?.(found.files.length);
  const outcomes: FileOutcome[] = [];
  let next = 0;

  async function lane(): Promise<void> {
    while (next < found.files.length && !deps.signal?.aborted) {
      const file = found.files[next++] as string;
      const outcome = await ingestOne(deps, file);
      if (!outcome) continue;
      outcomes.push(outcome);
      deps.onOutcome?.(outcome, outcomes.length, found.files.length);
    }
  }

  const lanes = Array.from({ length: Math.max(1, deps.concurrency) }, () => lane());
  await Promise.all(lanes);
  return {
    found,
    outcomes,
    interrupted: outcomes.length < found.files.length,
    elapsedMs: clock() - started,
  };
}

function isFound(paths: readonly string[] | FoundFiles): paths is FoundFiles {
  return !Array.isArray(paths);
}

/** One file, start to end; undefined when the run was stopped while it was being read (it was not saved). */
async function ingestOne(deps: BulkIngestDeps, file: string): Promise<FileOutcome | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return {
      kind: 'unreadable',
      file,
      code: 'unreadable-filing',
      message: `${file} could not be opened (${messageOf(error)})`,
    };
  }
  const fileName = path.basename(file);
  // A stop request abandons the read, never a save in progress: saves are atomic, and the next run reads the file.
  const read: typeof readFiling = (input, options) => untilAborted(deps.read(input, options), deps.signal);
  try {
    const result = await ingestFiling(
      { store: deps.store, now: deps.now, limits: deps.limits, read },
      { bytes, fileName, source: { kind: 'path', path: file } },
    );
    return savedOutcome(file, result);
  } catch (error) {
    if (error instanceof Interrupted) return undefined;
    return failedOutcome(file, error);
  }
}

/** What became of a file whose reading or saving threw: not a return, unreadable (and why), or not saved. */
export function failedOutcome(file: string, error: unknown): FileOutcome {
  if (isAppError(error, 'not-a-monthly-return')) {
    const looksLike = typeof error.facts.looksLike === 'string' ? error.facts.looksLike : null;
    return { kind: 'not-a-monthly-return', file, message: error.message, looksLike };
  }
  if (isAppError(error) && READ_ERRORS.has(error.code)) {
    return { kind: 'unreadable', file, code: error.code, message: error.message };
  }
  return { kind: 'failed', file, message: messageOf(error) };
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  // A read abandoned on a stop request may still fail later (its reader closed): nobody waits for it any more.
  work.catch(() => undefined);
  if (signal.aborted) return Promise.reject(new Interrupted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Interrupted());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

export function savedOutcome(file: string, result: SaveResult): FileOutcome {
  const { stored } = result;
  const other =
    result.status === 'superseded-earlier'
      ? result.superseded
      : result.status === 'older-than-held'
        ? result.current
        : null;
  return {
    kind: 'saved',
    file,
    status: result.status,
    stockCode: stored.stockCode,
    reportMonth: stored.reportMonth,
    issuerName: stored.monthlyReturn.issuerName,
    dateSubmitted: stored.monthlyReturn.dateSubmitted,
    otherDateSubmitted: other?.monthlyReturn.dateSubmitted ?? null,
    sameContent: result.status === 'already-held' && result.match === 'same-content',
    errorFlags: stored.flags.filter((flag) => flag.severity === 'error').length,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
