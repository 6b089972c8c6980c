/**
 * Replace a file so that a crash at any instant leaves either the old bytes or the new ones, never a torn mix.
 *
 * steno (lowdb's own writer) writes a temporary file and renames it, which survives a killed process but not a
 * power cut: without fsync the rename can reach the disk before the data, leaving an empty file behind. So the
 * temporary file is fsynced before the rename, and the directory after it (the rename itself lives in the
 * directory). Temporary files go to one folder of the store, which is emptied when the store is opened.
 */
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** A folder on the same filesystem as `file`, for the temporary copy. */
  readonly tmpDir: string;
  /** fsync the data and the directory (default). Bulk loads that sync once at the end may turn it off. */
  readonly durable?: boolean;
}

let sequence = 0;

export async function writeFileAtomic(file: string, text: string, options: AtomicWriteOptions): Promise<void> {
  const durable = options.durable ?? true;
  const tmp = path.join(options.tmpDir, `${path.basename(file)}.${process.pid}.${++sequence}.tmp`);
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    if (durable) await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  if (durable) await syncDirectory(path.dirname(file));
}

/** Makes a directory's entries (a rename, a new file) durable. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates `dir` if missing; syncs the parent of each new directory so that it survives a power cut. */
export async function ensureDirectory(dir: string, durable = true): Promise<void> {
  const first = await mkdir(dir, { recursive: true });
  if (first === undefined || !durable) return;
  for (let created = dir; ; created = path.dirname(created)) {
    await syncDirectory(path.dirname(created));
    if (created === first || path.dirname(created) === created) break;
  }
}

/** Removes what a killed process left in the temporary folder. */
export async function clearTemporaryFiles(tmpDir: string): Promise<void> {
  await mkdir(tmpDir, { recursive: true });
  for (const name of await readdir(tmpDir)) await rm(path.join(tmpDir, name), { force: true, recursive: true });
}
