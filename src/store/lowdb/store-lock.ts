/**
 * One process at a time owns a store directory: two would interleave their saves of one month file, and each
 * empties the temporary folder when it opens. A lock left by a process that died is taken over.
 *
 * Every step that decides who owns the lock is one atomic operation of the file system, so that no two processes
 * can both win it, however their steps interleave:
 * - The lock is taken by `link`ing a file already written in full (its holder's pid and a one-time token) to the
 *   name `.lock`: the link either makes the name or fails with EEXIST, and a reader never sees a half-written lock.
 * - A stale lock (its pid no longer runs) is removed only by the process that first creates a marker named after
 *   that lock's token (`.lock.takeover-<token>`), and only while `.lock` still holds that token. A lock's token is
 *   never reused, so a process that judged an earlier lock stale can never remove the one that replaced it. The
 *   marker is itself a lock of this kind, so a taker that dies mid-takeover is taken over in its turn.
 */
import { randomBytes } from 'node:crypto';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { AppError } from '../../domain/errors.js';
import type { StoreLayout } from './store-layout.js';

/** Locks this process holds, so that opening one directory twice in one process is refused too. */
const heldHere = new Set<string>();

/** How long a process waits for another that is taking over the same stale lock (it takes milliseconds). */
const TAKEOVER_WAIT_MS = 2_000;

export async function lockStore(layout: StoreLayout): Promise<() => Promise<void>> {
  const file = layout.lockFile;
  if (heldHere.has(file)) throw inUse(layout, process.pid);
  const token = await acquire(file, Date.now() + TAKEOVER_WAIT_MS);
  if (typeof token === 'number') throw inUse(layout, token);
  heldHere.add(file);
  return async () => {
    heldHere.delete(file);
    // Only our own lock is removed: never one that replaced it.
    if ((await readHolder(file))?.token === token) await rm(file, { force: true });
  };
}

interface Holder {
  readonly pid: number | null;
  /** The whole content: pid and one-time token (a lock written before tokens holds the pid alone). */
  readonly token: string;
}

/** Our token when the lock is ours; the pid of the live process that holds it otherwise. */
async function acquire(file: string, giveUpAt: number): Promise<string | number> {
  const token = `${process.pid} ${randomBytes(12).toString('hex')}`;
  const written = `${file}.${randomBytes(6).toString('hex')}.new`;
  await writeFile(written, token, { flag: 'wx' });
  try {
    for (;;) {
      if (await linkIfAbsent(written, file)) return token;
      const holder = await readHolder(file);
      if (!holder) continue; // released between our link and our read: try again
      if (holder.pid !== null && isRunning(holder.pid)) return holder.pid;
      const marker = `${file}.takeover-${holder.token.replace(/\W/g, '-')}`;
      const taker = await acquire(marker, giveUpAt);
      if (typeof taker === 'string') {
        try {
          if ((await readHolder(file))?.token === holder.token) await rm(file, { force: true });
        } finally {
          await rm(marker, { force: true });
        }
      } else if (Date.now() > giveUpAt) {
        return taker;
      } else {
        // Another live process is taking over this stale lock: its link comes within milliseconds.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  } finally {
    await rm(written, { force: true });
  }
}

async function linkIfAbsent(existing: string, name: string): Promise<boolean> {
  try {
    await link(existing, name);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function readHolder(file: string): Promise<Holder | null> {
  let token: string;
  try {
    token = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const pid = Number.parseInt(token, 10);
  // Our own pid in a lock we do not hold here is a lock left by an earlier life of this pid (a container's pid 1).
  return { pid: Number.isInteger(pid) && pid !== process.pid ? pid : null, token };
}

function inUse(layout: StoreLayout, pid: number): AppError {
  return new AppError(
    'config-invalid',
    `The store at ${layout.root} is in use by process ${pid}; stop it or give this one another directory.`,
    { dir: layout.root, pid },
  );
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
