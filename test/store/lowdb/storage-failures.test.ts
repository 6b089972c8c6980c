/**
 * The file system failing under the store: a full disk and a read-only folder, on a small tmpfs mounted for the
 * test. Mounting needs root; where it is refused the tests are skipped with a note.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeError } from '../../../src/format/describe-error.js';
import type { FilingStore } from '../../../src/store/index.js';
import { makeSaveInput, makeTempDir, openTestStore, removeTempDir, sha256Of } from '../store-fixtures.js';

function tryMount(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const probe = await makeTempDir();
const canMount = tryMount(probe);
if (canMount) execFileSync('umount', [probe]);
await removeTempDir(probe);
if (!canMount) console.warn('storage-failures: this process may not mount a tmpfs (needs root); tests skipped');

let mountPoint: string;
let dataDir: string;
let store: FilingStore | null;

beforeEach(async () => {
  if (!canMount) return;
  mountPoint = await makeTempDir();
  tryMount(mountPoint);
  dataDir = path.join(mountPoint, 'data');
  store = null;
});

afterEach(async () => {
  if (!canMount) return;
  execFileSync('mount', ['-o', 'remount,rw', mountPoint]);
  await store?.close().catch(() => undefined);
  execFileSync('umount', [mountPoint]);
  await removeTempDir(mountPoint);
});

/** Writes a file until the disk is full; removing it frees the space again. */
async function fillDisk(): Promise<string> {
  const filler = path.join(mountPoint, 'filler');
  const handle = await open(filler, 'w');
  try {
    for (;;) await handle.write(Buffer.alloc(16 * 1024, 1));
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    await handle.close();
  }
  return filler;
}

const remountReadOnly = () => execFileSync('mount', ['-o', 'remount,ro', mountPoint]);

describe.skipIf(!canMount)('a full disk', () => {
  it('fails a save with store-failure "disk-full", stores nothing, and the store works once space is freed', async () => {
    ({ store } = await openTestStore(dataDir));
    await store.save(makeSaveInput({ month: '2023-10' }));
    const filler = await fillDisk();
    const big = makeSaveInput({ month: '2023-11' });
    const input = { ...big, monthlyReturn: { ...big.monthlyReturn, remarks: 'Remarks. '.repeat(2000) } };
    const error = await store.save(input).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'store-failure', facts: { reason: 'disk-full', errno: 'ENOSPC' } });
    expect((error as Error).cause).toMatchObject({ code: 'ENOSPC' });
    expect(describeError(error).text).toBe(
      ":warning: Could not save: the disk is full — nothing was stored. An administrator needs to look at the bot's DATA_DIR.",
    );
    expect(await store.findBySha256(sha256Of('00020-2023-11-new'))).toBeNull();
    expect(await store.monthsHeld('00020')).toEqual(['2023-10']);
    expect((await store.forMonth('00020', '2023-10'))?.reportMonth).toBe('2023-10');

    await rm(filler);
    expect((await store.save(input)).status).toBe('stored');
    expect(await store.monthsHeld('00020')).toEqual(['2023-11', '2023-10']);
  });

  it('refuses to open a new store there in one line naming DATA_DIR and the reason', async () => {
    await fillDisk();
    const error = await openTestStore(dataDir).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'store-failure', facts: { reason: 'disk-full' } });
    expect((error as Error).message).toBe(
      `The store in DATA_DIR ${dataDir} could not be opened: the disk is full (ENOSPC).`,
    );
  });
});

describe.skipIf(!canMount)('a read-only folder', () => {
  it('fails a save with store-failure "read-only", while what is held still answers', async () => {
    ({ store } = await openTestStore(dataDir));
    await store.save(makeSaveInput({ month: '2023-10' }));
    remountReadOnly();
    await expect(store.save(makeSaveInput({ month: '2023-11' }))).rejects.toMatchObject({
      code: 'store-failure',
      facts: { reason: 'read-only', errno: 'EROFS' },
    });
    await expect(
      store.saveWatchlist({ channelId: 'C1', stockCodes: ['00020'], digestEnabled: true, updatedAt: 'x' }),
    ).rejects.toMatchObject({ code: 'store-failure', facts: { reason: 'read-only' } });
    expect((await store.latest('00020'))?.reportMonth).toBe('2023-10');
  });

  it('says a refused claim of a Slack upload could not be saved, not that the store could not be read', async () => {
    ({ store } = await openTestStore(dataDir));
    remountReadOnly();
    const share = { fileId: 'F1', fileName: 'F1.pdf', channelId: 'C1', shareTs: '1.1', threadTs: '1.1', userId: null };
    await expect(store.claimSlackUpload(share, 60_000)).rejects.toMatchObject({
      code: 'store-failure',
      message: `The store in DATA_DIR ${dataDir} could not save: the folder is read-only (EROFS).`,
    });
  });

  it('refuses to open a store there in one line naming DATA_DIR and the reason', async () => {
    await mkdir(dataDir);
    remountReadOnly();
    const error = await openTestStore(dataDir).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `The store in DATA_DIR ${dataDir} could not be opened: the folder is read-only (EROFS).`,
    );
  });
});
