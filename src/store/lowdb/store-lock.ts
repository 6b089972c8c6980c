/**
 * One process at a time owns a store directory: two would interleave their saves of one month file, and each
 * empties the temporary folder when it opens. A lock left by a process that died is taken over.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { AppError } from '../../domain/errors.js';
import type { StoreLayout } from './store-layout.js';

export async function lockStore(layout: StoreLayout): Promise<() => Promise<void>> {
  try {
    await writeFile(layout.lockFile, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number.parseInt(await readFile(layout.lockFile, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
      throw new AppError(
        'config-invalid',
        `The store at ${layout.root} is in use by process ${holder}; stop it or give this one another directory.`,
        { dir: layout.root, pid: holder },
      );
    }
    await writeFile(layout.lockFile, String(process.pid));
  }
  return () => rm(layout.lockFile, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
