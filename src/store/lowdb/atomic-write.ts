/**
 * Replace a file so that a crash at any instant leaves either the old bytes or the new ones, never a torn mix.
 *
 * steno (lowdb's own writer) writes a temporary file and renames it, which survives a killed process but not a
 * power cut: without fsync the rename can reach the disk before the data, leaving an empty file behind. So the
 * temporary file is fsynced before the rename, and the directory after it (the rename itself lives in the
 * directory). Temporary files go to one folder of the store, which is emptied when the store is opened.
 *
 * Only the fsyncs wait on the disk, and only they run on the thread pool. The rest (open, write of a few KB into
 * the page cache, rename) takes microseconds done in place, where each hop to the thread pool and back costs ten
 * times that on a busy machine.
 */
import { closeSync, fsync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const fsyncAsync = promisify(fsync);

export interface AtomicWriteOptions {
  /** A folder on the same filesystem as `file`, for the temporary copy. */
  readonly tmpDir: string;
  /** fsync the data before the rename (default). Off only for stores that can be built again from their source. */
  readonly durable?: boolean;
  /**
   * Also fsync the directory after the rename, so that the new file survives a power cut once this resolves
   * (default: as `durable`). A file that is derived from others, and rebuilt from them when found stale, can
   * leave this to the next directory sync: journaling filesystems commit renames in order.
   */
  readonly syncDirectory?: boolean;
}

let sequence = 0;

export async function writeFileAtomic(file: string, text: string, options: AtomicWriteOptions): Promise<void> {
  const durable = options.durable ?? true;
  const tmp = path.join(options.tmpDir, `${path.basename(file)}.${process.pid}.${++sequence}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    writeFileSync(fd, text, 'utf8');
    if (durable) await fsyncAsync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  if (options.syncDirectory ?? durable) await syncDirectory(path.dirname(file));
}

/** Makes a directory's entries (a rename, a new file) durable. */
export async function syncDirectory(dir: string): Promise<void> {
  const fd = openSync(dir, 'r');
  try {
    await fsyncAsync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Creates `dir` if missing; syncs the parent of each new directory so that it survives a power cut. */
export async function ensureDirectory(dir: string, durable = true): Promise<void> {
  const first = mkdirSync(dir, { recursive: true });
  if (first === undefined || !durable) return;
  for (let created = dir; ; created = path.dirname(created)) {
    await syncDirectory(path.dirname(created));
    if (created === first || path.dirname(created) === created) break;
  }
}

/** Removes what a killed process left in the temporary folder. */
export function clearTemporaryFiles(tmpDir: string): void {
  mkdirSync(tmpDir, { recursive: true });
  for (const name of readdirSync(tmpDir)) rmSync(path.join(tmpDir, name), { force: true, recursive: true });
}
